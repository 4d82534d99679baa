package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.events.Dispatcher;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Params;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final Database db;
    private final Dispatcher dispatcher;
    private final SiteSettings settings;

    ConsoleEvents(Views views, Database db, Dispatcher dispatcher, SiteSettings settings) {
        this.views = views;
        this.db = db;
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
        long cursor = Params.cursor(ctx);
        ZoneId zone = settings.zone();
        Map<String, Object> model = new HashMap<>();
        db.read(h -> {
            List<Map<String, Object>> events = h.createQuery("""
                            SELECT id, type, user_id, payload, created_at FROM events
                             WHERE id < :cursor AND (CAST(:type AS TEXT) IS NULL OR type = :type)
                             ORDER BY id DESC LIMIT :limit""")
                    .bind("cursor", cursor).bind("type", type).bind("limit", PAGE)
                    .map((rs, c) -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", rs.getLong(1));
                        m.put("type", rs.getString(2));
                        m.put("userId", rs.getObject(3) == null ? null : rs.getLong(3));
                        String payload = rs.getString(4);
                        m.put("payload", payload.length() > PAYLOAD_CHARS ? payload.substring(0, PAYLOAD_CHARS) + "…" : payload);
                        m.put("when", ConsoleSupport.when(rs.getLong(5), zone));
                        return m;
                    }).list();
            model.put("events", events);
            model.put("nextCursor", events.size() == PAGE ? String.valueOf(events.get(events.size() - 1).get("id")) : null);
            model.put("subscribers", h.createQuery("""
                            SELECT s.name, s.event_type, s.cursor_id, s.attempts, s.last_error,
                                   (SELECT COUNT(*) FROM events e WHERE e.type = s.event_type AND e.id > s.cursor_id) AS backlog
                              FROM event_subscribers s ORDER BY s.name""")
                    .map((rs, c) -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("name", rs.getString(1));
                        m.put("eventType", rs.getString(2));
                        m.put("cursor", rs.getLong(3));
                        m.put("attempts", rs.getInt(4));
                        m.put("lastError", rs.getString(5));
                        m.put("backlog", rs.getLong(6));
                        m.put("active", dispatcher.isActive(rs.getString(1)));
                        return m;
                    }).list());
            model.put("deadLetters", h.createQuery("""
                            SELECT d.id, d.subscriber, d.event_id, e.type, d.attempts, d.last_error, d.created_at, d.retried_at
                              FROM event_dead_letters d JOIN events e ON e.id = d.event_id
                             ORDER BY CASE WHEN d.retried_at IS NULL THEN 0 ELSE 1 END, d.id DESC LIMIT :limit""")
                    .bind("limit", DEAD_LETTERS)
                    .map((rs, c) -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", rs.getLong(1));
                        m.put("subscriber", rs.getString(2));
                        m.put("eventId", rs.getLong(3));
                        m.put("eventType", rs.getString(4));
                        m.put("attempts", rs.getInt(5));
                        m.put("lastError", rs.getString(6));
                        m.put("when", ConsoleSupport.when(rs.getLong(7), zone));
                        m.put("retried", rs.getObject(8) == null ? null : ConsoleSupport.when(rs.getLong(8), zone));
                        return m;
                    }).list());
            return null;
        });
        model.put("type", type == null ? "" : type);
        model.put("canRetry", views.viewer(ctx).map(v -> v.hasRole(io.kindred.api.users.Role.ADMIN)).orElse(false));
        views.page(ctx, "console/events", model);
    }

    private void retry(Context ctx) {
        long id = ConsoleSupport.pathId(ctx, "id", "not_found");
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
