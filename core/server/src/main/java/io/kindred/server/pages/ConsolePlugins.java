package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.web.Access;
import io.kindred.server.plugins.PluginHost;
import io.kindred.server.plugins.PluginInfo;
import io.kindred.server.web.CoreRouting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /console/plugins} (admins): every plugin found in {@code <data>/plugins} with its state, and a
 * button to enable or disable it at once, without a restart ({@link PluginHost#enable}, {@link PluginHost#disable}).
 */
final class ConsolePlugins implements Consumer<CoreRouting> {

    private final Views views;
    private final PluginHost host;

    ConsolePlugins(Views views, PluginHost host) {
        this.views = views;
        this.host = host;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/plugins", Access.ADMIN, this::list);
        r.post("/console/plugins/{id}/enable", Access.ADMIN, ctx -> {
            PluginInfo p = host.enable(ctx.pathParam("id"));
            ConsoleSupport.redirect(ctx, "/console/plugins",
                    "STARTED".equals(p.state()) ? "console_plugin_enabled" : "console_plugin_failed");
        });
        r.post("/console/plugins/{id}/disable", Access.ADMIN, ctx -> {
            host.disable(ctx.pathParam("id"));
            ConsoleSupport.redirect(ctx, "/console/plugins", "console_plugin_disabled");
        });
    }

    private void list(Context ctx) {
        List<Map<String, Object>> plugins = host.list().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("version", p.version());
            m.put("description", p.description());
            m.put("state", p.state());
            m.put("stateLabel", views.t(ctx, "console.plugins.state." + p.state()));
            m.put("enabled", p.enabled());
            m.put("started", "STARTED".equals(p.state()));
            m.put("error", p.error());
            m.put("bundled", p.bundled());
            return m;
        }).toList();
        views.page(ctx, "console/plugins", Map.of("plugins", plugins));
    }
}
