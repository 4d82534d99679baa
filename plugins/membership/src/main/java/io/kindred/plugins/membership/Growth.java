package io.kindred.plugins.membership;

import io.kindred.api.PluginContext;
import io.kindred.api.events.Event;
import io.kindred.api.ledger.Ledger;
import io.kindred.api.settings.Settings;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Growth value (成长值), tiers and points for purchases, earned from events. Every handler runs in the
 * event's transaction; its ledger keys are derived from the event id and each source (purchase, check-in,
 * post) has at most one award row, so a repeated delivery earns nothing twice.
 *
 * <p><b>Refunds.</b> A refund takes back the growth and the points its purchase earned. Growth cannot be
 * spent, so it is always there to take back. Points may have been spent already: the ledger refuses a
 * negative {@code points} balance, so the refund takes back what the member has (up to what the purchase
 * earned) and records the rest as a <em>points debt</em>. A debt is paid first out of later purchase points:
 * those points are kept back (not credited) until the debt is zero. A member can thus never keep points of a
 * refunded purchase. A refund does not lower the tier by itself.
 *
 * <p><b>Downgrades.</b> Setting {@code downgrade}: {@code never} (default) — the tier follows the growth
 * balance and a member keeps the highest tier reached; {@code yearly} — the growth that counts is the growth
 * earned in the last 12 months (promotion still happens as soon as it crosses a threshold), and once a year,
 * 12 months after the member's previous review (the first one 12 months after their first growth), the job
 * {@code tier-review} sets the tier to the one that growth reaches, which may be lower.
 */
final class Growth {

    static final String ASSET = "growth";
    static final String POINTS = "points";

    private final PluginContext ctx;
    private final MembershipStore store;

