package io.kindred.server.openapi;

import io.javalin.http.Context;
import io.kindred.api.web.Access;
import io.kindred.server.pages.Views;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;

import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /api/v1/openapi.json}, the description of the JSON API as it is now (core and started plugins), and
 * {@code /console/api}, the operators' reference page that renders it.
 */
public final class OpenApiRoutes implements Consumer<CoreRouting> {

    private final OpenApiDocument document;
    private final Views views;

    public OpenApiRoutes(OpenApiDocument document, Views views) {
        this.document = document;
        this.views = views;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/openapi.json", Access.PUBLIC, this::json);
        r.get("/console/api", Access.OPERATOR, ctx -> views.page(ctx, "console/api", Map.of()));
    }

    private void json(Context ctx) throws Exception {
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("application/json").result(Json.CORE.writeValueAsBytes(document.document()));
    }
}
