package io.kindred.server.users;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} wrong passwords for the same email from the same
 * address within the window, sign-in is refused until the window has passed. Kept in memory (per node).
 */
public final class LoginThrottle {

    private record Failures(int count, long firstAt) {
    }

    private final Clock clock;
    private final int maxFailures;
    private final long windowMs;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int maxFailures, long windowMs) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.windowMs = windowMs;
    }

    public String key(String email, String ip) {
        return (email == null ? "" : email.trim().toLowerCase(Locale.ROOT)) + "|" + ip;
    }

    public boolean isBlocked(String key) {
        Failures f = failures.get(key);
        if (f == null) {
            return false;
        }
        if (clock.millis() - f.firstAt() > windowMs) {
            failures.remove(key);
            return false;
        }
        return f.count() >= maxFailures;
    }

    public void failed(String key) {
        long now = clock.millis();
        failures.merge(key, new Failures(1, now), (old, one) ->
                now - old.firstAt() > windowMs ? one : new Failures(old.count() + 1, old.firstAt()));
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> now - e.getValue().firstAt() > windowMs);
        }
    }

    public void succeeded(String key) {
        failures.remove(key);
    }
}
