package io.kindred.plugins.welcome;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;

/**
 * A plugin that throws while declaring what it contributes. {@link PluginFailureIT} packs this class, alone,
 * into a plugin jar of its own so that PF4J loads it from there.
 */
public final class BrokenPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        ctx.routes().get("/api/v1/broken/ping", io.kindred.api.web.Access.PUBLIC, x -> x.json(java.util.Map.of("pong", true)));
        throw new IllegalStateException("broken on purpose");
    }
}
