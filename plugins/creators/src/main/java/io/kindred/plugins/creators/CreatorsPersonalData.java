package io.kindred.plugins.creators;

import static io.kindred.api.privacy.MemberRows.rows;
import io.kindred.api.privacy.PersonalData;
import io.kindred.plugins.creators.campaigns.ApplicationData;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The creators plugin's part of a member's export and erasure (docs/plugins/creators.md, "Personal data"): their
 * applications (identity number masked), their place on the roster, agency contracts and shares, invitations.
 * Erasure takes the member off the roster and out of the public certificate, deletes what served only them
 * (onboarding ticks, featured periods, check-in days, invitations, the agency they managed, the signed terms
 * of their contracts, undecided applications) and keeps, without names or free text, what money and grants rest on.
 */
final class CreatorsPersonalData implements PersonalData {

    private static final List<String> ERASE = List.of(
            "UPDATE creators SET status = 'removed', certificate_code = NULL WHERE user_id = :u",
            "UPDATE creator_history SET detail = NULL WHERE user_id = :u",
            "DELETE FROM creator_onboarding WHERE user_id = :u",
            "DELETE FROM creator_features WHERE user_id = :u",
            "DELETE FROM creator_checkins WHERE user_id = :u",
            "DELETE FROM creator_invitations WHERE user_id = :u",
            "DELETE FROM creator_agency_managers WHERE user_id = :u",
            "DELETE FROM creator_contract_terms WHERE contract_id IN (SELECT id FROM creator_contracts WHERE user_id = :u)",
            "UPDATE creator_contracts SET termination_reason = NULL WHERE user_id = :u");

    private final ApplicationData applications;

    CreatorsPersonalData(ApplicationData applications) {
        this.applications = applications;
    }

    @Override
    public String section() {
        return "creators";
    }

    @Override
    public Object export(Handle h, long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applications", applications.export(h, userId));
        List<Map<String, Object>> creator = rows(h, userId, """
                SELECT category AS "category", level AS "level", title AS "title", status AS "status",
                       certified_at AS "certifiedAt", certificate_code AS "certificateCode", created_at AS "createdAt"
                FROM creators WHERE user_id = :u""");
        m.put("creator", creator.isEmpty() ? null : creator.get(0));
        m.put("grants", rows(h, userId, """
                SELECT kind AS "kind", detail AS "detail", created_at AS "createdAt"
                FROM creator_grants WHERE user_id = :u ORDER BY created_at"""));
        m.put("onboarding", rows(h, userId, """
                SELECT task_code AS "task", done_at AS "doneAt" FROM creator_onboarding WHERE user_id = :u ORDER BY done_at"""));
        m.put("featured", rows(h, userId, """
                SELECT starts_at AS "startsAt", ends_at AS "endsAt" FROM creator_features WHERE user_id = :u ORDER BY id"""));
        m.put("history", rows(h, userId, """
                SELECT action AS "action", detail AS "detail", created_at AS "createdAt"
                FROM creator_history WHERE user_id = :u ORDER BY id"""));
        m.put("checkinDays", h.createQuery("SELECT day FROM creator_checkins WHERE user_id = :u ORDER BY day")
                .bind("u", userId).mapTo(String.class).list());
        m.put("invitations", rows(h, userId, """
                SELECT campaign_id AS "campaignId", invited_at AS "invitedAt"
                FROM creator_invitations WHERE user_id = :u ORDER BY invited_at"""));
        m.putAll(agencies(h, userId));
        return m;
    }

    private static Map<String, Object> agencies(Handle h, long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agencyManaged", rows(h, userId, """
                SELECT a.id AS "agencyId", a.name AS "agency", m.created_at AS "addedAt"
                FROM creator_agency_managers m JOIN creator_agencies a ON a.id = m.agency_id WHERE m.user_id = :u"""));
        m.put("contracts", rows(h, userId, """
                SELECT c.id AS "id", a.name AS "agency", c.starts_on AS "startsOn", c.ends_on AS "endsOn",
                       c.share_bp AS "shareBasisPoints", c.status AS "status", c.terminated_at AS "terminatedAt",
                       c.termination_reason AS "terminationReason", t.file_name AS "termsFile",
                       t.uploaded_at AS "termsUploadedAt"
                FROM creator_contracts c JOIN creator_agencies a ON a.id = c.agency_id
                LEFT JOIN creator_contract_terms t ON t.contract_id = c.id
                WHERE c.user_id = :u ORDER BY c.id"""));
        m.put("agencyShares", rows(h, userId, """
                SELECT contract_id AS "contractId", purchase_id AS "purchaseId", commission_amount AS "commissionAmount",
                       share_bp AS "shareBasisPoints", amount AS "amount", status AS "status", created_at AS "createdAt",
                       reversed_at AS "reversedAt"
                FROM creator_agency_shares WHERE user_id = :u ORDER BY id"""));
        return m;
    }

    @Override
    public Erased erase(Handle tx, long userId) {
        applications.erase(tx, userId);
        for (String sql : ERASE) {
            tx.createUpdate(sql).bind("u", userId).execute();
        }
        return Erased.nothing();
    }


}
