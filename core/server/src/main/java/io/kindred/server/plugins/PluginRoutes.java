package io.kindred.server.plugins;

import io.javalin.http.Context;
import io.kindred.api.web.Access;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.PluginRouter;

import java.util.Map;
import java.util.function.Consumer;

/** {@code /api/v1/admin/plugins}: list, enable and disable plugins at run time. */
public final class PluginRoutes implements Consumer<CoreRouting> {

    private final PluginHost host;

    public PluginRoutes(PluginHost host) {
        this.host = host;
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
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }
}
