package io.kindred.server.users;

import io.javalin.http.Context;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;

/** 429 {@code too_many_attempts} from the {@link CredentialThrottle}, with the seconds until a retry may pass. */
public final class TooManyAttempts extends KindredException {

    private final long retryAfterSeconds;

    public TooManyAttempts(long retryAfterSeconds) {
        super(CoreError.TOO_MANY_ATTEMPTS, "Too many attempts. Try again in " + minutes(retryAfterSeconds) + ".");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Sets the status and {@code Retry-After} of a page that answers this in its own words. */
    public void answer(Context ctx) {
        ctx.status(429);
        ctx.header("Retry-After", Long.toString(retryAfterSeconds));
    }

    private static String minutes(long seconds) {
        long m = (seconds + 59) / 60;
        return m <= 1 ? "a minute" : m + " minutes";
    }
}
