package io.kindred.server.webhooks;

import io.javalin.http.Context;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Scope;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.Params;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code /api/v1/admin/webhooks}: the operator's endpoints, their deliveries, test events and redelivery (admins). */
public final class WebhookRoutes implements Consumer<CoreRouting> {

    record NewEndpoint(String url, List<String> events, Optional<String> description) {
    }

    record EndpointChange(Optional<String> url, Optional<List<String>> events, Optional<String> description,
                          Optional<Boolean> enabled) {
    }

    static final int RECENT_DELIVERIES = 20;

    private final Webhooks webhooks;

    public WebhookRoutes(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void accept(CoreRouting r) {
        CoreRouting w = r.scoped(Scope.WEBHOOKS_MANAGE);
        w.post("/api/v1/admin/webhooks", Access.ADMIN, this::create);
        w.get("/api/v1/admin/webhooks", Access.ADMIN, this::list);
        w.get("/api/v1/admin/webhooks/{id}", Access.ADMIN, this::show);
        w.patch("/api/v1/admin/webhooks/{id}", Access.ADMIN, this::change);
        w.delete("/api/v1/admin/webhooks/{id}", Access.ADMIN, ctx -> {
            webhooks.delete(endpointId(ctx));
            ctx.status(204);
        });
        w.post("/api/v1/admin/webhooks/{id}/test", Access.ADMIN, ctx -> {
            long eventId = webhooks.sendTest(endpointId(ctx));
            ctx.status(202);
            json(ctx, Map.of("event", Map.of("id", eventId, "type", EventPatterns.TEST_EVENT)));
        });
        w.get("/api/v1/admin/webhooks/{id}/deliveries", Access.ADMIN, this::deliveries);
        w.post("/api/v1/admin/webhooks/deliveries/{id}/redeliver", Access.ADMIN, ctx -> {
            long id = id(ctx, false);
            ctx.status(202);
            json(ctx, Map.of("delivery", webhooks.redeliver(id).json()));
        });
    }

    private void create(Context ctx) {
        NewEndpoint b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), NewEndpoint.class);
        Webhooks.Created created = webhooks.create(b.url(), b.events(), b.description().orElse(""));
        Map<String, Object> endpoint = created.endpoint().json();
        endpoint.put("secret", created.secret());
        ctx.status(201).header("Cache-Control", "no-store");
        json(ctx, Map.of("webhook", endpoint));
    }

    private void list(Context ctx) {
        PageRequest page = Params.page(ctx, 50, 200);
        json(ctx, Page.of(webhooks.list(page.before(), page.limit()), page, WebhookEndpoint::id)
                .map(WebhookEndpoint::json));
    }

    private void show(Context ctx) {
        long id = endpointId(ctx);
        Map<String, Object> endpoint = webhooks.get(id).json();
        endpoint.put("recentDeliveries", webhooks.deliveries(id, Long.MAX_VALUE, RECENT_DELIVERIES).stream()
                .map(WebhookDelivery::json).toList());
        json(ctx, Map.of("webhook", endpoint));
    }

    private void change(Context ctx) {
        long id = endpointId(ctx);
        EndpointChange b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), EndpointChange.class);
        WebhookEndpoint e = webhooks.change(id, new Webhooks.Change(b.url(), b.events(), b.description(), b.enabled()));
        json(ctx, Map.of("webhook", e.json()));
    }

    private void deliveries(Context ctx) {
        long id = endpointId(ctx);
        PageRequest page = Params.page(ctx, 50, 200);
        json(ctx, Page.of(webhooks.deliveries(id, page.before(), page.limit()), page, WebhookDelivery::id)
                .map(WebhookDelivery::json));
    }

    private static long endpointId(Context ctx) {
        return id(ctx, true);
    }

    private static long id(Context ctx, boolean endpoint) {
        String v = ctx.pathParam("id");
        try {
            long id = Long.parseLong(v);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through
        }
        throw endpoint ? new KindredException(CoreError.WEBHOOK_NOT_FOUND, "There is no webhook endpoint '" + v + "'.")
                : new KindredException(CoreError.WEBHOOK_DELIVERY_NOT_FOUND, "There is no webhook delivery '" + v + "'.");
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }
}
