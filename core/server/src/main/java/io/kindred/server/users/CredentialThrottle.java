package io.kindred.server.users;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one throttle for every check of a secret a guesser could try over and over: passwords (sign-in on the page
 * and the API, the password change on the page and the API), password-reset requests and links, claim codes and
 * second-factor codes. Each attempt takes a token from two buckets (Bucket4j, in memory per node): one for the
 * account it names and one for the client address it came from. An empty bucket means 429 with the seconds until
 * the window refills it; a success gives the tokens back, so only failures count and nobody is locked out for
 * longer than one window by someone else's guesses.
 *
 * <pre>{@code
 * CredentialThrottle.Attempt attempt = throttle.check(Kind.PASSWORD, email, ctx.ip()); // 429 when spent
 * if (passwordMatches) attempt.succeeded();
 * }</pre>
 */
public final class CredentialThrottle {

    /** What is being guessed; each kind has buckets of its own. */
    public enum Kind {
        /** a password: sign-in and password change share these buckets */
        PASSWORD,
        /** asking for a password-reset email (every request counts: each sends a mail) */
        RESET_REQUEST,
        /** a reset or claim link's token */
        LINK_TOKEN,
        /** a code sent by SMS to claim an imported customer record */
        CLAIM_CODE,
        /** a second-factor (TOTP) or recovery code */
        TOTP
    }

    /**
     * How many failures a window allows.
     *
     * @param perAccount failures for one account (setting {@code auth.max-failures})
     * @param perAddress failures from one client address (setting {@code auth.max-failures-per-address})
     * @param window     how long until a spent bucket is full again (setting {@code auth.lockout-minutes})
     */
    public record Limits(int perAccount, int perAddress, Duration window) {
    }

    /** One attempt let through; call {@link #succeeded()} when the secret was right. */
    @FunctionalInterface
    public interface Attempt {
        void succeeded();
    }

    private static final int MAX_BUCKETS = 100_000;

    private final TimeMeter time;
    private final Supplier<Limits> limits;
    private final Map<String, Held> buckets = new ConcurrentHashMap<>();

    private record Held(Bucket bucket, long capacity) {
    }

    /** @param clock the platform clock (tests move it to pass a window) */
    public CredentialThrottle(Clock clock, Supplier<Limits> limits) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.limits = limits;
    }

    /**
     * Counts an attempt at a secret.
     *
     * @param accountKey    the account the attempt names (an email, a phone number, {@code user:<id>}), or null when
     *                      the attempt names none (a link's token): then only the address counts
     * @param clientAddress the caller's address ({@code ctx.ip()})
     * @return the attempt, to mark as succeeded when the secret was right
     * @throws TooManyAttempts 429 {@code too_many_attempts} with the seconds to wait
     */
    public Attempt check(Kind kind, String accountKey, String clientAddress) {
        Limits l = limits.get();
        Bucket account = accountKey == null ? null : bucket(kind + "|account|" + normalise(accountKey), l.perAccount(), l);
        Bucket address = bucket(kind + "|address|" + normalise(clientAddress), l.perAddress(), l);
        if (account != null) {
            take(account);
        }
        try {
            take(address);
        } catch (TooManyAttempts e) {
            if (account != null) {
                account.addTokens(1);
            }
            throw e;
        }
        return () -> {
            if (account != null) {
                account.addTokens(1);
            }
            address.addTokens(1);
        };
    }

    /** @return the key of a member's password buckets: their email, as sign-in names them, or their id */
    public static String accountOf(UserRow member) {
        return member.email() != null ? member.email() : "user:" + member.id();
    }

    private static void take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new TooManyAttempts(seconds);
        }
    }

    private Bucket bucket(String key, int capacity, Limits l) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(h -> h.bucket().getAvailableTokens() >= h.capacity());
        }
        long size = Math.max(1, capacity);
        return buckets.computeIfAbsent(key, k -> new Held(Bucket.builder()
                .addLimit(limit -> limit.capacity(size).refillIntervally(size, l.window()))
                .withCustomTimePrecision(time).build(), size)).bucket();
    }

    private static String normalise(String key) {
        return key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
    }
}
