package io.kindred.server.users;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code /api/v1/admin/apikeys}: create (the secret is shown once), list, revoke. */
public final class ApiKeyRoutes implements Consumer<CoreRouting> {

    /** Optional here so that a missing name is {@code invalid_field}, as documented, like a bad one. */
    record CreateBody(Optional<String> name) {
    }

    private final ApiKeys keys;

    public ApiKeyRoutes(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/admin/apikeys", Access.ADMIN, ctx -> json(ctx, 200, Map.of("items", keys.list())));
        r.post("/api/v1/admin/apikeys", Access.ADMIN, ctx -> {
            ApiKeys.Created c = keys.create(Bodies.read(Json.CORE, ctx.bodyAsBytes(), CreateBody.class).name().orElse(null));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("apiKey", c.key());
            body.put("secret", c.secret());
            json(ctx, 201, body);
        });
        r.post("/api/v1/admin/apikeys/{name}/revoke", Access.ADMIN, ctx -> {
            if (!keys.revoke(ctx.pathParam("name"))) {
                throw KindredException.notFound("There is no active API key named '" + ctx.pathParam("name") + "'.");
            }
            ctx.status(204);
        });
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
