package io.kindred.server.users;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Scope;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.PluginRouter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** {@code /api/v1/admin/apikeys}: create with scopes and expiry (the secret is shown once), list, rotate, revoke. */
public final class ApiKeyRoutes implements Consumer<CoreRouting> {

    /**
     * Optional here so that a missing name is {@code invalid_field}, as documented, like a bad one. Without
     * {@code scopes} the key is an {@code admin} key, as every key was before scopes; without {@code expiresAt} it
     * does not expire.
     */
    record CreateBody(Optional<String> name, Optional<List<String>> scopes, Optional<Instant> expiresAt) {
    }

    private final ApiKeys keys;

    public ApiKeyRoutes(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/admin/apikeys", Access.ADMIN, ctx -> json(ctx, 200, Map.of("items", keys.list())));
        r.post("/api/v1/admin/apikeys", Access.ADMIN, ctx -> {
            CreateBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), CreateBody.class);
            Set<Scope> scopes = b.scopes().map(ApiKeys::scopes).orElse(Set.of(Scope.ADMIN));
            created(ctx, 201, keys.create(b.name().orElse(null), scopes, b.expiresAt().orElse(null)));
        });
        r.post("/api/v1/admin/apikeys/{name}/rotate", Access.ADMIN, ctx -> {
            PluginRouter.readBody(ctx);
            created(ctx, 200, keys.rotate(ctx.pathParam("name")).orElseThrow(() ->
                    KindredException.notFound("There is no active API key named '" + ctx.pathParam("name") + "'.")));
        });
        r.post("/api/v1/admin/apikeys/{name}/revoke", Access.ADMIN, ctx -> {
            if (!keys.revoke(ctx.pathParam("name"))) {
                throw KindredException.notFound("There is no active API key named '" + ctx.pathParam("name") + "'.");
            }
            ctx.status(204);
        });
    }

    private static void created(Context ctx, int status, ApiKeys.Created c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiKey", c.key());
        body.put("secret", c.secret());
        ctx.header("Cache-Control", "no-store");
        json(ctx, status, body);
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
