package io.kindred.plugins.distribution.fake;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.referrals.DistributorRights;
import io.kindred.api.referrals.ReferralService;
import io.kindred.api.web.Access;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in for the future creators plugin: certifying a KOL grants distribution rights through
 * {@link DistributorRights}; another route answers what {@link ReferralService} says of a member. The tests pack
 * it into a plugin jar of its own, as PF4J loads third-party jars.
 */
public final class FakeCreatorsPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        ctx.routes().post("/api/v1/creators-fake/{id}/certify", Access.OPERATOR, x -> {
            long id = x.pathParamAsId("id");
            boolean found = ctx.services().find(DistributorRights.class).map(d -> {
                d.grant(id, "creators", "Certified KOL");
                return true;
            }).orElse(false);
            x.json(Map.of("granted", found));
        });
        ctx.routes().post("/api/v1/creators-fake/{id}/decertify", Access.OPERATOR, x -> {
            ctx.services().find(DistributorRights.class).ifPresent(d -> d.revoke(x.pathParamAsId("id"), "creators", "Lapsed"));
            x.noContent();
        });
        ctx.routes().get("/api/v1/creators-fake/{id}", Access.OPERATOR, x -> {
            long id = x.pathParamAsId("id");
            Map<String, Object> m = new LinkedHashMap<>();
            ctx.services().find(ReferralService.class).ifPresent(r -> {
                m.put("referrerId", r.referrerOf(id).orElse(null));
                m.put("directFans", r.directFans(id));
                m.put("indirectFans", r.indirectFans(id));
            });
            ctx.services().find(DistributorRights.class).ifPresent(d -> m.put("isDistributor", d.isDistributor(id)));
            x.json(m);
        });
    }
}
