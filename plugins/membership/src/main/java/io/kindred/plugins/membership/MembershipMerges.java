package io.kindred.plugins.membership;

import io.kindred.api.PluginContext;
import io.kindred.api.events.Event;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code member.merged} {into, from}: the merged member's membership becomes the target's. Growth and points
 * moved with the ledger already; here the awards (so a later refund still finds what its purchase earned), a
 * points debt, paid cards (a card both hold keeps the later end), activations and redeemed codes move, and the
 * tier is recomputed: the higher of the two stored tiers, or what the moved growth now reaches, with
 * {@code tier.changed} (reason {@code merge}) when it rises. Running it twice changes nothing.
 */
final class MembershipMerges {

    private final PluginContext ctx;
    private final MembershipStore store;
    private final Growth growth;

    MembershipMerges(PluginContext ctx, MembershipStore store, Growth growth) {
        this.ctx = ctx;
        this.store = store;
        this.growth = growth;
    }

    void onMerged(Event e, Handle tx) {
        long into = e.longValue("into");
        long from = e.longValue("from");
        long now = ctx.clock().millis();
        tx.createUpdate("UPDATE membership_awards SET user_id = :into WHERE user_id = :from")
                .bind("into", into).bind("from", from).execute();
        tx.createUpdate("UPDATE membership_activations SET user_id = :into WHERE user_id = :from")
                .bind("into", into).bind("from", from).execute();
        tx.createUpdate("UPDATE membership_codes SET redeemed_by = :into WHERE redeemed_by = :from")
                .bind("into", into).bind("from", from).execute();
        moveCards(tx, into, from, now);

        Tier before = Growth.byRank(store.tiers(tx), store.storedRank(tx, into).orElse(1));
        int fromRank = store.storedRank(tx, from).orElse(0);
        long debt = store.debt(tx, from);
        store.ensureMember(tx, into, before.rank(), now);
        if (debt > 0) {
            store.addDebt(tx, into, debt, now);
            store.addDebt(tx, from, -debt, now);
        }
        List<Tier> tiers = store.tiers(tx);
        Tier reached = Growth.reachedBy(tiers, growth.countedGrowth(tx, into));
        Tier after = Growth.byRank(tiers, Math.max(before.rank(), Math.max(fromRank, reached.rank())));
        if (after.rank() > before.rank()) {
            store.setRank(tx, into, after.rank(), now);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("userId", into);
            payload.put("from", before.code());
            payload.put("to", after.code());
            payload.put("fromRank", before.rank());
            payload.put("toRank", after.rank());
            payload.put("reason", "merge");
            payload.put("causeEventId", e.id());
            ctx.events().publish(tx, "tier.changed", into, payload);
        }
    }

    /** A card only the merged member holds moves; a card both hold keeps the later end (no end: lifetime). */
    private static void moveCards(Handle tx, long into, long from, long now) {
        record Card(long id, String plan, Long endsAt, String status) {
        }
        String select = "SELECT id, plan_code, ends_at, status FROM membership_holdings WHERE user_id = :u";
        List<Card> theirs = tx.createQuery(select).bind("u", from)
                .map((rs, c) -> new Card(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3), rs.getString(4))).list();
        for (Card card : theirs) {
            var mine = tx.createQuery(select + " AND plan_code = :p").bind("u", into).bind("p", card.plan())
                    .map((rs, c) -> new Card(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3), rs.getString(4)))
                    .findOne();
            if (mine.isEmpty()) {
                tx.createUpdate("UPDATE membership_holdings SET user_id = :into, updated_at = :now WHERE id = :id")
                        .bind("into", into).bind("now", now).bind("id", card.id()).execute();
                continue;
            }
            boolean theirsLonger = card.status().equals("active") && (!mine.get().status().equals("active")
                    || card.endsAt() == null || (mine.get().endsAt() != null && card.endsAt() > mine.get().endsAt()));
            if (theirsLonger) {
                tx.createUpdate("UPDATE membership_holdings SET ends_at = :ends, status = :status, updated_at = :now WHERE id = :id")
                        .bind("ends", card.endsAt()).bind("status", card.status()).bind("now", now)
                        .bind("id", mine.get().id()).execute();
            }
            tx.createUpdate("UPDATE membership_holdings SET status = 'revoked', updated_at = :now WHERE id = :id")
                    .bind("now", now).bind("id", card.id()).execute();
        }
    }
}
