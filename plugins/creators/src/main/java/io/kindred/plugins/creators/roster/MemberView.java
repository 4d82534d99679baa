package io.kindred.plugins.creators.roster;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a member sees of their own creator status ({@code /creators/me}) and what anyone sees of a certificate
 * ({@code /certificates/{code}}). The application status is read from the campaigns part's table when it exists.
 */
final class MemberView {

    private final PluginContext ctx;
    private final CreatorStore store;
    private final Onboarding onboarding;

    MemberView(PluginContext ctx, CreatorStore store, Onboarding onboarding) {
        this.ctx = ctx;
        this.store = store;
        this.onboarding = onboarding;
    }

    Map<String, Object> me(Member me) {
        Optional<Creator> creator = ctx.db().read(h -> store.find(h, me.id()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("application", application(me.id()));
        m.put("creator", creator.map(Creator::json).orElse(null));
        m.put("certificate", creator.filter(c -> c.certificateCode() != null).map(c -> links(c.certificateCode())).orElse(null));
        m.put("onboarding", creator.filter(Creator::certified).map(c -> onboarding.checklist(me.id())).orElse(List.of()));
        return m;
    }

    /** The account page's section: the member's creator status, if any. */
    Map<String, Object> account(Member me) {
        Map<String, Object> m = new LinkedHashMap<>();
        ctx.db().read(h -> store.find(h, me.id())).ifPresent(c -> m.put("creator", c.json()));
        return m;
    }

    static Map<String, Object> links(String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("verifyUrl", "/certificates/" + code);
        m.put("pngUrl", "/creators/me/certificate.png");
        m.put("pdfUrl", "/creators/me/certificate.pdf");
        return m;
    }

    /** @return the public facts of a certificate; 404 {@code certificate_not_found} for an unknown code */
    Map<String, Object> certificate(String code) {
        Creator c = ctx.db().read(h -> store.byCode(h, code)).orElseThrow(() ->
                new KindredException(RosterError.CERTIFICATE_NOT_FOUND, "There is no certificate " + code + "."));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.certificateCode());
        m.put("name", ctx.members().find(c.userId()).map(Member::displayName).orElse(""));
        m.put("title", c.title());
        m.put("category", c.category());
        m.put("level", c.level());
        m.put("certifiedOn", c.certifiedAt() == null ? null
                : LocalDate.ofInstant(Instant.ofEpochMilli(c.certifiedAt()), ctx.siteZone()).toString());
        m.put("status", c.certified() ? "valid" : Creator.SUSPENDED.equals(c.status()) ? "suspended" : "revoked");
        m.put("valid", c.certified());
        return m;
    }

    /** The member's latest application, from the campaigns part's {@code creator_applications}; null without one. */
    private Map<String, Object> application(long userId) {
        if (!applicationsExist()) {
            return null;
        }
        return ctx.db().read(h -> h.createQuery("""
                        SELECT a.id, a.campaign_id, a.status, a.submitted_at, a.decided_at, c.title
                        FROM creator_applications a LEFT JOIN creator_campaigns c ON c.id = a.campaign_id
                        WHERE a.user_id = :u ORDER BY a.id DESC LIMIT 1""")
                .bind("u", userId).map((rs, x) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong("id"));
                    m.put("campaignId", rs.getLong("campaign_id"));
                    m.put("campaignTitle", rs.getString("title"));
                    m.put("status", rs.getString("status"));
                    return m;
                }).findOne().orElse(null));
    }

    private boolean applicationsExist() {
        String sql = "postgresql".equals(ctx.db().dialect())
                ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'creator_applications'"
                : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'creator_applications'";
        return ctx.db().read(h -> h.createQuery(sql).mapTo(Long.class).one()) > 0;
    }
}
