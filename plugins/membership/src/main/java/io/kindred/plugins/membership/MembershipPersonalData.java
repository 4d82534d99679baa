package io.kindred.plugins.membership;

import static io.kindred.api.privacy.MemberRows.rows;
import io.kindred.api.PluginContext;
import io.kindred.api.privacy.PersonalData;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The member's membership in their export (section {@code membership}): tier, growth and its history, paid plans
 * held and every activation, activation codes used, and the benefits they have now (the bonus points those
 * benefits paid are entries of the ledger, in the core's part of the export). Erasure keeps every row: each one
 * records points or growth credited, or a plan bought or a code used, and none holds a name, contact or text the
 * member wrote.
 */
final class MembershipPersonalData implements PersonalData {

    private final PluginContext ctx;
    private final BiFunction<Handle, Long, List<String>> benefits;

    /**
     * @param ctx      the plugin's context (the ledger, for the growth balance)
     * @param benefits the benefit codes a member has through their tier and plans
     */
    MembershipPersonalData(PluginContext ctx, BiFunction<Handle, Long, List<String>> benefits) {
        this.ctx = ctx;
        this.benefits = benefits;
    }

    @Override
    public String section() {
        return "membership";
    }

    @Override
    public Object export(Handle h, long userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tier", rows(h, userId, """
                SELECT t.code, t.name, t.tier_rank AS rank, m.points_debt AS "pointsDebt",
                       m.reviewed_at AS "reviewedAt", m.updated_at AS "updatedAt"
                  FROM membership_members m JOIN membership_tiers t ON t.tier_rank = m.tier_rank
                 WHERE m.user_id = :u""").stream().findFirst().orElse(null));
        out.put("growth", ctx.ledger().balance(h, userId, Growth.ASSET));
        out.put("growthHistory", rows(h, userId, """
                SELECT source, source_id AS "sourceId", growth, points, debt_offset AS "pointsKeptForDebt",
                       CASE refunded WHEN 1 THEN 'refunded' ELSE 'earned' END AS status, created_at AS "earnedAt"
                  FROM membership_awards WHERE user_id = :u ORDER BY id"""));
        out.put("plans", rows(h, userId, """
                SELECT h.plan_code AS "planCode", p.name AS "planName", h.status,
                       h.starts_at AS "startsAt", h.ends_at AS "endsAt", h.updated_at AS "updatedAt"
                  FROM membership_holdings h LEFT JOIN membership_plans p ON p.code = h.plan_code
                 WHERE h.user_id = :u ORDER BY h.id"""));
        out.put("activations", rows(h, userId, """
                SELECT plan_code AS "planCode", source_key AS source, ends_at AS "endsAt", created_at AS "activatedAt"
                  FROM membership_activations WHERE user_id = :u ORDER BY id"""));
        out.put("activationCodesUsed", rows(h, userId, """
                SELECT code, plan_code AS "planCode", redeemed_at AS "redeemedAt"
                  FROM membership_codes WHERE redeemed_by = :u ORDER BY redeemed_at"""));
        out.put("benefits", benefits.apply(h, userId));
        return out;
    }

    @Override
    public Erased erase(Handle tx, long userId) {
        return Erased.nothing();
    }


}
