package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.web.Access;
import io.kindred.api.KindredException;
import io.kindred.server.audit.AuditLog;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.plugins.PluginHost;
import io.kindred.server.plugins.PluginInstaller;
import io.kindred.server.plugins.PluginRoutes;
import io.kindred.server.plugins.PluginStatus;
import io.kindred.server.plugins.PluginInfo;
import io.kindred.server.plugins.PluginSettings;
import io.kindred.server.web.CoreRouting;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /console/plugins} (admins): every plugin found in {@code <data>/plugins} with its state, buttons to enable
 * or disable it at once, without a restart ({@link PluginHost#enable}, {@link PluginHost#disable}), a form to install
 * or upgrade one from a jar and to remove one ({@link PluginInstaller}), and the latest plugin acts of the audit log.
 */
final class ConsolePlugins implements Consumer<CoreRouting> {

    private final Views views;
    private final PluginHost host;
    private final PluginSettings settings;
    private final PluginInstaller installer;
    private final AuditLog audit;
    private final Clock clock;
    private final SiteSettings site;

    ConsolePlugins(Views views, PluginHost host, PluginSettings settings, PluginInstaller installer, AuditLog audit,
                   SiteSettings site, Clock clock) {
        this.views = views;
        this.host = host;
        this.settings = settings;
        this.installer = installer;
        this.audit = audit;
        this.site = site;
        this.clock = clock;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/plugins", Access.ADMIN, ctx -> list(ctx, null));
        r.post("/console/plugins/install", Access.ADMIN, this::install);
        r.post("/console/plugins/{id}/remove", Access.ADMIN, this::remove);
        r.post("/console/plugins/{id}/enable", Access.ADMIN, ctx -> {
            PluginInfo p = installer.enable(ctx.pathParam("id"), actor(ctx));
            ConsoleSupport.redirect(ctx, "/console/plugins", p.started() ? "console_plugin_enabled"
                    : p.state() == PluginStatus.WAITING ? "console_plugin_waiting" : "console_plugin_failed");
        });
        r.post("/console/plugins/{id}/disable", Access.ADMIN, ctx -> {
            installer.disable(ctx.pathParam("id"), actor(ctx));
            ConsoleSupport.redirect(ctx, "/console/plugins", "console_plugin_disabled");
        });
        r.get("/console/plugins/{id}/settings", Access.ADMIN, ctx -> settingsPage(ctx, Map.of(), null));
        r.post("/console/plugins/{id}/settings", Access.ADMIN, this::saveSettings);
    }

    private void install(Context ctx) {
        try (var jar = PluginRoutes.uploadedJar(ctx)) {
            PluginInstaller.Outcome o = installer.install(jar, actor(ctx));
            ConsoleSupport.redirect(ctx, "/console/plugins", o.upgraded() ? "console_plugin_upgraded" : "console_plugin_installed");
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            list(ctx, views.errorText(ctx, e));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void remove(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            installer.remove(id, ctx.formParam("dropData") != null, ConsoleSupport.field(ctx, "confirm"), actor(ctx));
            ConsoleSupport.redirect(ctx, "/console/plugins", "console_plugin_removed");
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            list(ctx, views.errorText(ctx, e));
        }
    }

    private String actor(Context ctx) {
        return views.principal(ctx).map(io.kindred.server.web.Principal::label).orElse("anonymous");
    }

    private void list(Context ctx, String error) {
        List<Map<String, Object>> plugins = host.list().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("name", views.pluginName(ctx, p.id()));
            m.put("version", p.version());
            m.put("description", p.description());
            m.put("state", p.state().name());
            m.put("stateLabel", views.t(ctx, "console.plugins.state." + p.state().name()));
            m.put("enabled", p.enabled());
            m.put("started", p.started());
            m.put("error", p.error());
            m.put("bundled", p.bundled());
            m.put("dependencies", String.join(", ", p.dependencies()));
            m.put("hasSettings", p.started() && !host.settingsOf(p.id()).isEmpty());
            return m;
        }).toList();
        List<Map<String, Object>> acts = audit.list("plugin:", Long.MAX_VALUE, 20).stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>(a.toJson());
            m.put("when", ConsoleSupport.when(a.at(), site.zone()));
            return m;
        }).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("plugins", plugins);
        model.put("audit", acts);
        if (error != null) {
            model.put("error", error);
        }
        views.page(ctx, "console/plugins", model);
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
        model.put("plugin", Map.of("id", info.id(), "version", info.version(), "started", info.started()));
        model.put("fields", fields);
        if (error != null) {
            model.put("error", error);
        }
        views.page(ctx, "console/plugin-settings", model);
    }

    private void saveSettings(Context ctx) {
        String id = ctx.pathParam("id");
        String reset = ctx.formParam("_reset");
        if (reset != null) {
            settings.clear(id, reset);
            ConsoleSupport.redirect(ctx, "/console/plugins/" + ConsoleSupport.encode(id) + "/settings", "console_settings_reset");
            return;
        }
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
