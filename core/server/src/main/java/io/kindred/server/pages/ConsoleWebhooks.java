package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Params;
import io.kindred.server.webhooks.WebhookDelivery;
import io.kindred.server.webhooks.WebhookEndpoint;
import io.kindred.server.webhooks.Webhooks;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code /console/webhooks} (admins): the endpoints that get events, a form for a new one (its secret is on the
 * page that answers the form and nowhere else), enable, disable, delete, a test event, and per endpoint its
 * recent deliveries with status, latency and the start of the answer, each of which can be sent again.
 */
public final class ConsoleWebhooks implements Consumer<CoreRouting> {

    static final int PAGE = 50;

    private final Views views;
    private final Webhooks webhooks;
    private final SiteSettings settings;

    public ConsoleWebhooks(Views views, Webhooks webhooks, SiteSettings settings) {
        this.views = views;
        this.webhooks = webhooks;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/webhooks", Access.ADMIN, ctx -> list(ctx, Map.of()));
        r.post("/console/webhooks", Access.ADMIN, this::create);
        r.get("/console/webhooks/{id}", Access.ADMIN, this::detail);
        r.post("/console/webhooks/{id}/enable", Access.ADMIN, ctx -> enable(ctx, true));
        r.post("/console/webhooks/{id}/disable", Access.ADMIN, ctx -> enable(ctx, false));
        r.post("/console/webhooks/{id}/delete", Access.ADMIN, ctx -> {
            webhooks.delete(ConsoleSupport.pathId(ctx, "id", CoreError.WEBHOOK_NOT_FOUND));
            ConsoleSupport.redirect(ctx, "/console/webhooks", "console_webhook_deleted");
        });
        r.post("/console/webhooks/{id}/test", Access.ADMIN, ctx -> {
            long id = ConsoleSupport.pathId(ctx, "id", CoreError.WEBHOOK_NOT_FOUND);
            ConsoleSupport.redirect(ctx, "/console/webhooks/" + id, whenEnabled(() -> webhooks.sendTest(id), "console_webhook_tested"));
        });
        r.post("/console/webhooks/deliveries/{id}/redeliver", Access.ADMIN, ctx -> {
            long id = ConsoleSupport.pathId(ctx, "id", CoreError.WEBHOOK_DELIVERY_NOT_FOUND);
            long endpoint = webhooks.deliveryEndpoint(id);
            ConsoleSupport.redirect(ctx, "/console/webhooks/" + endpoint,
                    whenEnabled(() -> webhooks.redeliver(id), "console_webhook_redelivered"));
        });
    }

    private static String whenEnabled(Runnable action, String notice) {
        try {
            action.run();
            return notice;
        } catch (KindredException e) {
            if (e.code().equals(CoreError.WEBHOOK_DISABLED.code())) {
                return "console_webhook_disabled";
            }
            throw e;
        }
    }

    private void list(Context ctx, Map<String, Object> extra) {
        PageRequest page = Params.page(ctx, PAGE);
        ZoneId zone = settings.zone();
        Page<Map<String, Object>> endpoints = Page.of(webhooks.list(page.before(), page.limit()), page,
                WebhookEndpoint::id).map(e -> endpoint(e, zone));
        Map<String, Object> model = new HashMap<>();
        model.put("endpoints", endpoints.items());
        model.put("nextCursor", endpoints.nextCursor());
        model.put("url", "");
        model.put("events", "");
        model.put("description", "");
        model.putAll(extra);
        views.page(ctx, "console/webhooks", model);
    }

    private void create(Context ctx) {
        String url = ConsoleSupport.field(ctx, "url");
        String events = ConsoleSupport.field(ctx, "events");
        String description = ConsoleSupport.field(ctx, "description");
        try {
            List<String> patterns = Arrays.stream(events.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
            Webhooks.Created created = webhooks.create(url, patterns, description);
            // the secret is in this answer only: no cache may keep it
            ctx.header("Cache-Control", "no-store");
            list(ctx, Map.of("created", Map.of("id", created.endpoint().id(), "url", created.endpoint().url(),
                    "secret", created.secret())));
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            list(ctx, Map.of("url", url, "events", events, "description", description, "error", views.errorText(ctx, e)));
        }
    }

    private void detail(Context ctx) {
        long id = ConsoleSupport.pathId(ctx, "id", CoreError.WEBHOOK_NOT_FOUND);
        ZoneId zone = settings.zone();
        WebhookEndpoint e = webhooks.get(id);
        PageRequest page = Params.page(ctx, PAGE);
        Page<Map<String, Object>> deliveries = Page.of(webhooks.deliveries(id, page.before(), page.limit()), page,
                WebhookDelivery::id).map(d -> {
            Map<String, Object> m = new LinkedHashMap<>(d.json());
            m.put("when", ConsoleSupport.when(d.lastAttemptAt() == null ? d.createdAt() : d.lastAttemptAt(), zone));
            m.put("next", d.nextAttemptAt() == null ? "" : ConsoleSupport.when(d.nextAttemptAt(), zone));
            return m;
        });
        Map<String, Object> model = new HashMap<>();
        model.put("endpoint", endpoint(e, zone));
        model.put("deliveries", deliveries.items());
        model.put("nextCursor", deliveries.nextCursor());
        views.page(ctx, "console/webhook", model);
    }

    private void enable(Context ctx, boolean enabled) {
        long id = ConsoleSupport.pathId(ctx, "id", CoreError.WEBHOOK_NOT_FOUND);
        webhooks.change(id, new Webhooks.Change(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(enabled)));
        ConsoleSupport.redirect(ctx, "/console/webhooks", enabled ? "console_webhook_enabled" : "console_webhook_disabled_now");
    }

    private static Map<String, Object> endpoint(WebhookEndpoint e, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>(e.json());
        m.put("eventsText", String.join(" ", e.events()));
        m.put("created", ConsoleSupport.when(e.createdAt(), zone));
        return m;
    }
}
