package io.kindred.server.users;

import io.kindred.api.db.Database;
import io.kindred.api.users.Member;
import io.kindred.api.users.Members;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Plugins' read access to members. */
public final class MembersView implements Members {

    private static final int MAX_PAGE = 1000;

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
    public java.util.List<Member> findByDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return java.util.List.of();
        }
        return db.read(h -> users.byDisplayName(h, displayName)).stream().map(UserRow::toMember).toList();
    }

    @Override
    public boolean preference(long id, io.kindred.api.users.MemberPreference preference) {
        return db.read(h -> users.preference(h, id, preference.key())).orElse(preference.defaultValue());
    }

    @Override
    public Optional<java.time.Instant> joinedAt(long id) {
        return db.read(h -> users.byId(h, id)).map(UserRow::createdAt);
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
    public Set<String> profileFilled(long id) {
        return db.read(h -> users.byId(h, id)).map(u -> {
            Set<String> filled = new java.util.LinkedHashSet<>();
            java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
            fields.put("displayName", u.displayName());
            fields.put("avatar", u.avatar());
            fields.put("birthday", u.birthday());
            fields.put("phone", u.phone());
            fields.put("shippingAddress", u.shippingAddress());
            fields.forEach((name, v) -> {
                if (v != null && !v.toString().isBlank() && !v.toString().equals("{}")) {
                    filled.add(name);
                }
            });
            return Set.copyOf(filled);
        }).orElse(Set.of());
    }

    @Override
    public Optional<String> referralCode(long id) {
        return db.read(h -> h.createQuery("SELECT referral_code FROM users WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne());
    }

    @Override
    public Optional<Long> invitedBy(long id) {
        return db.read(h -> h.createQuery("""
                        SELECT r.id FROM users u JOIN users r ON r.referral_code = u.referred_by_code WHERE u.id = :id""")
                .bind("id", id).mapTo(Long.class).findOne());
    }

    @Override
    public long countActive() {
        return db.read(users::countActive);
    }

    @Override
    public List<Long> bornOn(LocalDate day) {
        String md = day.toString().substring(5);
        String leapDay = day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear() ? "02-29" : md;
        return db.read(h -> users.bornOn(h, md, leapDay));
    }

    @Override
    public List<Member> page(long afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_PAGE + ": " + limit);
        }
        return db.read(h -> users.activeAfter(h, afterId, limit)).stream().map(UserRow::toMember).toList();
    }
}
