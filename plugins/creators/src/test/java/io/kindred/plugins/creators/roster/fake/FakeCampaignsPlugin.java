package io.kindred.plugins.creators.roster.fake;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Access;

import java.util.Map;

/**
 * A stand-in for the campaigns part until it is merged: publishes {@code creators.application_approved} with the
 * payload it is given, as the approving transaction would. The tests pack it into a plugin jar of its own.
 */
public final class FakeCampaignsPlugin extends KindredPlugin {

    @Override
    @SuppressWarnings("unchecked")
    public void contribute(PluginContext ctx) {
        ctx.routes().post("/api/v1/fake-campaigns/approved", Access.OPERATOR, x -> {
            Map<String, Object> payload = x.body(Map.class);
            long userId = ((Number) payload.get("userId")).longValue();
            long id = ctx.db().write(tx -> ctx.events().publish(tx, "creators.application_approved", userId, payload));
            x.json(Map.of("eventId", id));
        });
    }
}
