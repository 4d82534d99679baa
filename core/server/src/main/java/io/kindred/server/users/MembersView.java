package io.kindred.server.users;

import io.kindred.api.db.Database;
import io.kindred.api.users.Member;
import io.kindred.api.users.Members;

import java.util.Optional;
import java.util.Set;

/** Plugins' read access to members. */
public final class MembersView implements Members {

    private final Database db;
    private final UserStore users;

    public MembersView(Database db, UserStore users) {
        this.db = db;
        this.users = users;
    }

    @Override
    public Optional<Member> find(long id) {
        return db.read(h -> users.byId(h, id)).map(UserRow::toMember);
    }

    @Override
    public Optional<Member> findByEmail(String email) {
        return db.read(h -> users.byEmail(h, email)).map(UserRow::toMember);
    }

    @Override
    public boolean preference(long id, io.kindred.api.users.MemberPreference preference) {
        return db.read(h -> h.createQuery("SELECT pref_value FROM member_preferences WHERE user_id = :u AND pref_key = :k")
                .bind("u", id).bind("k", preference.key()).mapTo(Integer.class).findOne())
                .map(v -> v == 1).orElse(preference.defaultValue());
    }

    @Override
    public Set<String> labels(long id) {
        return db.read(h -> users.labels(h, id));
    }

    @Override
    public Optional<java.util.Map<String, String>> shippingAddress(long id) {
        return db.read(h -> users.byId(h, id)).map(UserRow::shippingAddress).filter(a -> !a.isBlank()).map(json -> {
            java.util.Map<String, Object> stored = io.kindred.server.web.Json.readMap(json);
            java.util.Map<String, String> ordered = new java.util.LinkedHashMap<>();
            for (String field : ShippingAddress.FIELDS) {
                Object v = stored.get(field);
                if (v != null && !v.toString().isBlank()) {
                    ordered.put(field, v.toString());
                }
            }
            return ordered;
        }).filter(a -> !a.isEmpty());
    }

    @Override
    public long countActive() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM users WHERE status = 'active'").mapTo(Long.class).one());
    }

    @Override
    public java.util.List<Long> bornOn(java.time.LocalDate day) {
        String md = day.toString().substring(5);
        String leapDay = day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear() ? "02-29" : md;
        // birthday is TEXT 'YYYY-MM-DD'; substr(text, 6) is the same in SQLite and PostgreSQL
        return db.read(h -> h.createQuery("""
                        SELECT id FROM users
                         WHERE status = 'active' AND birthday IS NOT NULL
                           AND (substr(birthday, 6) = :md OR substr(birthday, 6) = :leap)
                         ORDER BY id""")
                .bind("md", md).bind("leap", leapDay).mapTo(Long.class).list());
    }
}
