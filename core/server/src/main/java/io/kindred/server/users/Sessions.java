package io.kindred.server.users;

import io.kindred.api.db.Database;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** DB-backed sessions: the cookie holds a random token, the database its hash. */
public final class Sessions {

    /** A resolved session. */
    public record Session(long userId, String csrfToken) {
    }

    /** A session just opened: the token goes into the cookie and is never stored. */
    public record Opened(String token, String csrfToken, Duration lifetime) {
    }

    private final Database db;
    private final Clock clock;
    private final Duration lifetime;
    private final java.util.function.Supplier<java.time.ZoneId> zone;

    public Sessions(Database db, Clock clock, Duration lifetime, java.util.function.Supplier<java.time.ZoneId> zone) {
        this.db = db;
        this.clock = clock;
        this.lifetime = lifetime;
        this.zone = zone;
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(clock.instant(), zone.get());
    }

    public Opened open(long userId) {
        String token = Tokens.secret(32);
        String csrf = Tokens.secret(24);
        long now = clock.millis();
        db.write(h -> {
            h.createUpdate("""
                            INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at)
                            VALUES (:hash, :user, :csrf, :now, :expires)""")
                    .bind("hash", Tokens.hash(token)).bind("user", userId).bind("csrf", csrf)
                    .bind("now", now).bind("expires", now + lifetime.toMillis()).execute();
            io.kindred.server.segments.LastActive.touch(h, userId, today());
            // Kept after the session ends: the dashboard counts members active in past months by it.
            return h.createUpdate("INSERT INTO sign_ins(user_id, created_at) VALUES (:user, :now)")
                    .bind("user", userId).bind("now", now).execute();
        });
        return new Opened(token, csrf, lifetime);
    }

    public Optional<Session> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String today = today().toString();
        record Found(Session session, String lastActiveDay) {
        }
        Optional<Found> found = db.read(h -> h.createQuery("""
                        SELECT s.user_id, s.csrf_token, u.last_active_day
                          FROM sessions s JOIN users u ON u.id = s.user_id
                         WHERE s.token_hash = :hash AND s.expires_at > :now""")
                .bind("hash", Tokens.hash(token)).bind("now", clock.millis())
                .map((rs, c) -> new Found(new Session(rs.getLong(1), rs.getString(2)), rs.getString(3))).findOne());
        // A member who comes back with their session is active today: one write per member per day, not per request.
        found.filter(f -> f.lastActiveDay() == null || f.lastActiveDay().compareTo(today) < 0).ifPresent(f ->
                db.write(h -> {
                    io.kindred.server.segments.LastActive.touch(h, f.session().userId(), java.time.LocalDate.parse(today));
                    return null;
                }));
        return found.map(Found::session);
    }

    public void close(String token) {
        if (token != null && !token.isBlank()) {
            db.write(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash")
                    .bind("hash", Tokens.hash(token)).execute());
        }
    }

    public void closeAllOf(long userId) {
        db.write(h -> h.createUpdate("DELETE FROM sessions WHERE user_id = :u").bind("u", userId).execute());
    }

    public int purgeExpired() {
        return db.write(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
                .bind("now", clock.millis()).execute());
    }
}
