package io.kindred.server.events;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.web.Access;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.Params;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code /api/v1/admin/events}: recent events, subscribers, dead letters, retry and replay. */
public final class EventRoutes implements Consumer<CoreRouting> {

    private final Database db;
    private final Dispatcher dispatcher;

    public EventRoutes(Database db, Dispatcher dispatcher) {
        this.db = db;
        this.dispatcher = dispatcher;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/admin/events", Access.OPERATOR, this::recent);
        r.get("/api/v1/admin/events/subscribers", Access.OPERATOR, this::subscribers);
        r.get("/api/v1/admin/events/dead-letters", Access.OPERATOR, this::deadLetters);
        r.post("/api/v1/admin/events/dead-letters/{id}/retry", Access.ADMIN, ctx -> {
            long id = parseId(ctx.pathParam("id"));
            dispatcher.retryDeadLetter(id);
            json(ctx, Map.of("deadLetter", Map.of("id", id, "retried", true)));
        });
        r.post("/api/v1/admin/events/subscribers/{name}/replay", Access.ADMIN, ctx -> {
            String name = ctx.pathParam("name");
            if (!dispatcher.replayFromStart(name)) {
                throw KindredException.notFound("There is no subscriber '" + name + "'.");
            }
            json(ctx, Map.of("subscriber", Map.of("name", name, "cursor", 0)));
        });
    }

    private static long parseId(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw KindredException.notFound("There is no dead letter '" + v + "'.");
        }
    }

    private void recent(Context ctx) {
        int limit = Params.intParam(ctx, "limit", 50, 1, 200);
        long cursor = Params.cursor(ctx);
        String type = Params.query(ctx, "type").orElse(null);
        List<Map<String, Object>> items = db.read(h -> h.createQuery("""
                        SELECT id, type, user_id, payload, created_at FROM events
                         WHERE id < :cursor AND (CAST(:type AS TEXT) IS NULL OR type = :type)
                         ORDER BY id DESC LIMIT :limit""")
                .bind("cursor", cursor).bind("type", type).bind("limit", limit)
                .map((rs, c) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong(1));
                    m.put("type", rs.getString(2));
                    m.put("userId", rs.getObject(3) == null ? null : rs.getLong(3));
                    m.put("payload", Json.readMap(rs.getString(4)));
                    m.put("createdAt", Instant.ofEpochMilli(rs.getLong(5)));
                    return m;
                }).list());
        page(ctx, items, limit);
    }

    private void subscribers(Context ctx) {
        List<Map<String, Object>> items = db.read(h -> h.createQuery("""
                        SELECT s.name, s.event_type, s.cursor_id, s.attempts, s.next_attempt_at, s.last_error,
                               (SELECT COUNT(*) FROM events e WHERE e.type = s.event_type AND e.id > s.cursor_id) AS backlog
                          FROM event_subscribers s ORDER BY s.name""")
                .map((rs, c) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", rs.getString(1));
                    m.put("eventType", rs.getString(2));
                    m.put("cursor", rs.getLong(3));
                    m.put("attempts", rs.getInt(4));
                    m.put("nextAttemptAt", rs.getLong(5) == 0 ? null : Instant.ofEpochMilli(rs.getLong(5)));
                    m.put("lastError", rs.getString(6));
                    m.put("backlog", rs.getLong(7));
                    m.put("active", dispatcher.isActive(rs.getString(1)));
                    return m;
                }).list());
        json(ctx, Map.of("items", items));
    }

    private void deadLetters(Context ctx) {
        int limit = Params.intParam(ctx, "limit", 50, 1, 200);
        long cursor = Params.cursor(ctx);
        List<Map<String, Object>> items = db.read(h -> h.createQuery("""
                        SELECT d.id, d.subscriber, d.event_id, e.type, d.attempts, d.last_error, d.created_at, d.retried_at
                          FROM event_dead_letters d JOIN events e ON e.id = d.event_id
                         WHERE d.id < :cursor ORDER BY d.id DESC LIMIT :limit""")
                .bind("cursor", cursor).bind("limit", limit)
                .map((rs, c) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong(1));
                    m.put("subscriber", rs.getString(2));
                    m.put("eventId", rs.getLong(3));
                    m.put("eventType", rs.getString(4));
                    m.put("attempts", rs.getInt(5));
                    m.put("lastError", rs.getString(6));
                    m.put("createdAt", Instant.ofEpochMilli(rs.getLong(7)));
                    m.put("retriedAt", rs.getObject(8) == null ? null : Instant.ofEpochMilli(rs.getLong(8)));
                    return m;
                }).list());
        page(ctx, items, limit);
    }

    private static void page(Context ctx, List<Map<String, Object>> items, int limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextCursor", items.size() == limit ? String.valueOf(items.get(items.size() - 1).get("id")) : null);
        json(ctx, body);
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }
}
