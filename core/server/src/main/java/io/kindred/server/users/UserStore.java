package io.kindred.server.users;

import io.kindred.api.users.Role;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The SQL of members: accounts, roles, labels, external ids. */
public final class UserStore {

    // string_agg is PostgreSQL's and SQLite's (3.44+) spelling of group_concat.
    private static final String COLUMNS = """
            u.id, u.email, u.phone, u.password_hash, u.display_name, u.avatar, u.birthday, u.shipping_address,
            u.locale, u.referral_code, u.referred_by_code, u.total_spent, u.last_purchase_day, u.status, u.created_at,
            (SELECT string_agg(r.role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles""";

    private final Jdbi jdbi;
    private final CallerCache cache;

    public UserStore(Jdbi jdbi, CallerCache cache) {
        this.jdbi = jdbi;
        this.cache = cache;
    }

    /** The cache of sessions and members every request reads; writers of members call its {@code forget} methods. */
    public CallerCache cache() {
        return cache;
    }

    /** @return the active member with this id, from the cache when it holds them (no query) */
    public Optional<io.kindred.api.users.Member> activeMember(long id) {
        Optional<io.kindred.api.users.Member> cached = cache.member(id);
        if (cached.isPresent()) {
            return cached;
        }
        long startedAt = cache.generation();
        Optional<io.kindred.api.users.Member> read = byId(id).filter(u -> u.status().equals("active")).map(UserRow::toMember);
        read.ifPresent(m -> cache.putMember(m, startedAt));
        return read;
    }

    static final RowMapper<UserRow> MAPPER = (ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) -> new UserRow(
            rs.getLong("id"), rs.getString("email"), rs.getString("phone"), rs.getString("password_hash"),
            rs.getString("display_name"), rs.getString("avatar"), rs.getString("birthday"),
            rs.getString("shipping_address"), rs.getString("locale"), rs.getString("referral_code"),
            rs.getString("referred_by_code"), rs.getLong("total_spent"), rs.getString("last_purchase_day"),
            rs.getString("status"), Instant.ofEpochMilli(rs.getLong("created_at")), roles(rs.getString("roles")));

    private static Set<Role> roles(String csv) {
        Set<Role> roles = EnumSet.of(Role.MEMBER);
        if (csv != null) {
            for (String r : csv.split(",")) {
                roles.add(Role.valueOf(r.trim().toUpperCase()));
            }
        }
        return roles;
    }

