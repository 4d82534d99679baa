package io.kindred.server.users;

import io.kindred.api.db.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * DB-backed sessions: the cookie holds a random token, the database its hash. A session ends at the absolute
 * timeout ({@code session.days} after signing in) or after the idle timeout without a request (shorter for
 * staff). A session opened while a TOTP code is still owed ({@code awaitingCode}) signs no one in.
 */
public final class Sessions {

    /** Length of a session's public id: the start of its token hash, shown only to its owner. */
    private static final int ID_LENGTH = 24;
    /** Last-seen times are written at most once a minute per session, not on every request. */
    private static final long SEEN_GRANULARITY_MS = 60_000;
    /** How long the second step of a sign-in (the TOTP code) may take. */
    static final Duration AWAITING_CODE_LIFETIME = Duration.ofMinutes(10);

    /**
     * @param absolute  how long a sign-in lasts at most
     * @param idle      a member's session ends after this long without a request; zero: never
     * @param staffIdle the same for operators and administrators
     */
    public record Timeouts(Duration absolute, Duration idle, Duration staffIdle) {
    }

    /** A resolved session; {@code id} is its public id. */
    public record Session(long userId, String csrfToken, String id, boolean awaitingCode) {
    }

    /** A session just opened: the token goes into the cookie and is never stored. */
    public record Opened(String token, String csrfToken, Duration lifetime, boolean awaitingCode) {
    }

