package io.kindred.server.users;

import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.web.Scope;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Server-to-server keys: shown once when created or rotated, stored only as a hash, scoped, optionally expiring,
 * revocable by name. A key's last use (time and client address) is kept.
 */
public final class ApiKeys {

    /** A key as listed (never the secret). {@code scopes} are codes such as {@code purchases:write}. */
    public record ApiKey(long id, String name, String prefix, List<String> scopes, Instant createdAt, Instant expiresAt,
                         Instant revokedAt, Instant lastUsedAt, String lastUsedAddress, Instant rotatedAt) {
    }

    /** A key just created or rotated: {@code secret} is shown to the operator once. */
    public record Created(ApiKey key, String secret) {
    }

    /** The key behind a valid secret: what it may do. */
    public record Caller(long id, String name, Set<Scope> scopes) {
    }

    private static final String COLUMNS =
            "id, name, prefix, scopes, created_at, expires_at, revoked_at, last_used_at, last_used_address, rotated_at ";

    private final Database db;
    private final Clock clock;

    public ApiKeys(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** An all-powerful key that never expires (the {@code apikey} command, tests). */
    public Created create(String name) {
        return create(name, Set.of(Scope.ADMIN), null);
    }

    /**
     * @param scopes    what the key may do (at least one)
     * @param expiresAt when it stops working, or null for never
     */
    public Created create(String name, Collection<Scope> scopes, Instant expiresAt) {
        String n = name == null ? "" : name.trim();
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw KindredException.invalidField("An API key name is 1 to 64 letters, digits, dots, dashes or underscores.");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw KindredException.invalidField("An API key needs at least one scope.");
        }
        long now = clock.millis();
        if (expiresAt != null && expiresAt.toEpochMilli() <= now) {
            throw KindredException.invalidField("An API key's expiry must be in the future.");
        }
        String prefix = Tokens.code(8).toLowerCase();
        String secret = secret(prefix);
        long id = db.write(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM api_keys WHERE name = :n AND revoked_at IS NULL")
                    .bind("n", n).mapTo(Integer.class).one() > 0;
            if (exists) {
                throw KindredException.conflict("name_taken", "An active API key named '" + n + "' already exists.");
            }
            // A revoked key's name may be reused: the old row keeps its history under a new name.
            h.createUpdate("UPDATE api_keys SET name = name || '#' || CAST(id AS TEXT) WHERE name = :n")
                    .bind("n", n).execute();
            return h.createUpdate("""
                            INSERT INTO api_keys(name, prefix, key_hash, created_at, scopes, expires_at)
                            VALUES (:n, :p, :hash, :now, :scopes, :expires)""")
                    .bind("n", n).bind("p", prefix).bind("hash", Tokens.hash(secret)).bind("now", now)
                    .bind("scopes", codes(scopes)).bind("expires", expiresAt == null ? null : expiresAt.toEpochMilli())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
        return new Created(byId(id), secret);
    }

    /**
     * Gives an active key a new secret: the old one stops working at once; id, name, scopes and expiry stay.
     *
     * @return the new secret, or empty when no active key has that name
     */
    public Optional<Created> rotate(String name) {
        String prefix = Tokens.code(8).toLowerCase();
        String secret = secret(prefix);
        int changed = db.write(h -> h.createUpdate("""
                        UPDATE api_keys SET prefix = :p, key_hash = :hash, rotated_at = :now
                         WHERE name = :n AND revoked_at IS NULL""")
                .bind("p", prefix).bind("hash", Tokens.hash(secret)).bind("now", clock.millis()).bind("n", name).execute());
        return changed == 0 ? Optional.empty() : find(name).map(k -> new Created(k, secret));
    }

    public boolean revoke(String name) {
        return db.write(h -> h.createUpdate("UPDATE api_keys SET revoked_at = :now WHERE name = :n AND revoked_at IS NULL")
                .bind("now", clock.millis()).bind("n", name).execute() > 0);
    }

    /**
     * @param address the client address the key is used from, kept as its last use
     * @return the key when the secret is a valid key that is neither revoked nor expired
     */
    public Optional<Caller> authenticate(String secret, String address) {
        if (secret == null || !secret.startsWith("kdk_") || secret.length() > 200) {
            return Optional.empty();
        }
        long now = clock.millis();
        Optional<ApiKey> found = db.read(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM api_keys WHERE key_hash = :hash AND revoked_at IS NULL
                          AND (expires_at IS NULL OR expires_at > :now)""")
                .bind("hash", Tokens.hash(secret)).bind("now", now).map(ApiKeys::row).findOne());
        found.ifPresent(k -> {
            boolean stale = k.lastUsedAt() == null || now - k.lastUsedAt().toEpochMilli() > 60_000;
            if (stale || !java.util.Objects.equals(address, k.lastUsedAddress())) {
                db.write(h -> h.createUpdate("UPDATE api_keys SET last_used_at = :now, last_used_address = :a WHERE id = :id")
                        .bind("now", now).bind("a", address).bind("id", k.id()).execute());
            }
        });
        return found.map(k -> new Caller(k.id(), k.name(), parse(k.scopes())));
    }

    public List<ApiKey> list() {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys ORDER BY id").map(ApiKeys::row).list());
    }

    /** @return the active key with this name */
    public Optional<ApiKey> find(String name) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE name = :n AND revoked_at IS NULL")
                .bind("n", name).map(ApiKeys::row).findOne());
    }

    private ApiKey byId(long id) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id").bind("id", id)
                .map(ApiKeys::row).one());
    }

    /** @return the scopes named by codes; an unknown code is {@code invalid_field} */
    public static Set<Scope> scopes(Collection<String> codes) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String code : codes) {
            scopes.add(Scope.ofCode(code).orElseThrow(() -> KindredException.invalidField("'" + code
                    + "' is not a scope; the scopes are " + Arrays.stream(Scope.values()).map(Scope::code)
                    .collect(Collectors.joining(", ")) + ".")));
        }
        return scopes;
    }

    private static String secret(String prefix) {
        return "kdk_" + prefix + "_" + Tokens.secret(32);
    }

    private static String codes(Collection<Scope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(Scope::code).collect(Collectors.joining(" "));
    }

    private static Set<Scope> parse(List<String> codes) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        codes.forEach(c -> Scope.ofCode(c).ifPresent(scopes::add)); // a scope dropped by a later version grants nothing
        return scopes;
    }

    private static ApiKey row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext c) throws SQLException {
        return new ApiKey(rs.getLong(1), rs.getString(2), rs.getString(3), List.of(rs.getString(4).trim().split("\\s+")),
                Instant.ofEpochMilli(rs.getLong(5)), instant(rs.getObject(6)), instant(rs.getObject(7)),
                instant(rs.getObject(8)), rs.getString(9), instant(rs.getObject(10)));
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
