package io.kindred.server.staff;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.server.users.LoginThrottle;

/**
 * Slows the guessing of a credential (here: TOTP and recovery codes) per account and client address. The
 * platform-wide credential throttle (issue 20, "one throttle for every credential check") plugs in here; until
 * then {@link #of(LoginThrottle)} adapts the sign-in throttle.
 *
 * <pre>{@code
 * throttle.check("totp:" + userId, ctx.ip());   // 429 too_many_attempts while blocked
 * if (wrong) throttle.failed("totp:" + userId, ctx.ip()); else throttle.succeeded("totp:" + userId, ctx.ip());
 * }</pre>
 */
public interface CredentialThrottle {

    /** @throws KindredException 429 {@code too_many_attempts} while this account and address are blocked */
    void check(String account, String address);

    void failed(String account, String address);

    void succeeded(String account, String address);

    /** The sign-in throttle ({@code auth.max-failures} per {@code auth.lockout-minutes}) as a credential throttle. */
    static CredentialThrottle of(LoginThrottle throttle) {
        return new CredentialThrottle() {
            @Override
            public void check(String account, String address) {
                if (throttle.isBlocked(throttle.key(account, address))) {
                    throw new KindredException(CoreError.TOO_MANY_ATTEMPTS, "Too many wrong codes. Wait a few minutes and try again.");
                }
            }

            @Override
            public void failed(String account, String address) {
                throttle.failed(throttle.key(account, address));
            }

            @Override
            public void succeeded(String account, String address) {
                throttle.succeeded(throttle.key(account, address));
            }
        };
    }
}
