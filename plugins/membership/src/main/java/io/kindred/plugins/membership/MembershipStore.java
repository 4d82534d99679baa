package io.kindred.plugins.membership;

import io.kindred.api.db.Database;
import org.jdbi.v3.core.Handle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The SQL of tiers, members' tiers and awards ({@code db/membership/V1__membership.sql}). */
final class MembershipStore {

    /** What one purchase, check-in or post earned. */
    record Award(long id, long userId, String source, String sourceId, long growth, long points, long debtOffset,
                 boolean refunded) {
    }

    private final Database db;
    /** The ladder as last read, or null; forgotten by every tier write, at once and again after its commit. */
    private volatile List<Tier> ladder;
    /** Grows with every tier write: a read that saw it change while it ran does not keep what it read. */
    private final AtomicLong ladderVersion = new AtomicLong();
    /**
     * The version at which no tier write was waiting for its commit (set after each commit of one, and by a read
     * outside any write): a read inside a write keeps what it read only then, since it could otherwise see a
     * tier write of its own transaction that is not committed yet (and might never be).
     */
    private volatile long settled;

    MembershipStore(Database db) {
        this.db = db;
    }

    /**
     * @return the tiers, lowest first: every check-in, purchase and member page asks, tiers change once in a while;
     * kept in memory between changes. A write that changed tiers and checks the result reads
     * {@link #tiersAsWritten} instead.
     */
    List<Tier> tiers(Handle h) {
        List<Tier> kept = ladder;
        if (kept != null) {
            return kept;
        }
        long version = ladderVersion.get();
        boolean inWrite = inWrite(h);
        List<Tier> read = List.copyOf(tiersAsWritten(h)); // shared once kept: nobody may change it
        if (ladderVersion.get() == version && (!inWrite || settled == version)) {
            ladder = read;
            if (!inWrite) {
                settled = version; // what is committed: a rolled-back tier write no longer counts
            }
        }
        return read;
    }

    private static boolean inWrite(Handle h) {
        try {
            return !h.getConnection().getAutoCommit();
        } catch (java.sql.SQLException e) {
            return true; // unsure: treat as a write
        }
    }

    /** Forgets the kept ladder now (for the rest of the write in hand) and again once the write commits. */
    private void forgetLadder() {
        ladderVersion.incrementAndGet();
        ladder = null;
        db.afterCommit(() -> {
            long version = ladderVersion.incrementAndGet();
            ladder = null;
            settled = version;
        });
    }

    /** @return the tiers as the transaction in hand sees them, its own tier writes included; never from memory */
    List<Tier> tiersAsWritten(Handle h) {
        return readTiers(h);
    }

