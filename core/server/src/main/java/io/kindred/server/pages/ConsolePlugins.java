package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.web.Access;
import io.kindred.server.plugins.PluginHost;
import io.kindred.server.plugins.PluginInfo;
import io.kindred.server.plugins.PluginSettings;
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
    private final PluginSettings settings;

    ConsolePlugins(Views views, PluginHost host, PluginSettings settings) {
        this.views = views;
        this.host = host;
        this.settings = settings;
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
        r.get("/console/plugins/{id}/settings", Access.ADMIN, ctx -> settingsPage(ctx, Map.of(), null));
        r.post("/console/plugins/{id}/settings", Access.ADMIN, this::saveSettings);
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
            m.put("hasSettings", "STARTED".equals(p.state()) && !host.settingsOf(p.id()).isEmpty());
            return m;
        }).toList();
        views.page(ctx, "console/plugins", Map.of("plugins", plugins));
    }

    /** The plugin's declared settings as a form: numbers, yes/no, text, choices; locked ones read-only. */
    private void settingsPage(Context ctx, Map<String, String> typed, String error) {
        String id = ctx.pathParam("id");
        PluginInfo info = host.find(id).orElseThrow(() -> io.kindred.api.KindredException.notFound("There is no plugin '" + id + "'."));
        List<Map<String, Object>> fields = settings.fields(id).stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>(f.toJson());
            m.put("value", typed.getOrDefault(f.name(), f.value()));
            m.put("env", io.kindred.server.config.Config.envName(f.key()));
            return m;
        }).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("plugin", Map.of("id", info.id(), "version", info.version(), "started", "STARTED".equals(info.state())));
        model.put("fields", fields);
        if (error != null) {
            model.put("error", error);
        }
        views.page(ctx, "console/plugin-settings", model);
    }

    private void saveSettings(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, String> values = new LinkedHashMap<>();
        for (PluginSettings.Field f : settings.fields(id)) {
            if (f.locked()) {
                continue;
            }
            String v = ctx.formParam(f.name());
            values.put(f.name(), f.type().equals("boolean") ? String.valueOf(v != null) : v == null ? "" : v.strip());
        }
        try {
            settings.save(id, values);
            ConsoleSupport.redirect(ctx, "/console/plugins/" + ConsoleSupport.encode(id) + "/settings", "saved");
        } catch (io.kindred.api.KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            settingsPage(ctx, values, views.errorText(ctx, e));
        }
    }
}
