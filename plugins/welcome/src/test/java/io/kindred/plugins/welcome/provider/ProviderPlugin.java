package io.kindred.plugins.welcome.provider;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;

/** A plugin that offers {@link Greetings} to the plugins that depend on it. */
public final class ProviderPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        ctx.provide(Greetings.class, name -> "Hello, " + name + "!");
    }
}
