package ${package};

import io.kindred.api.PluginContext;
import io.kindred.api.events.Event;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Greets every new member once, and shows them when. */
final class Greetings {

    private final PluginContext ctx;

    Greetings(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Runs in the event dispatcher's transaction; ON CONFLICT makes a second delivery harmless. */
    void onRegistered(Event event, Handle tx) {
        tx.createUpdate("""
                        INSERT INTO ${pluginId}_greetings(user_id, event_id, created_at) VALUES (:user, :event, :now)
                        ON CONFLICT (user_id) DO NOTHING""")
                .bind("user", event.userId()).bind("event", event.id()).bind("now", ctx.clock().millis())
                .execute();
    }

    private Optional<Instant> greetedAt(long userId) {
        return ctx.db().read(h -> h.createQuery("SELECT created_at FROM ${pluginId}_greetings WHERE user_id = :u")
                .bind("u", userId).mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    /** GET /api/v1/${pluginId}/me → {"greeting": {"greeted": true, "at": "2026-01-01T00:00:00Z"}} */
    void mine(Exchange x) {
        Optional<Instant> at = greetedAt(x.requireMember().id());
        Map<String, Object> greeting = new LinkedHashMap<>();
        greeting.put("greeted", at.isPresent());
        at.ifPresent(instant -> greeting.put("at", instant.toString()));
        x.json(Map.of("greeting", greeting));
    }

    /** GET /${pluginId}: the member's page, in their language. */
    void page(Exchange x) {
        Member me = x.requireMember();
        Map<String, Object> model = new HashMap<>();
        model.put("name", me.displayName());
        model.put("since", greetedAt(me.id())
                .map(at -> DateTimeFormatter.ISO_LOCAL_DATE.withZone(ctx.siteZone()).format(at)).orElse(""));
        x.render("${pluginId}/page", model);
    }
}
