package io.kindred.plugins.distribution;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/** The SQL of bindings (锁粉), re-bindings, invite-link clicks and sign-up addresses. */
final class BindingStore {

    /** A fan as their referrer sees them: id, name to mask, when they were bound, commission they brought. */
    record FanRow(long userId, long boundAt, long contribution) {
    }

    /** A re-binding by an operator, for the audit trail. */
    record Rebind(long id, long userId, Long oldReferrerId, long newReferrerId, String reason, Long operatorId,
                  long createdAt) {
    }

    Optional<Long> referrerOf(Handle h, long userId) {
        return h.createQuery("SELECT referrer_id FROM distribution_bindings WHERE user_id = :u")
                .bind("u", userId).mapTo(Long.class).findOne();
    }

    /** @return whether the member was not bound and now is */
    boolean insert(Handle tx, long userId, long referrerId, String source, long now) {
        return tx.createUpdate("""
                        INSERT INTO distribution_bindings(user_id, referrer_id, source, bound_at) VALUES (:u, :r, :s, :now)
                        ON CONFLICT (user_id) DO NOTHING""")
                .bind("u", userId).bind("r", referrerId).bind("s", source).bind("now", now).execute() == 1;
    }

    void rebind(Handle tx, long userId, Long oldReferrer, long newReferrer, String reason, Long operatorId, long now) {
        tx.createUpdate("""
                        INSERT INTO distribution_bindings(user_id, referrer_id, source, bound_at) VALUES (:u, :r, 'operator', :now)
                        ON CONFLICT (user_id) DO UPDATE SET referrer_id = :r, source = 'operator', bound_at = :now""")
                .bind("u", userId).bind("r", newReferrer).bind("now", now).execute();
        tx.createUpdate("""
                        INSERT INTO distribution_rebinds(user_id, old_referrer_id, new_referrer_id, reason, operator_id, created_at)
                        VALUES (:u, :old, :new, :reason, :op, :now)""")
                .bind("u", userId).bind("old", oldReferrer).bind("new", newReferrer).bind("reason", reason)
                .bind("op", operatorId).bind("now", now).execute();
    }

    List<Rebind> rebinds(Handle h, long userId) {
        return h.createQuery("SELECT * FROM distribution_rebinds WHERE user_id = :u ORDER BY id DESC")
                .bind("u", userId).map((rs, c) -> new Rebind(rs.getLong("id"), rs.getLong("user_id"),
                        rs.getObject("old_referrer_id") == null ? null : rs.getLong("old_referrer_id"),
                        rs.getLong("new_referrer_id"), rs.getString("reason"),
                        rs.getObject("operator_id") == null ? null : rs.getLong("operator_id"), rs.getLong("created_at")))
                .list();
    }

    long directFans(Handle h, long userId) {
        return h.createQuery("SELECT COUNT(*) FROM distribution_bindings WHERE referrer_id = :u")
                .bind("u", userId).mapTo(Long.class).one();
    }

    long indirectFans(Handle h, long userId) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM distribution_bindings f
                          JOIN distribution_bindings d ON d.user_id = f.referrer_id
                         WHERE d.referrer_id = :u""")
                .bind("u", userId).mapTo(Long.class).one();
    }

    /** @return direct fans, newest first (by member id), with the commission each brought the referrer */
    List<FanRow> fans(Handle h, long referrerId, long beforeUserId, int limit) {
        return h.createQuery("""
                        SELECT b.user_id, b.bound_at,
                               (SELECT COALESCE(SUM(c.amount), 0) FROM distribution_commissions c
                                 WHERE c.beneficiary_id = b.referrer_id AND c.buyer_id = b.user_id
                                   AND c.status IN ('frozen', 'released')) AS contribution
                          FROM distribution_bindings b
                         WHERE b.referrer_id = :r AND b.user_id < :before
                         ORDER BY b.user_id DESC LIMIT :limit""")
                .bind("r", referrerId).bind("before", beforeUserId).bind("limit", limit)
                .map((rs, c) -> new FanRow(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** @return the members who have fans, ascending, after {@code afterId} */
    List<Long> referrers(Handle h, long afterId, int limit) {
        return h.createQuery("""
                        SELECT DISTINCT referrer_id FROM distribution_bindings WHERE referrer_id > :after
                         ORDER BY referrer_id LIMIT :limit""")
                .bind("after", afterId).bind("limit", limit).mapTo(Long.class).list();
    }

    void click(Handle tx, long userId, long referrerId, long at) {
        tx.createUpdate("""
                        INSERT INTO distribution_clicks(user_id, referrer_id, clicked_at) VALUES (:u, :r, :at)
                        ON CONFLICT (user_id) DO UPDATE SET referrer_id = :r, clicked_at = :at
                         WHERE distribution_clicks.clicked_at <= :at""")
                .bind("u", userId).bind("r", referrerId).bind("at", at).execute();
    }

    /** @return the referrer of the member's last click at or after {@code since}, if any */
    Optional<Long> clickedSince(Handle h, long userId, long since) {
        return h.createQuery("SELECT referrer_id FROM distribution_clicks WHERE user_id = :u AND clicked_at >= :since")
                .bind("u", userId).bind("since", since).mapTo(Long.class).findOne();
    }

    boolean hasClick(Handle h, long userId) {
        return h.createQuery("SELECT COUNT(*) FROM distribution_clicks WHERE user_id = :u")
                .bind("u", userId).mapTo(Integer.class).one() > 0;
    }

    void signup(Handle tx, long userId, String ip, Long referrerId, long at) {
        tx.createUpdate("""
                        INSERT INTO distribution_signups(user_id, ip, referrer_id, created_at) VALUES (:u, :ip, :r, :at)
                        ON CONFLICT (user_id) DO NOTHING""")
                .bind("u", userId).bind("ip", ip).bind("r", referrerId).bind("at", at).execute();
    }
}
