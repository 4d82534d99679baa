package io.kindred.plugins.welcome;

import io.kindred.api.PluginContext;
import io.kindred.api.events.Event;
import io.kindred.api.web.Exchange;
import org.jdbi.v3.core.Handle;

import io.kindred.api.users.Member;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Gives the welcome gift once per member and answers what was given. */
final class WelcomeGifts {

    private final PluginContext ctx;

    WelcomeGifts(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Runs in the dispatcher's transaction: the credit and the row commit together, once per member. */
    void onRegistered(Event event, Handle tx) {
        String source = event.string("source");
        boolean wanted = "signup".equals(source) || ("import".equals(source) && ctx.settings().get(WelcomePlugin.FOR_IMPORTED));
        if (!wanted) {
            return; // e.g. the administrator created at setup
        }
        int points = ctx.settings().get(WelcomePlugin.POINTS);
        long userId = event.userId();
        int inserted = tx.createUpdate("""
                        INSERT INTO welcome_gifts(user_id, points, event_id, created_at) VALUES (:user, :points, :event, :now)
                        ON CONFLICT (user_id) DO NOTHING""")
                .bind("user", userId).bind("points", points).bind("event", event.id())
                .bind("now", ctx.clock().millis()).execute();
        if (inserted == 1 && points > 0) {
            ctx.ledger().credit(tx, userId, "points", points, "welcome", "event:" + event.id(), "welcome:" + userId);
        }
    }

    private Map<String, Object> giftOf(long userId) {
        return ctx.db().read(h -> h.createQuery("SELECT points, created_at FROM welcome_gifts WHERE user_id = :u")
                .bind("u", userId)
                .map((rs, c) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("points", rs.getLong(1));
                    m.put("givenAt", Instant.ofEpochMilli(rs.getLong(2)));
                    return m;
                }).findOne().orElse(null));
    }

    void mine(Exchange x) {
        Map<String, Object> gift = giftOf(x.requireMember().id());
        x.json(Map.of("gift", gift == null ? Map.of("points", 0) : gift, "received", gift != null));
    }

    /** The home widget: the offer for visitors, the gift for members. */
    Map<String, Object> widget(Member viewer) {
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> gift = viewer == null ? null : giftOf(viewer.id());
        model.put("received", gift != null);
        model.put("points", gift != null ? gift.get("points") : ctx.settings().get(WelcomePlugin.POINTS));
        return model;
    }

    void page(Exchange x) {
        Map<String, Object> gift = giftOf(x.requireMember().id());
        Map<String, Object> model = new HashMap<>(widget(x.requireMember()));
        model.put("givenAt", gift == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.withZone(ctx.siteZone())
                .format((Instant) gift.get("givenAt")));
        x.render("welcome/page", model);
    }

    void stats(Exchange x) {
        Map<String, Object> stats = ctx.db().read(h -> h.createQuery("SELECT COUNT(*), COALESCE(SUM(points), 0) FROM welcome_gifts")
                .map((rs, c) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("members", rs.getLong(1));
                    m.put("points", rs.getLong(2));
                    return m;
                }).one());
        x.json(Map.of("stats", stats));
    }
}
