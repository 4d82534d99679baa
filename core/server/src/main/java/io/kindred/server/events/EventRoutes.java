package io.kindred.server.events;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.Params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code /api/v1/admin/events}: recent events, subscribers, dead letters, retry and replay. */
public final class EventRoutes implements Consumer<CoreRouting> {

    private final EventLog log;
    private final Dispatcher dispatcher;

    public EventRoutes(EventLog log, Dispatcher dispatcher) {
        this.log = log;
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
        PageRequest page = Params.page(ctx, 50, 200);
        String type = Params.query(ctx, "type").orElse(null);
        json(ctx, Page.of(log.recent(type, page.before(), page.limit()), page, EventLog.Recorded::id).map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("type", e.type());
            m.put("userId", e.userId());
            m.put("payload", Json.readMap(e.payload()));
            m.put("createdAt", e.createdAt());
            return m;
        }));
    }

    private void subscribers(Context ctx) {
        List<Map<String, Object>> items = log.subscribers().stream()
                .map(s -> s.fields(dispatcher.isActive(s.name()))).toList();
        json(ctx, Map.of("items", items));
    }

    private void deadLetters(Context ctx) {
        PageRequest page = Params.page(ctx, 50, 200);
        json(ctx, Page.of(log.deadLetters(page.before(), page.limit(), false), page, EventLog.DeadLetter::id).map(d -> {
            Map<String, Object> m = d.fields();
            m.put("createdAt", d.createdAt());
            m.put("retriedAt", d.retriedAt());
            return m;
        }));
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }
}
