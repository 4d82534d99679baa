package io.kindred.server.plugins;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.audit.AuditLog;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.PluginRouter;
import io.kindred.server.web.Principal;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /api/v1/admin/plugins}: list plugins, install or upgrade one from an uploaded jar, remove one, enable and
 * disable them at run time, read and save their settings.
 */
public final class PluginRoutes implements Consumer<CoreRouting> {

    private final PluginHost host;
    private final PluginInstaller installer;
    private final PluginSettings settings;
    private final AuditLog audit;
    private final Auth auth;

    public PluginRoutes(PluginHost host, PluginInstaller installer, PluginSettings settings, AuditLog audit, Auth auth) {
        this.host = host;
        this.installer = installer;
        this.settings = settings;
        this.audit = audit;
        this.auth = auth;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/admin/plugins", Access.ADMIN, ctx -> json(ctx, 200, Map.of("items",
                host.list().stream().map(PluginInfo::toJson).toList())));
        r.post("/api/v1/admin/plugins", Access.ADMIN, this::install);
        r.get("/api/v1/admin/plugins/{id}", Access.ADMIN, ctx -> json(ctx, 200, Map.of("plugin", require(ctx).toJson())));
        r.delete("/api/v1/admin/plugins/{id}", Access.ADMIN, this::remove);
        r.post("/api/v1/admin/plugins/{id}/enable", Access.ADMIN, ctx -> {
            PluginRouter.readBody(ctx); // no body is needed, but one sent must be read to keep the connection
            json(ctx, 200, Map.of("plugin", installer.enable(ctx.pathParam("id"), actor(ctx, auth)).toJson()));
        });
        r.post("/api/v1/admin/plugins/{id}/disable", Access.ADMIN, ctx -> {
            PluginRouter.readBody(ctx);
            json(ctx, 200, Map.of("plugin", installer.disable(ctx.pathParam("id"), actor(ctx, auth)).toJson()));
        });
        r.get("/api/v1/admin/plugins/{id}/settings", Access.ADMIN, this::settingsJson);
        r.patch("/api/v1/admin/plugins/{id}/settings", Access.ADMIN, this::saveSettings);
    }

    private PluginInfo require(Context ctx) {
        String id = ctx.pathParam("id");
        return host.find(id).orElseThrow(() -> KindredException.notFound("There is no plugin '" + id + "'."));
    }

    /** {@code multipart/form-data} with the jar in the field {@code jar}: 201 for a new plugin, 200 for an upgrade. */
    private void install(Context ctx) throws Exception {
        PluginInstaller.Outcome o;
        try (InputStream jar = uploadedJar(ctx)) {
            o = installer.install(jar, actor(ctx, auth));
        }
        json(ctx, o.upgraded() ? 200 : 201, Map.of("plugin", o.plugin().toJson()));
    }

    /** The uploaded jar of an install request (API or console form). */
    public static InputStream uploadedJar(Context ctx) {
        if (!ctx.isMultipartFormData()) {
            throw new KindredException(io.kindred.api.CoreError.INVALID_PLUGIN, "Send the plugin jar as multipart/form-data in the field 'jar'.");
        }
        UploadedFile f = ctx.uploadedFile("jar");
        if (f == null || f.size() == 0) {
            throw KindredException.missingField("jar");
        }
        return f.content();
    }

    private void remove(Context ctx) {
        PluginRouter.readBody(ctx);
        String id = ctx.pathParam("id");
        boolean dropData = "true".equals(ctx.queryParam("dropData"));
        List<String> dropped = installer.remove(id, dropData, ctx.queryParam("confirm"), actor(ctx, auth));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("droppedTables", dropped);
        json(ctx, 200, Map.of("removed", body));
    }

    /** @return who is calling, for the audit log */
    public static String actor(Context ctx, Auth auth) {
        return auth.principal(ctx).map(Principal::label).orElse("anonymous");
    }

    @SuppressWarnings("unchecked")
    private void saveSettings(Context ctx) {
        Map<String, Object> body = Bodies.read(Json.CORE, ctx.bodyAsBytes(), Map.class);
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
        json(ctx, 200, Map.of("settings", settings.fields(ctx.pathParam("id")).stream().map(PluginSettings.Field::toJson).toList()));
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
