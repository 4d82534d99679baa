package io.kindred.server.customers;

import io.kindred.server.users.Accounts;
import io.kindred.server.users.Mailer;
import io.kindred.server.users.PasswordResets;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;

import java.util.Optional;
import java.util.function.BiFunction;

/**
 * An imported customer claims their record by proving the email: a sign-up with the email of a password-less
 * record sends a one-time link (the password-reset tokens: one hour, once, three per hour), and redeeming it
 * with a password makes the record theirs — history, points, tier and labels kept. A record that already has
 * a password is not claimable: signing up with its email stays {@code email_taken}.
 */
public final class EmailClaims {

    private final UserStore users;
    private final PasswordResets resets;

    public EmailClaims(UserStore users, PasswordResets resets) {
        this.users = users;
        this.resets = resets;
    }

    /** @return the active password-less record with this email, if there is one */
    public Optional<UserRow> claimable(String email) {
        if (email == null || email.isBlank() || !email.contains("@")) {
            return Optional.empty();
        }
        return PhoneClaims.claimable(users.byEmail(email.trim()));
    }

    /**
     * Sends the claim link to the record's email if it is claimable; otherwise does nothing, so that the
     * answer is the same either way.
     *
     * @return whether a link was sent
     */
    public boolean request(String email, String baseUrl, BiFunction<UserRow, String, Mailer.Mail> compose) {
        Optional<UserRow> user = claimable(Accounts.normaliseEmail(email));
        return user.isPresent() && resets.requestClaim(user.get(), baseUrl, compose);
    }

    /** @return whether the link still works */
    public boolean isValid(String token) {
        return resets.isValid(token);
    }

    /**
     * Sets the first password with the link's token.
     *
     * @throws io.kindred.api.KindredException {@code invalid_field} for a bad password (the link stays valid),
     *                                         {@code reset_link_invalid} for a used, expired or unknown link
     */
    public UserRow confirm(String token, String password) {
        return resets.reset(token, password);
    }
}
