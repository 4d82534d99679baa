package io.kindred.server.plugins;

import io.javalin.http.Context;
import io.kindred.api.web.Access;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.Bodies;
import io.kindred.api.KindredException;

import java.util.LinkedHashMap;
import java.util.List;
import io.kindred.server.web.PluginRouter;

import java.util.Map;
import java.util.function.Consumer;

/** {@code /api/v1/admin/plugins}: list, enable and disable plugins at run time. */
public final class PluginRoutes implements Consumer<CoreRouting> {

    private final PluginHost host;
    private final PluginSettings settings;

    public PluginRoutes(PluginHost host, PluginSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/admin/plugins", Access.ADMIN, ctx -> json(ctx, Map.of("items",
                host.list().stream().map(PluginInfo::toJson).toList())));
        r.post("/api/v1/admin/plugins/{id}/enable", Access.ADMIN, ctx -> {
            PluginRouter.readBody(ctx); // no body is needed, but one sent must be read to keep the connection
            json(ctx, Map.of("plugin", host.enable(ctx.pathParam("id")).toJson()));
        });
        r.post("/api/v1/admin/plugins/{id}/disable", Access.ADMIN, ctx -> {
            PluginRouter.readBody(ctx);
            json(ctx, Map.of("plugin", host.disable(ctx.pathParam("id")).toJson()));
        });
        r.get("/api/v1/admin/plugins/{id}/settings", Access.ADMIN, this::settingsJson);
        r.patch("/api/v1/admin/plugins/{id}/settings", Access.ADMIN, this::saveSettings);
    }

    @SuppressWarnings("unchecked")
    private void saveSettings(Context ctx) {
        Map<String, Object> body = Bodies.read(Json.CORE, ctx.body(), Map.class);
        Map<String, String> values = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if (v == null || v instanceof Map || v instanceof List) {
                throw KindredException.invalidField("The setting '" + k + "' needs a plain value.");
            }
            values.put(k, String.valueOf(v));
        });
        settings.save(ctx.pathParam("id"), values);
        settingsJson(ctx);
    }

    private void settingsJson(Context ctx) {
        json(ctx, Map.of("settings", settings.fields(ctx.pathParam("id")).stream().map(PluginSettings.Field::toJson).toList()));
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }
}