    public Optional<UserRow> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.id = :id")
                .bind("id", id).map(MAPPER).findOne();
    }

    public Optional<UserRow> byId(long id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    public Optional<UserRow> byEmail(Handle h, String email) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.email = :email")
                .bind("email", email.trim().toLowerCase()).map(MAPPER).findOne();
    }

    public Optional<UserRow> byEmail(String email) {
        return jdbi.withHandle(h -> byEmail(h, email));
    }

    /** @return up to 10 active accounts with exactly this display name, oldest first */
    public java.util.List<UserRow> byDisplayName(Handle h, String displayName) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.display_name = :name AND u.status = 'active'"
                        + " ORDER BY u.id LIMIT 10")
                .bind("name", displayName).map(MAPPER).list();
    }

    public Optional<UserRow> byPhone(Handle h, String phone) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.phone = :phone")
                .bind("phone", phone).map(MAPPER).findOne();
    }

    public Optional<UserRow> byExternalId(Handle h, String system, String externalId) {
        return h.createQuery("SELECT " + COLUMNS + """
                         FROM users u JOIN user_external_ids x ON x.user_id = u.id
                        WHERE x.system = :system AND x.external_id = :externalId""")
                .bind("system", system).bind("externalId", externalId).map(MAPPER).findOne();
    }

    /** @return the member a merged member went into (directly), or empty when it was not merged */
    public Optional<Long> mergedInto(Handle h, long id) {
        return h.createQuery("SELECT merged_into FROM users WHERE id = :id AND merged_into IS NOT NULL")
                .bind("id", id).mapTo(Long.class).findOne();
    }

    /** @return the member itself, or the member it was merged into, following merges of merges */
    public long current(Handle h, long id) {
        long at = id;
        for (int hop = 0; hop < 20; hop++) {
            Optional<Long> next = mergedInto(h, at);
            if (next.isEmpty()) {
                return at;
            }
            at = next.get();
        }
        return at;
    }

    public Optional<UserRow> byReferralCode(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.referral_code = :code")
                .bind("code", code.trim().toUpperCase()).map(MAPPER).findOne());
    }

    public Optional<Long> idByReferralCode(Handle h, String code) {
        return h.createQuery("SELECT id FROM users WHERE referral_code = :code")
                .bind("code", code.trim().toUpperCase()).mapTo(Long.class).findOne();
    }

    /** Inserts an account; the caller has checked that email and phone are free. */
    public long insert(Handle h, String email, String phone, String passwordHash, String displayName,
                       String referredByCode, long now) {
        for (int attempt = 0; ; attempt++) {
            String code = Tokens.code(8);
            boolean taken = h.createQuery("SELECT COUNT(*) FROM users WHERE referral_code = :c")
                    .bind("c", code).mapTo(Integer.class).one() > 0;
            if (taken && attempt < 10) {
                continue;
            }
            return h.createUpdate("""
                            INSERT INTO users(email, phone, password_hash, display_name, referral_code, referred_by_code,
                                              created_at, updated_at)
                            VALUES (:email, :phone, :hash, :name, :code, :ref, :now, :now)""")
                    .bind("email", email).bind("phone", phone).bind("hash", passwordHash).bind("name", displayName)
                    .bind("code", code).bind("ref", referredByCode).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        }
    }

    public void setRoles(Handle h, long userId, Set<Role> roles) {
        cache.forgetUser(h, userId);
        h.createUpdate("DELETE FROM user_roles WHERE user_id = :u").bind("u", userId).execute();
        for (Role r : roles) {
            if (r != Role.MEMBER) {
                h.createUpdate("INSERT INTO user_roles(user_id, role) VALUES (:u, :r)")
                        .bind("u", userId).bind("r", r.code()).execute();
            }
        }
    }

    /** @return the member's role codes, {@code member} first, e.g. {@code [member, operator]} */
    public java.util.List<String> roleCodes(Handle h, long userId) {
        java.util.List<String> codes = new java.util.ArrayList<>(java.util.List.of(Role.MEMBER.code()));
        codes.addAll(h.createQuery("SELECT role FROM user_roles WHERE user_id = :u ORDER BY role")
                .bind("u", userId).mapTo(String.class).list());
        return codes;
    }

    /**
     * Changes a member's roles; refused with 409 {@code last_admin} when no administrator would be left. When the
     * roles do change, every session of the member ends: no session carries on under roles it was not opened with.
     */
    public void changeRoles(Handle h, long userId, Set<Role> roles) {
        Set<String> before = new java.util.HashSet<>(h.createQuery("SELECT role FROM user_roles WHERE user_id = :u")
                .bind("u", userId).mapTo(String.class).list());
        setRoles(h, userId, roles);
        Set<String> after = new java.util.HashSet<>(h.createQuery("SELECT role FROM user_roles WHERE user_id = :u")
                .bind("u", userId).mapTo(String.class).list());
        if (!before.equals(after)) {
            cache.forgetUser(h, userId);
            h.createUpdate("DELETE FROM sessions WHERE user_id = :u").bind("u", userId).execute();
        }
        long admins = h.createQuery("SELECT COUNT(*) FROM user_roles WHERE role = 'admin'").mapTo(Long.class).one();
        if (admins == 0) {
            throw io.kindred.api.KindredException.conflict("last_admin", "The platform must keep at least one administrator.");
        }
    }

    public Set<String> labels(Handle h, long userId) {
        return new TreeSet<>(h.createQuery("SELECT label FROM user_labels WHERE user_id = :u")
                .bind("u", userId).mapTo(String.class).list());
    }

    public boolean addLabel(Handle h, long userId, String label, long now) {
        return h.createUpdate("""
                        INSERT INTO user_labels(user_id, label, created_at) VALUES (:u, :l, :now)
                        ON CONFLICT (user_id, label) DO NOTHING""")
                .bind("u", userId).bind("l", label).bind("now", now).execute() > 0;
    }

    public boolean removeLabel(Handle h, long userId, String label) {
        return h.createUpdate("DELETE FROM user_labels WHERE user_id = :u AND label = :l")
                .bind("u", userId).bind("l", label).execute() > 0;
    }

    public record ExternalId(String system, String externalId) {
    }

    public List<ExternalId> externalIds(Handle h, long userId) {
        return h.createQuery("SELECT system, external_id FROM user_external_ids WHERE user_id = :u ORDER BY system, external_id")
                .bind("u", userId).map((rs, c) -> new ExternalId(rs.getString(1), rs.getString(2))).list();
    }

    /** Links an external id; returns the member it already belonged to if that is someone else. */
    public Optional<Long> linkExternalId(Handle h, long userId, String system, String externalId, long now) {
        Optional<Long> owner = h.createQuery("SELECT user_id FROM user_external_ids WHERE system = :s AND external_id = :x")
                .bind("s", system).bind("x", externalId).mapTo(Long.class).findOne();
        if (owner.isPresent()) {
            return owner.get() == userId ? Optional.empty() : owner;
        }
        h.createUpdate("INSERT INTO user_external_ids(system, external_id, user_id, created_at) VALUES (:s, :x, :u, :now)")
                .bind("s", system).bind("x", externalId).bind("u", userId).bind("now", now).execute();
        return Optional.empty();
    }

    /** Member search for operators: text matches email, phone, name, referral code or an external id. */
    public List<UserRow> search(Handle h, String query, String label, long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM users u WHERE u.id < :before");
        if (query != null) {
            // '!' escapes LIKE wildcards: a backslash would be read as an escape by Jdbi's SQL parser.
            sql.append(' ').append("""
                     AND (LOWER(u.email) LIKE :q ESCAPE '!' OR u.phone LIKE :q ESCAPE '!'
                          OR LOWER(u.display_name) LIKE :q ESCAPE '!' OR u.referral_code = :exact
                          OR CAST(u.id AS TEXT) = :exact
                          OR u.id IN (SELECT x.user_id FROM user_external_ids x WHERE x.external_id = :exact))""");
            // IN, not a correlated EXISTS: the external ids are looked up once, not once per member scanned
        }
        if (label != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM user_labels l WHERE l.user_id = u.id AND l.label = :label)");
        }
        sql.append(" ORDER BY u.id DESC LIMIT :limit");
        var q = h.createQuery(sql.toString()).bind("before", beforeId).bind("limit", limit);
        if (query != null) {
            String escaped = query.toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_");
            q.bind("q", "%" + escaped + "%").bind("exact", query.trim());
        }
        if (label != null) {
            q.bind("label", label);
        }
        return new ArrayList<>(q.map(MAPPER).list());
    }

    /** Members passing a WHERE clause over {@code users u} (built by segments' filters, values bound), newest first. */
    public List<UserRow> matching(Handle h, String where, java.util.Map<String, Object> params, long beforeId, int limit) {
        return new ArrayList<>(h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.id < :before AND " + where
                        + " ORDER BY u.id DESC LIMIT :limit")
                .bindMap(params).bind("before", beforeId).bind("limit", limit).map(MAPPER).list());
    }

    /** @return how many accounts are active (not blocked or deleted), staff included */
    public long countActive(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM users WHERE status = 'active'").mapTo(Long.class).one();
    }

    /**
     * Active members in ascending id order after {@code afterId}: one step of a keyset walk over all of them.
     */
    public List<UserRow> activeAfter(Handle h, long afterId, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users u WHERE u.status = 'active' AND u.id > :after ORDER BY u.id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).map(MAPPER).list();
    }

    /**
     * Ids of active members born on a month and day, ascending.
     *
     * @param monthDay    {@code MM-DD}
     * @param alsoMonthDay a second {@code MM-DD} that counts too (29 February on the 28th of a common year), or
     *                     {@code monthDay} again
     */
    public List<Long> bornOn(Handle h, String monthDay, String alsoMonthDay) {
        // birthday is TEXT 'YYYY-MM-DD'; substr(text, 6) is the same in SQLite and PostgreSQL
        return h.createQuery("""
                        SELECT id FROM users
                         WHERE status = 'active' AND birthday IS NOT NULL
                           AND (substr(birthday, 6) = :md OR substr(birthday, 6) = :also)
                         ORDER BY id""")
                .bind("md", monthDay).bind("also", alsoMonthDay).mapTo(Long.class).list();
    }

    public void setPreference(Handle tx, long userId, String key, boolean value, long now) {
        tx.createUpdate("""
                        INSERT INTO member_preferences(user_id, pref_key, pref_value, updated_at) VALUES (:u, :k, :v, :now)
                        ON CONFLICT (user_id, pref_key) DO UPDATE SET pref_value = excluded.pref_value,
                                                                      updated_at = excluded.updated_at""")
                .bind("u", userId).bind("k", key).bind("v", value ? 1 : 0).bind("now", now).execute();
    }

    /** @return the member's stored choice of a preference, if they ever chose */
    public Optional<Boolean> preference(Handle h, long userId, String key) {
        return h.createQuery("SELECT pref_value FROM member_preferences WHERE user_id = :u AND pref_key = :k")
                .bind("u", userId).bind("k", key).mapTo(Integer.class).findOne().map(v -> v == 1);
    }
}
