package io.kindred.plugins.distribution;

import static io.kindred.api.privacy.MemberRows.rows;
import io.kindred.api.PluginContext;
import io.kindred.api.privacy.PersonalData;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distribution plugin's part of a member's export and erasure (docs/plugins/distribution.md, "Personal data").
 * Commissions, withdrawals and the purchases they came from stay with their amounts and states, so that the
 * ledger's commission accounts still add up; the payout account, the member's words and the operators' notes about
 * them go. Clicks, sign-up addresses, check-in days and pending applications are deleted; rights are revoked.
 */
final class DistributionPersonalData implements PersonalData {

    /** What an erased payout account shows in lists. */
    static final String ERASED_ACCOUNT = "****";

    private static final List<String> ERASE = List.of(
            "DELETE FROM distribution_clicks WHERE user_id = :u",
            "DELETE FROM distribution_signups WHERE user_id = :u",
            "DELETE FROM distribution_checkins WHERE user_id = :u",
            "DELETE FROM distribution_applications WHERE user_id = :u AND status = 'pending'",
            "UPDATE distribution_applications SET message = NULL, note = NULL WHERE user_id = :u",
            "UPDATE distribution_grants SET note = NULL WHERE user_id = :u",
            "UPDATE distribution_rebinds SET reason = '' WHERE user_id = :u",
            """
            UPDATE distribution_withdrawals SET account = '', account_masked = '%s', note = NULL, request_key = NULL
            WHERE user_id = :u""".formatted(ERASED_ACCOUNT));

    private final PluginContext ctx;

    DistributionPersonalData(PluginContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String section() {
        return "distribution";
    }

    @Override
    public Object export(Handle h, long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("binding", one(h, userId, """
                SELECT referrer_id AS "referrerId", source AS "source", bound_at AS "boundAt"
                FROM distribution_bindings WHERE user_id = :u"""));
        m.put("rebindings", rows(h, userId, """
                SELECT old_referrer_id AS "oldReferrerId", new_referrer_id AS "newReferrerId", reason AS "reason",
                       created_at AS "createdAt"
                FROM distribution_rebinds WHERE user_id = :u ORDER BY id"""));
        m.put("lastInviteLinkOpened", one(h, userId, """
                SELECT referrer_id AS "referrerId", clicked_at AS "clickedAt" FROM distribution_clicks WHERE user_id = :u"""));
        m.put("signUp", one(h, userId, """
                SELECT ip AS "address", referrer_id AS "referrerId", created_at AS "createdAt"
                FROM distribution_signups WHERE user_id = :u"""));
        m.put("fans", h.createQuery("SELECT COUNT(*) FROM distribution_bindings WHERE referrer_id = :u")
                .bind("u", userId).mapTo(Long.class).one());
        m.put("level", one(h, userId, """
                SELECT level_code AS "level", changed_at AS "changedAt" FROM distribution_member_levels WHERE user_id = :u"""));
        m.put("rights", rows(h, userId, """
                SELECT source AS "source", note AS "note", granted_at AS "grantedAt", revoked_at AS "revokedAt"
                FROM distribution_grants WHERE user_id = :u ORDER BY granted_at"""));
        m.put("applications", rows(h, userId, """
                SELECT id AS "id", message AS "message", status AS "status", note AS "note", created_at AS "createdAt",
                       decided_at AS "decidedAt"
                FROM distribution_applications WHERE user_id = :u ORDER BY id"""));
        m.putAll(money(h, userId));
        m.put("checkinDays", h.createQuery("SELECT day FROM distribution_checkins WHERE user_id = :u ORDER BY day")
                .bind("u", userId).mapTo(String.class).list());
        return m;
    }

    private Map<String, Object> money(Handle h, long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("purchases", rows(h, userId, """
                SELECT purchase_id AS "purchaseId", external_order_id AS "orderId", amount AS "amount",
                       currency AS "currency", created_at AS "createdAt", refunded_at AS "refundedAt"
                FROM distribution_purchases WHERE user_id = :u ORDER BY created_at"""));
        m.put("commissions", rows(h, userId, """
                SELECT id AS "id", purchase_id AS "purchaseId", depth AS "depth", level_code AS "level",
                       rate_bp AS "rateBasisPoints", purchase_amount AS "purchaseAmount", amount AS "amount",
                       currency AS "currency", status AS "status", release_at AS "releaseAt", created_at AS "createdAt",
                       released_at AS "releasedAt", reversed_at AS "reversedAt"
                FROM distribution_commissions WHERE beneficiary_id = :u ORDER BY id"""));
        m.put("withdrawals", rows(h, userId, """
                SELECT id AS "id", amount AS "amount", fee AS "fee", '%s' AS "currency", method AS "method",
                       account_masked AS "account", status AS "status", reference AS "reference", note AS "note",
                       created_at AS "createdAt", decided_at AS "decidedAt", paid_at AS "paidAt"
                FROM distribution_withdrawals WHERE user_id = :u ORDER BY id""".formatted(currency())));
        return m;
    }

    private String currency() {
        return ctx.settings().get(DistributionSettings.CURRENCY).toUpperCase().replaceAll("[^A-Z]", "");
    }

    @Override
    public Erased erase(Handle tx, long userId) {
        for (String sql : ERASE) {
            tx.createUpdate(sql).bind("u", userId).execute();
        }
        // Without rights, their fans' later purchases book no commission into an account nobody can reach.
        tx.createUpdate("UPDATE distribution_grants SET revoked_at = :now WHERE user_id = :u AND revoked_at IS NULL")
                .bind("u", userId).bind("now", ctx.clock().millis()).execute();
        return Erased.nothing();
    }

    private static Map<String, Object> one(Handle h, long userId, String sql) {
        List<Map<String, Object>> rows = rows(h, userId, sql);
        return rows.isEmpty() ? null : rows.get(0);
    }


}