    Growth(PluginContext ctx, MembershipStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    private Ledger ledger() {
        return ctx.ledger();
    }

    private Settings settings() {
        return ctx.settings();
    }

    // ---- event handlers ----

    /** {@code purchase.recorded}: growth per currency unit, points per unit × the tier multiplier. */
    void onPurchase(Event e, Handle tx) {
        long userId = e.longValue("userId");
        long amount = e.longValue("amount");
        String purchaseId = e.string("purchaseId");
        if (amount <= 0 || store.award(tx, "purchase", purchaseId).isPresent()) {
            return;
        }
        long now = ctx.clock().millis();
        Tier tier = tierOf(tx, userId);
        long growth = amount * settings().get(MembershipSettings.GROWTH_PER_CURRENCY_UNIT) / 100;
        long points = amount * settings().get(MembershipSettings.POINTS_PER_CURRENCY_UNIT) * tier.multiplier() / 10_000;
        store.ensureMember(tx, userId, tier.rank(), now);
        long offset = Math.min(points, store.debt(tx, userId));
        store.insertAward(tx, userId, "purchase", purchaseId, e.id(), growth, points, offset, now);
        if (offset > 0) {
            store.addDebt(tx, userId, -offset, now);
        }
        String ref = "purchase:" + purchaseId;
        if (points - offset > 0) {
            ledger().credit(tx, userId, POINTS, points - offset, "membership.purchase", ref,
                    "membership:points:" + e.id());
        }
        addGrowth(tx, e, userId, growth, "membership.purchase", ref);
    }

    /** {@code purchase.refunded}: takes back what the purchase earned (see the class comment for the rule). */
    void onRefund(Event e, Handle tx) {
        String purchaseId = e.string("purchaseId");
        MembershipStore.Award award = store.award(tx, "purchase", purchaseId).orElse(null);
        if (award == null || !store.markRefunded(tx, award.id())) {
            return;
        }
        long userId = award.userId();
        long now = ctx.clock().millis();
        String ref = "purchase:" + purchaseId;
        long growthBack = Math.min(award.growth(), ledger().balance(tx, userId, ASSET));
        if (growthBack > 0) {
            ledger().debit(tx, userId, ASSET, growthBack, "membership.refund", ref, "membership:growth:" + e.id());
        }
        long pointsBack = Math.min(award.points(), Math.max(0, ledger().balance(tx, userId, POINTS)));
        if (pointsBack > 0) {
            ledger().clawBack(tx, userId, POINTS, pointsBack, "membership.refund", ref, "membership:points:" + e.id());
        }
        if (award.points() > pointsBack) {
            store.addDebt(tx, userId, award.points() - pointsBack, now);
        }
    }

    /** {@code checkin.recorded}: growth per check-in. */
    void onCheckin(Event e, Handle tx) {
        earnGrowth(e, tx, "checkin", settings().get(MembershipSettings.GROWTH_PER_CHECKIN), "membership.checkin");
    }

    /**
     * {@code customer.imported}: the spend a customer made before Kindred (the CSV import's {@code total_spent})
     * counts toward tiers at the purchase rate, once per member — a second import of the same customer adds
     * nothing — unless the operator turned {@code growthFromImportedSpend} off. No points: an opening points balance
     * is its own column of the import.
     */
    void onImportedSpend(Event e, Handle tx) {
        long userId = e.longValue("userId");
        long spent = e.longValue("totalSpent");
        if (!settings().get(MembershipSettings.GROWTH_FROM_IMPORTED_SPEND) || spent <= 0) {
            return;
        }
        long growth = spent * settings().get(MembershipSettings.GROWTH_PER_CURRENCY_UNIT) / 100;
        long now = ctx.clock().millis();
        store.ensureMember(tx, userId, tierOf(tx, userId).rank(), now);
        if (growth > 0 && store.insertAward(tx, userId, "import", "user:" + userId, e.id(), growth, 0, 0, now)) {
            addGrowth(tx, e, userId, growth, "membership.imported_spend", "import");
        }
    }

    /** {@code post.published}: growth per post. */
    void onPost(Event e, Handle tx) {
        earnGrowth(e, tx, "post", settings().get(MembershipSettings.GROWTH_PER_POST), "membership.post");
    }

    private void earnGrowth(Event e, Handle tx, String source, long growth, String reason) {
        Long userId = e.userId() != null ? e.userId()
                : e.payload().get("userId") != null ? e.longValue("userId") : null;
        if (userId == null || growth <= 0) {
            return;
        }
        long now = ctx.clock().millis();
        store.ensureMember(tx, userId, tierOf(tx, userId).rank(), now);
        if (store.insertAward(tx, userId, source, String.valueOf(e.id()), e.id(), growth, 0, 0, now)) {
            addGrowth(tx, e, userId, growth, reason, "event:" + e.id());
        }
    }

    /** Credits growth and promotes the member as soon as a threshold is crossed, emitting {@code tier.changed}. */
    private void addGrowth(Handle tx, Event e, long userId, long growth, String reason, String ref) {
        if (growth <= 0) {
            return;
        }
        ledger().credit(tx, userId, ASSET, growth, reason, ref, "membership:growth:" + e.id());
        List<Tier> tiers = store.tiers(tx);
        Tier before = byRank(tiers, store.storedRank(tx, userId).orElse(1));
        Tier reached = reachedBy(tiers, countedGrowth(tx, userId));
        if (reached.rank() > before.rank()) {
            changeTier(tx, userId, before, reached, "growth", e.id());
        }
    }

    private void changeTier(Handle tx, long userId, Tier from, Tier to, String reason, Long causeEventId) {
        store.setRank(tx, userId, to.rank(), ctx.clock().millis());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("userId", userId);
        payload.put("from", from.code());
        payload.put("to", to.code());
        payload.put("fromRank", from.rank());
        payload.put("toRank", to.rank());
        payload.put("reason", reason);
        if (causeEventId != null) {
            payload.put("causeEventId", causeEventId);
        }
        ctx.events().publish(tx, "tier.changed", userId, payload);
    }

    /** Notification type: the member reached a higher tier. */
    static final String NOTIFY_TIER_UP = "membership.tier_up";

    /** On {@code tier.changed}: a member who went up hears of it, once per event. */
    void onTierChanged(Event e, Handle tx) {
        if (e.userId() == null || e.longValue("toRank") <= e.longValue("fromRank")) {
            return;
        }
        String code = e.string("to");
        // The notification is written once, so in the member's own language (the site's default when unset).
        java.util.Locale locale = ctx.members().find(e.userId()).map(m -> m.locale())
                .map(java.util.Locale::forLanguageTag).orElse(java.util.Locale.ENGLISH);
        String name = store.tiers(tx).stream().filter(t -> t.code().equals(code)).map(t -> t.name(locale))
                .findFirst().orElse(code);
        ctx.notifications().send(tx, e.userId(), NOTIFY_TIER_UP, Map.of("tier", name), "/membership",
                "membership:tier-up:" + e.id());
    }

    // ---- the yearly review ----

    boolean yearly() {
        return "yearly".equals(settings().get(MembershipSettings.DOWNGRADE));
    }

    /** @return the start of the 12 months whose growth counts under the yearly policy */
    Instant windowStart(Instant now) {
        return now.atZone(ctx.siteZone()).minusMonths(12).toInstant();
    }

    /** @return the growth that places the member: all of it, or under {@code yearly} that of the last 12 months */
    long countedGrowth(Handle h, long userId) {
        if (!yearly()) {
            return ledger().balance(h, userId, ASSET);
        }
        return Math.max(0, ledger().netChangeSince(h, userId, ASSET, windowStart(ctx.clock().instant())));
    }

    /**
     * Job {@code tier-review} (daily; does nothing under {@code never}): members whose last review is 12
     * months old or more get the tier their growth of the last 12 months reaches — up or down, with
     * {@code tier.changed} (reason {@code review}) when it changes — and their review date moves to now, so a
     * second run the same day reviews nobody. Works in batches, one transaction each.
     *
     * @return how many members were reviewed
     */
    int review(Instant now) {
        if (!yearly()) {
            return 0;
        }
        long cutoff = windowStart(now).toEpochMilli();
        int reviewed = 0;
        while (true) {
            int batch = ctx.db().write(tx -> {
                List<Long> due = store.dueForReview(tx, cutoff, 200);
                List<Tier> tiers = store.tiers(tx);
                for (long userId : due) {
                    Tier before = byRank(tiers, store.storedRank(tx, userId).orElse(1));
                    long counted = Math.max(0, ledger().netChangeSince(tx, userId, ASSET, Instant.ofEpochMilli(cutoff)));
                    Tier after = reachedBy(tiers, counted);
                    if (after.rank() != before.rank()) {
                        changeTier(tx, userId, before, after, "review", null);
                    }
                    store.markReviewed(tx, userId, now.toEpochMilli());
                }
                return due.size();
            });
            reviewed += batch;
            if (batch < 200) {
                return reviewed;
            }
        }
    }

    // ---- reads ----

    /** @return the member's current tier: the stored one, or the one their growth reaches if higher */
    Tier tierOf(Handle h, long userId) {
        List<Tier> tiers = store.tiers(h);
        Tier stored = byRank(tiers, store.storedRank(h, userId).orElse(0));
        Tier reached = reachedBy(tiers, countedGrowth(h, userId));
        return stored.rank() >= reached.rank() ? stored : reached;
    }

    /** @return the highest tier whose threshold {@code growth} reaches (the lowest tier at least) */
    static Tier reachedBy(List<Tier> tiers, long growth) {
        Tier best = tiers.get(0);
        for (Tier t : tiers) {
            if (growth >= t.threshold() && t.rank() > best.rank()) {
                best = t;
            }
        }
        return best;
    }

    /** @return the tier of that rank, or the lowest tier when there is none */
    static Tier byRank(List<Tier> tiers, int rank) {
        return tiers.stream().filter(t -> t.rank() == rank).findFirst().orElse(tiers.get(0));
    }

    /** @return the tier just above {@code tier}, or null at the top */
    static Tier next(List<Tier> tiers, Tier tier) {
        return tiers.stream().filter(t -> t.rank() > tier.rank()).findFirst().orElse(null);
    }
}
