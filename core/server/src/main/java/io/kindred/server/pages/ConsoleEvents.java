package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.events.Dispatcher;
import io.kindred.server.events.EventLog;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Params;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /console/events}: the newest events (filter by type, cursor pages), each subscriber with how far
 * behind it is, and the dead letters, which an admin can hand to their subscriber again
 * ({@link Dispatcher#retryDeadLetter}).
 */
final class ConsoleEvents implements Consumer<CoreRouting> {

    static final int PAGE = 50;
    private static final int DEAD_LETTERS = 50;
    private static final int PAYLOAD_CHARS = 200;

    private final Views views;
    private final EventLog log;
    private final Dispatcher dispatcher;
    private final SiteSettings settings;

    ConsoleEvents(Views views, EventLog log, Dispatcher dispatcher, SiteSettings settings) {
        this.views = views;
        this.log = log;
        this.dispatcher = dispatcher;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/events", Access.OPERATOR, this::page);
        r.post("/console/events/dead-letters/{id}/retry", Access.ADMIN, this::retry);
    }

    private void page(Context ctx) {
        String type = ConsoleSupport.query(ctx, "type").orElse(null);
        if (type != null && !type.matches("[a-z0-9_.:-]{1,80}")) {
            throw KindredException.invalidField("An event type is like user.registered.");
        }
        PageRequest page = Params.page(ctx, PAGE);
        ZoneId zone = settings.zone();
        Map<String, Object> model = new HashMap<>();
        Page<Map<String, Object>> events = Page.of(log.recent(type, page.before(), page.limit()), page, EventLog.Recorded::id).map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("type", e.type());
            m.put("userId", e.userId());
            m.put("payload", e.payload().length() > PAYLOAD_CHARS ? e.payload().substring(0, PAYLOAD_CHARS) + "…" : e.payload());
            m.put("when", ConsoleSupport.when(e.createdAt(), zone));
            return m;
        });
        model.put("events", events.items());
        model.put("nextCursor", events.nextCursor());
        model.put("subscribers", log.subscribers().stream().map(sub -> sub.fields(dispatcher.isActive(sub.name()))).toList());
        model.put("deadLetters", log.deadLetters(Long.MAX_VALUE, DEAD_LETTERS, true).stream().map(d -> {
            Map<String, Object> m = d.fields();
            m.put("when", ConsoleSupport.when(d.createdAt(), zone));
            m.put("retried", d.retriedAt() == null ? null : ConsoleSupport.when(d.retriedAt(), zone));
            return m;
        }).toList());
        model.put("type", type == null ? "" : type);
        model.put("canRetry", views.viewer(ctx).map(v -> v.hasRole(io.kindred.api.users.Role.ADMIN)).orElse(false));
        views.page(ctx, "console/events", model);
    }

    private void retry(Context ctx) {
        long id = ConsoleSupport.pathId(ctx, "id", CoreError.NOT_FOUND);
        try {
            dispatcher.retryDeadLetter(id);
            ConsoleSupport.redirect(ctx, "/console/events", "console_retried");
        } catch (KindredException e) {
            if (e.status() == 404) {
                throw e;
            }
            // the subscriber is off, or its handler failed again: say so on the page
            ConsoleSupport.redirect(ctx, "/console/events",
                    "subscriber_inactive".equals(e.code()) ? "console_retry_inactive" : "console_retry_failed");
        }
    }
}
