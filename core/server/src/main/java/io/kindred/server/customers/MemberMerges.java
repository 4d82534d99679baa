package io.kindred.server.customers;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.events.Events;
import io.kindred.api.users.Role;
import io.kindred.server.audit.AuditLog;
import io.kindred.server.ledger.LedgerService;
import io.kindred.server.users.MemberIds;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Json;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges two members who are one person (an operator's decision): everything of {@code from} goes to
 * {@code into} in one transaction — every ledger balance (as transfers whose keys derive from the merge, so
 * nothing is created or lost), purchases, labels, external ids, the email and phone when {@code into} lacks
 * them, fans referred by {@code from}'s code — then {@code from} is marked merged, signed out everywhere,
 * audited, and {@code member.merged} {into, from} is published once. Plugins move their own data by
 * handling that event. Asking again for the same merge answers the first result and publishes nothing.
 */
public final class MemberMerges {

    /** What a merge did. */
    public record Merge(long into, long from, Instant mergedAt, Map<String, Object> moved, boolean repeated) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("into", into);
            m.put("from", from);
            m.put("mergedAt", mergedAt);
            m.put("moved", moved);
            m.put("repeated", repeated);
            return m;
        }
    }

    private final Database db;
    private final UserStore users;
    private final LedgerService ledger;
    private final Events events;
    private final AuditLog audit;
    private final Clock clock;

    public MemberMerges(Database db, UserStore users, LedgerService ledger, Events events, AuditLog audit, Clock clock) {
        this.db = db;
        this.users = users;
        this.ledger = ledger;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param actor who asks, for the audit log
     * @throws KindredException 404 {@code user_not_found}, 400 {@code merge_same_member}, 409 {@code member_merged}
     *                          (either side already went into a third member), 409 {@code merge_refused} (staff,
     *                          or a member that is not active)
     */
    public Merge merge(String actor, long into, long from) {
        if (into == from) {
            throw new KindredException(CoreError.MERGE_SAME_MEMBER, "A member cannot be merged into itself.");
        }
        return db.write(h -> {
            if (db.dialect().equals("postgresql")) {
                // Writers run side by side there: merges of the same members take turns (both rows, in id order), so
                // the second finds the first's merge and answers from it instead of failing on member_merges' key.
                h.createQuery("SELECT id FROM users WHERE id IN (:a, :b) ORDER BY id FOR UPDATE")
                        .bind("a", into).bind("b", from).mapTo(Long.class).list();
            }
            UserRow target = users.byId(h, into).orElseThrow(() -> MemberIds.notFound(into));
            UserRow source = users.byId(h, from).orElseThrow(() -> MemberIds.notFound(from));
            Optional<Merge> earlier = earlier(h, from);
            if (earlier.isPresent()) {
                if (earlier.get().into() == into) {
                    return earlier.get();
                }
                throw new KindredException(CoreError.MEMBER_MERGED, "Member " + from + " was already merged into member "
                        + earlier.get().into() + ".");
            }
            users.mergedInto(h, into).ifPresent(other -> {
                throw new KindredException(CoreError.MEMBER_MERGED, "Member " + into + " was merged into member "
                        + users.current(h, into) + "; merge into that member instead.");
            });
            refuseUnless(target);
            refuseUnless(source);
            return move(h, actor, target, source);
        });
    }

    private static void refuseUnless(UserRow u) {
        if (u.roles().contains(Role.ADMIN) || u.roles().contains(Role.OPERATOR)) {
            throw new KindredException(CoreError.MERGE_REFUSED, "Member " + u.id()
                    + " is an operator or administrator; only members without a staff role can be merged.");
        }
        if (!u.status().equals("active")) {
            throw new KindredException(CoreError.MERGE_REFUSED, "Member " + u.id() + " is " + u.status()
                    + "; only active members can be merged.");
        }
    }

    private Merge move(Handle h, String actor, UserRow into, UserRow from) {
        long now = clock.millis();
        Map<String, Object> moved = new LinkedHashMap<>();
        moved.put("balances", moveBalances(h, into, from));
        moved.put("purchases", movePurchases(h, into, from));
        List<String> labels = List.copyOf(users.labels(h, from.id()));
        labels.forEach(l -> users.addLabel(h, into.id(), l, now));
        h.createUpdate("DELETE FROM user_labels WHERE user_id = :from").bind("from", from.id()).execute();
        moved.put("labels", labels);
        moved.put("externalIds", h.createUpdate("UPDATE user_external_ids SET user_id = :into WHERE user_id = :from")
                .bind("into", into.id()).bind("from", from.id()).execute());
        users.cache().forgetUser(h, from.id()); // merged: signed out everywhere
        users.cache().forgetUser(h, into.id()); // may take the email or phone
        moved.putAll(closeAndTakeContacts(h, into, from, now));
        moved.put("referredMembers", h.createUpdate("""
                        UPDATE users SET referred_by_code = :code WHERE referred_by_code = :old AND id <> :into""")
                .bind("code", into.referralCode()).bind("old", from.referralCode()).bind("into", into.id()).execute());

        h.createUpdate("""
                        INSERT INTO member_merges(from_id, into_id, actor, summary, created_at)
                        VALUES (:from, :into, :actor, :summary, :now)""")
                .bind("from", from.id()).bind("into", into.id()).bind("actor", actor).bind("summary", Json.write(moved))
                .bind("now", now).execute();
        audit.record(h, actor, "member.merged", "user:" + into.id(), "Merged member " + from.id() + " into member " + into.id()
                + ": " + Json.write(moved) + ".");
        events.publish(h, "member.merged", into.id(), Map.of("into", into.id(), "from", from.id()));
        return new Merge(into.id(), from.id(), Instant.ofEpochMilli(now), moved, false);
    }

    /** Every non-zero balance, as a transfer whose key derives from the merge: nothing is created or lost. */
    private Map<String, Object> moveBalances(Handle h, UserRow into, UserRow from) {
        String reference = "merge:" + from.id() + ":" + into.id();
        Map<String, Object> balances = new LinkedHashMap<>();
        for (Map.Entry<String, Long> b : memberBalances(h, from.id()).entrySet()) {
            ledger.moveBalance(h, b.getKey(), from.id(), into.id(), "member_merged", reference, reference + ":" + b.getKey());
            balances.put(b.getKey(), b.getValue());
        }
        return balances;
    }

    private static int movePurchases(Handle h, UserRow into, UserRow from) {
        int purchases = h.createUpdate("UPDATE purchases SET user_id = :into WHERE user_id = :from")
                .bind("into", into.id()).bind("from", from.id()).execute();
        h.createUpdate("""
                        UPDATE users SET total_spent = total_spent + :spent,
                               purchase_count = purchase_count + (SELECT f.purchase_count FROM users f WHERE f.id = :from),
                               last_purchase_day = CASE WHEN last_purchase_day IS NULL OR last_purchase_day < :day
                                                        THEN :day ELSE last_purchase_day END,
                               last_active_day = CASE WHEN last_active_day IS NULL
                                                        OR last_active_day < (SELECT f.last_active_day FROM users f WHERE f.id = :from)
                                                      THEN (SELECT f.last_active_day FROM users f WHERE f.id = :from)
                                                      ELSE last_active_day END
                         WHERE id = :into""")
                .bind("spent", from.totalSpent()).bind("day", from.lastPurchaseDay()).bind("into", into.id())
                .bind("from", from.id()).execute();
        return purchases;
    }

    /**
     * Marks {@code from} merged, signs it out everywhere, ends its reset links, and hands its email and phone
     * to {@code into} when {@code into} has none (both are unique: {@code from} lets go first).
     */
    private static Map<String, Object> closeAndTakeContacts(Handle h, UserRow into, UserRow from, long now) {
        boolean email = into.email() == null && from.email() != null;
        boolean phone = into.phone() == null && from.phone() != null;
        h.createUpdate("""
                        UPDATE users SET status = 'merged', merged_into = :into, total_spent = 0, purchase_count = 0, updated_at = :now,
                               email = CASE WHEN :email THEN NULL ELSE email END,
                               phone = CASE WHEN :phone THEN NULL ELSE phone END
                         WHERE id = :from""")
                .bind("into", into.id()).bind("now", now).bind("email", email).bind("phone", phone)
                .bind("from", from.id()).execute();
        h.createUpdate("""
                        UPDATE users SET email = COALESCE(email, :email), phone = COALESCE(phone, :phone), updated_at = :now
                         WHERE id = :into""")
                .bind("email", email ? from.email() : null).bind("phone", phone ? from.phone() : null)
                .bind("now", now).bind("into", into.id()).execute();
        h.createUpdate("DELETE FROM sessions WHERE user_id = :from").bind("from", from.id()).execute();
        // The dashboard's past activity follows the person: their sign-ins count for the member they went into.
        h.createUpdate("UPDATE sign_ins SET user_id = :into WHERE user_id = :from")
                .bind("into", into.id()).bind("from", from.id()).execute();
        h.createUpdate("UPDATE password_resets SET used_at = :now WHERE user_id = :from AND used_at IS NULL")
                .bind("now", now).bind("from", from.id()).execute();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", email);
        m.put("phone", phone);
        return m;
    }

    private static Map<String, Long> memberBalances(Handle h, long userId) {
        Map<String, Long> m = new LinkedHashMap<>();
        h.createQuery("SELECT asset, balance FROM ledger_accounts WHERE user_id = :u AND balance <> 0 ORDER BY asset")
                .bind("u", userId).map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    /** @return the merge that took {@code from} away, if there was one */
    public Optional<Merge> earlier(Handle h, long from) {
        return h.createQuery("SELECT into_id, summary, created_at FROM member_merges WHERE from_id = :from")
                .bind("from", from)
                .map((rs, c) -> new Merge(rs.getLong(1), from, Instant.ofEpochMilli(rs.getLong(3)),
                        Json.readMap(rs.getString(2)), true))
                .findOne();
    }
}