    /** Where and how a session was opened, as the account page lists it. */
    public record Device(String userAgent, String address) {
        public Device {
            userAgent = userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), 300));
            address = address == null ? "" : address.substring(0, Math.min(address.length(), 64));
        }
    }

    /** One of a member's sessions; times are epoch milliseconds. */
    public record Listed(String id, String userAgent, String address, long signedInAt, long lastSeenAt) {
    }

    private final Database db;
    private final Clock clock;
    private final Supplier<Timeouts> timeouts;
    private final Supplier<ZoneId> zone;
    private final CallerCache cache;

    public Sessions(Database db, Clock clock, Supplier<Timeouts> timeouts, Supplier<ZoneId> zone, CallerCache cache) {
        this.db = db;
        this.cache = cache;
        this.clock = clock;
        this.timeouts = timeouts;
        this.zone = zone;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone.get());
    }

    /**
     * Opens a session.
     *
     * @param awaitingCode true when the password was right but a TOTP code is still owed
     */
    public Opened open(long userId, Device device, boolean awaitingCode) {
        String token = Tokens.secret(32);
        String csrf = Tokens.secret(24);
        long now = clock.millis();
        Duration lifetime = awaitingCode ? AWAITING_CODE_LIFETIME : timeouts.get().absolute();
        db.write(h -> {
            h.createUpdate("""
                            INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at,
                                                 user_agent, address, awaiting_code)
                            VALUES (:hash, :user, :csrf, :now, :expires, :now, :agent, :address, :awaiting)""")
                    .bind("hash", Tokens.hash(token)).bind("user", userId).bind("csrf", csrf)
                    .bind("now", now).bind("expires", now + lifetime.toMillis())
                    .bind("agent", device.userAgent()).bind("address", device.address())
                    .bind("awaiting", awaitingCode ? 1 : 0).execute();
            if (awaitingCode) {
                return 0;
            }
            io.kindred.server.segments.LastActive.touch(h, userId, today());
            // Kept after the session ends: the dashboard counts members active in past months by it.
            return h.createUpdate("INSERT INTO sign_ins(user_id, created_at) VALUES (:user, :now)")
                    .bind("user", userId).bind("now", now).execute();
        });
        return new Opened(token, csrf, lifetime, awaitingCode);
    }

    /**
     * The session of a cookie's token, from the cache when it holds it (no query), else from the database. Ends it
     * when idle too long; writes its last-seen time at most once a minute and the member's active day once a day,
     * decided from the cached values.
     */
    public Optional<Session> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        long now = clock.millis();
        String hash = Tokens.hash(token);
        Optional<CallerCache.CachedSession> found = cache.session(hash).or(() -> load(hash, now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.get().expiresAt() <= now) {
            cache.forgetSession(hash); // past its absolute end: the daily purge deletes the row
            return Optional.empty();
        }
        CallerCache.CachedSession f = found.get();
        Duration idle = f.staff() ? timeouts.get().staffIdle() : timeouts.get().idle();
        if (!idle.isZero() && now - f.lastSeenAt() > idle.toMillis()) {
            close(token);
            return Optional.empty();
        }
        String today = today().toString();
        boolean activeToday = f.lastActiveDay() != null && f.lastActiveDay().compareTo(today) >= 0;
        boolean touchDay = !activeToday && !f.session().awaitingCode();
        if (now - f.lastSeenAt() >= SEEN_GRANULARITY_MS || touchDay) {
            db.write(h -> {
                h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE token_hash = :hash")
                        .bind("now", now).bind("hash", hash).execute();
                // A member who comes back with their session is active today: one write per member per day.
                if (touchDay) {
                    io.kindred.server.segments.LastActive.touch(h, f.session().userId(), LocalDate.parse(today));
                }
                return null;
            });
            cache.refreshSession(hash, f, new CallerCache.CachedSession(f.session(), f.expiresAt(), now, f.staff(),
                    touchDay ? today : f.lastActiveDay()));
        }
        return Optional.of(f.session());
    }

    private Optional<CallerCache.CachedSession> load(String hash, long now) {
        long startedAt = cache.generation();
        Optional<CallerCache.CachedSession> read = db.read(h -> h.createQuery("""
                        SELECT s.user_id, s.csrf_token, substr(s.token_hash, 1, 24), s.awaiting_code, s.expires_at,
                               COALESCE(s.last_seen_at, s.created_at), u.last_active_day,
                               EXISTS (SELECT 1 FROM user_roles r
                                        WHERE r.user_id = s.user_id AND r.role IN ('operator', 'admin'))
                          FROM sessions s JOIN users u ON u.id = s.user_id
                         WHERE s.token_hash = :hash AND s.expires_at > :now""")
                .bind("hash", hash).bind("now", now)
                .map((rs, c) -> new CallerCache.CachedSession(
                        new Session(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1),
                        rs.getLong(5), rs.getLong(6), rs.getBoolean(8), rs.getString(7)))
                .findOne());
        read.ifPresent(s -> cache.putSession(hash, s, startedAt));
        return read;
    }

    /** A member's signed-in sessions, the most recently used first (at most 100). */
    public List<Listed> listOf(long userId) {
        return db.read(h -> h.createQuery("""
                        SELECT substr(token_hash, 1, 24), user_agent, address, created_at,
                               COALESCE(last_seen_at, created_at) AS seen
                          FROM sessions
                         WHERE user_id = :u AND awaiting_code = 0 AND expires_at > :now
                         ORDER BY seen DESC LIMIT 100""")
                .bind("u", userId).bind("now", clock.millis())
                .map((rs, c) -> new Listed(rs.getString(1), Optional.ofNullable(rs.getString(2)).orElse(""),
                        Optional.ofNullable(rs.getString(3)).orElse(""), rs.getLong(4), rs.getLong(5)))
                .list());
    }

    /** Ends one of the member's sessions by its public id; false when they have no such session. */
    public boolean revoke(long userId, String id) {
        if (id == null || id.length() != ID_LENGTH) {
            return false;
        }
        return db.write(h -> {
            cache.forgetUser(h, userId);
            return h.createUpdate("DELETE FROM sessions WHERE user_id = :u AND substr(token_hash, 1, 24) = :id")
                    .bind("u", userId).bind("id", id).execute();
        }) > 0;
    }

    /** Ends every session of the member but the one with this public id ("sign out everywhere else"). */
    public int closeOthers(long userId, String keptId) {
        return db.write(h -> {
            cache.forgetUser(h, userId);
            return h.createUpdate("DELETE FROM sessions WHERE user_id = :u AND substr(token_hash, 1, 24) <> :id")
                    .bind("u", userId).bind("id", keptId).execute();
        });
    }

    public void close(String token) {
        if (token != null && !token.isBlank()) {
            String hash = Tokens.hash(token);
            db.write(h -> {
                cache.forgetSession(h, hash);
                return h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", hash).execute();
            });
        }
    }

    public void closeAllOf(long userId) {
        db.write(h -> {
            cache.forgetUser(h, userId);
            return h.createUpdate("DELETE FROM sessions WHERE user_id = :u").bind("u", userId).execute();
        });
    }

    public int purgeExpired() {
        return db.write(h -> {
            cache.forgetAll(h);
            return h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now").bind("now", clock.millis()).execute();
        });
    }
}