    private List<Tier> readTiers(Handle h) {
        return h.createQuery("""
                        SELECT code, name, tier_rank, threshold, multiplier, colour, icon, benefits, name_zh
                          FROM membership_tiers ORDER BY tier_rank""")
                .map((rs, c) -> new Tier(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), PlanStore.codes(rs.getString(8)),
                        rs.getString(9)))
                .list();
    }

    void insertTier(Handle tx, Tier t) {
        forgetLadder();
        tx.createUpdate("""
                        INSERT INTO membership_tiers(code, name, name_zh, tier_rank, threshold, multiplier, colour, icon, benefits)
                        VALUES (:code, :name, :nameZh, :rank, :threshold, :m, :colour, :icon, :benefits)""")
                .bind("code", t.code()).bind("name", t.name()).bind("nameZh", t.nameZh()).bind("rank", t.rank()).bind("threshold", t.threshold())
                .bind("m", t.multiplier()).bind("colour", t.colour()).bind("icon", t.icon())
                .bind("benefits", String.join(",", t.benefits())).execute();
    }

    void updateTier(Handle tx, Tier t) {
        forgetLadder();
        tx.createUpdate("""
                        UPDATE membership_tiers SET name = :name, name_zh = :nameZh, threshold = :threshold, multiplier = :m,
                               colour = :colour, icon = :icon, benefits = :benefits WHERE code = :code""")
                .bind("name", t.name()).bind("nameZh", t.nameZh()).bind("threshold", t.threshold()).bind("m", t.multiplier())
                .bind("colour", t.colour()).bind("icon", t.icon()).bind("benefits", String.join(",", t.benefits()))
                .bind("code", t.code()).execute();
    }

    void deleteTier(Handle tx, String code) {
        forgetLadder();
        tx.createUpdate("DELETE FROM membership_tiers WHERE code = :code").bind("code", code).execute();
    }

    /** @return how many members have a row at each tier rank (those who never earned growth have none) */
    Map<Integer, Long> membersPerRank(Handle h) {
        Map<Integer, Long> counts = new HashMap<>();
        h.createQuery("SELECT tier_rank, COUNT(*) FROM membership_members GROUP BY tier_rank")
                .map((rs, c) -> Map.entry(rs.getInt(1), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** @return the member's stored tier rank, empty when they never earned anything */
    Optional<Integer> storedRank(Handle h, long userId) {
        return h.createQuery("SELECT tier_rank FROM membership_members WHERE user_id = :u")
                .bind("u", userId).mapTo(Integer.class).findOne();
    }

    long debt(Handle h, long userId) {
        return h.createQuery("SELECT points_debt FROM membership_members WHERE user_id = :u")
                .bind("u", userId).mapTo(Long.class).findOne().orElse(0L);
    }

    /** Creates the member's row at {@code rank} if it is missing (no effect otherwise). */
    void ensureMember(Handle tx, long userId, int rank, long now) {
        tx.createUpdate("""
                        INSERT INTO membership_members(user_id, tier_rank, points_debt, updated_at, reviewed_at)
                        VALUES (:u, :rank, 0, :now, :now) ON CONFLICT (user_id) DO NOTHING""")
                .bind("u", userId).bind("rank", rank).bind("now", now).execute();
    }

    /** @return members whose last tier review was at or before {@code cutoff}, oldest first */
    List<Long> dueForReview(Handle h, long cutoff, int limit) {
        return h.createQuery("""
                        SELECT user_id FROM membership_members WHERE reviewed_at <= :cutoff
                         ORDER BY reviewed_at, user_id LIMIT :limit""")
                .bind("cutoff", cutoff).bind("limit", limit).mapTo(Long.class).list();
    }

    void markReviewed(Handle tx, long userId, long now) {
        tx.createUpdate("UPDATE membership_members SET reviewed_at = :now WHERE user_id = :u")
                .bind("now", now).bind("u", userId).execute();
    }

    /** @return when the member's tier was last reviewed (or they first earned growth); empty without a row */
    Optional<Long> reviewedAt(Handle h, long userId) {
        return h.createQuery("SELECT reviewed_at FROM membership_members WHERE user_id = :u")
                .bind("u", userId).mapTo(Long.class).findOne();
    }

    void setRank(Handle tx, long userId, int rank, long now) {
        tx.createUpdate("UPDATE membership_members SET tier_rank = :rank, updated_at = :now WHERE user_id = :u")
                .bind("rank", rank).bind("now", now).bind("u", userId).execute();
    }

    void addDebt(Handle tx, long userId, long delta, long now) {
        tx.createUpdate("""
                        UPDATE membership_members SET points_debt = points_debt + :d, updated_at = :now
                         WHERE user_id = :u""")
                .bind("d", delta).bind("now", now).bind("u", userId).execute();
    }

    /** @return false when this source already has an award (a repeated delivery) */
    boolean insertAward(Handle tx, long userId, String source, String sourceId, long eventId, long growth,
                        long points, long debtOffset, long now) {
        return tx.createUpdate("""
                        INSERT INTO membership_awards(user_id, source, source_id, event_id, growth, points,
                                                      debt_offset, refunded, created_at)
                        VALUES (:u, :source, :sid, :event, :growth, :points, :offset, 0, :now)
                        ON CONFLICT (source, source_id) DO NOTHING""")
                .bind("u", userId).bind("source", source).bind("sid", sourceId).bind("event", eventId)
                .bind("growth", growth).bind("points", points).bind("offset", debtOffset).bind("now", now)
                .execute() == 1;
    }

    Optional<Award> award(Handle h, String source, String sourceId) {
        return h.createQuery("""
                        SELECT id, user_id, source, source_id, growth, points, debt_offset, refunded
                          FROM membership_awards WHERE source = :source AND source_id = :sid""")
                .bind("source", source).bind("sid", sourceId)
                .map((rs, c) -> new Award(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getInt(8) == 1))
                .findOne();
    }

    /** @return true for the call that marked it, false when it was already refunded */
    boolean markRefunded(Handle tx, long awardId) {
        return tx.createUpdate("UPDATE membership_awards SET refunded = 1 WHERE id = :id AND refunded = 0")
                .bind("id", awardId).execute() == 1;
    }
}
