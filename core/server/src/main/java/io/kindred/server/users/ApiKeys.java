package io.kindred.server.users;

import io.kindred.api.KindredException;
import io.kindred.api.db.Database;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Server-to-server keys: shown once when created, stored only as a hash, revocable by name. */
public final class ApiKeys {

    /** A key as listed (never the secret). */
    public record ApiKey(long id, String name, String prefix, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
    }

    /** A key just created: {@code secret} is shown to the operator once. */
    public record Created(ApiKey key, String secret) {
    }

    private final Database db;
    private final Clock clock;

    public ApiKeys(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Created create(String name) {
        String n = name == null ? "" : name.trim();
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw KindredException.invalidField("An API key name is 1 to 64 letters, digits, dots, dashes or underscores.");
        }
        String prefix = Tokens.code(8).toLowerCase();
        String secret = "kdk_" + prefix + "_" + Tokens.secret(32);
        long now = clock.millis();
        return db.write(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM api_keys WHERE name = :n AND revoked_at IS NULL")
                    .bind("n", n).mapTo(Integer.class).one() > 0;
            if (exists) {
                throw KindredException.conflict("name_taken", "An active API key named '" + n + "' already exists.");
            }
            // A revoked key's name may be reused: the old row keeps its history under a new name.
            h.createUpdate("UPDATE api_keys SET name = name || '#' || CAST(id AS TEXT) WHERE name = :n")
                    .bind("n", n).execute();
            long id = h.createUpdate("""
                            INSERT INTO api_keys(name, prefix, key_hash, created_at) VALUES (:n, :p, :hash, :now)""")
                    .bind("n", n).bind("p", prefix).bind("hash", Tokens.hash(secret)).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new Created(new ApiKey(id, n, prefix, Instant.ofEpochMilli(now), null, null), secret);
        });
    }

    public boolean revoke(String name) {
        return db.write(h -> h.createUpdate("UPDATE api_keys SET revoked_at = :now WHERE name = :n AND revoked_at IS NULL")
                .bind("now", clock.millis()).bind("n", name).execute() > 0);
    }

    /** @return the key's name when the secret is a valid, unrevoked key */
    public Optional<String> authenticate(String secret) {
        if (secret == null || !secret.startsWith("kdk_") || secret.length() > 200) {
            return Optional.empty();
        }
        record Found(long id, String name, Long lastUsedAt) {
        }
        Optional<Found> found = db.read(h -> h.createQuery(
                        "SELECT id, name, last_used_at FROM api_keys WHERE key_hash = :hash AND revoked_at IS NULL")
                .bind("hash", Tokens.hash(secret))
                .map((rs, c) -> new Found(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3)))
                .findOne());
        found.ifPresent(f -> {
            long now = clock.millis();
            if (f.lastUsedAt() == null || now - f.lastUsedAt() > 60_000) {
                db.write(h -> h.createUpdate("UPDATE api_keys SET last_used_at = :now WHERE id = :id")
                        .bind("now", now).bind("id", f.id()).execute());
            }
        });
        return found.map(Found::name);
    }

    public List<ApiKey> list() {
        return db.read(h -> h.createQuery("""
                        SELECT id, name, prefix, created_at, revoked_at, last_used_at FROM api_keys ORDER BY id""")
                .map((rs, c) -> new ApiKey(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), instant(rs.getObject(5)), instant(rs.getObject(6))))
                .list());
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
