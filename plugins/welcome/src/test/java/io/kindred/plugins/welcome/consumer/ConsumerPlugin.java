package io.kindred.plugins.welcome.consumer;

import io.kindred.api.KindredException;
import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Access;
import io.kindred.plugins.welcome.provider.Greetings;

import java.util.Map;

/**
 * A plugin that uses the provider plugin's exported {@link Greetings}; its jar holds only this class and names
 * {@code Plugin-Dependencies: provider}, so the interface comes from the provider's class loader.
 */
public final class ConsumerPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        ctx.routes().get("/api/v1/consumer/greeting", Access.PUBLIC, x -> {
            Greetings greetings = ctx.services().find(Greetings.class)
                    .orElseThrow(() -> new KindredException(503, "unavailable", "No greetings today."));
            x.json(Map.of("greeting", greetings.greet("member")));
        });
    }
}
