package io.kindred.server.users;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;

/**
 * Asks a signed-in member for their current password before a sensitive act (a new password, deleting the account),
 * through the buckets of sign-in: a stolen session may not guess the password faster than a stranger.
 */
public final class PasswordConfirmation {

    private final Accounts accounts;
    private final CredentialThrottle throttle;

    public PasswordConfirmation(Accounts accounts, CredentialThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    /**
     * @throws KindredException 400 {@code missing_field} for an empty password, 401 {@code invalid_credentials} for a
     *                          wrong one, 429 {@code too_many_attempts} after too many
     */
    public void confirm(UserRow member, String password, String field, String clientAddress) {
        if (password == null || password.isEmpty()) {
            throw KindredException.missingField(field);
        }
        CredentialThrottle.Attempt attempt = throttle.check(CredentialThrottle.Kind.PASSWORD,
                CredentialThrottle.accountOf(member), clientAddress);
        if (member.email() == null || accounts.authenticate(member.email(), password).isEmpty()) {
            throw new KindredException(CoreError.INVALID_CREDENTIALS, "The current password is wrong.");
        }
        attempt.succeeded();
    }
}
