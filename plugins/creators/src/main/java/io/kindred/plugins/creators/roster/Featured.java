package io.kindred.plugins.creators.roster;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Traffic tilt (流量倾斜): an operator features a creator from one instant to another; the home-page widget lists
 * the active creators featured now, so a feature ends by itself when its period passes.
 */
final class Featured {

    private final PluginContext ctx;
    private final CreatorStore store;
    private final FeatureStore features = new FeatureStore();

    Featured(PluginContext ctx, CreatorStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    /** Features a creator; 400 {@code bad_period} when it ends before it starts. @return the feature's id */
    long feature(Member actor, long userId, Instant from, Instant to, String note) {
        if (!to.isAfter(from)) {
            throw new KindredException(RosterError.BAD_PERIOD, "A featured period ends after it starts.");
        }
        return ctx.db().write(tx -> {
            store.find(tx, userId).filter(Creator::certified).orElseThrow(() ->
                    new KindredException(RosterError.CREATOR_NOT_FOUND, "Member " + userId + " is not an active creator."));
            long id = features.insert(tx, userId, from, to, note, actor.id(), ctx.clock().millis());
            ctx.audit().record(tx, actor, "creators.feature", "user:" + userId, from + " – " + to);
            store.history(tx, userId, "featured", from + " – " + to, actor.id(), ctx.clock().millis());
            return id;
        });
    }

    /** @return the active creators featured now, most recently featured first */
    List<Map<String, Object>> now() {
        return ids().stream().map(this::card).toList();
    }

    /** @return the ids of the active creators featured now, most recently featured first */
    List<Long> ids() {
        long now = ctx.clock().millis();
        return ctx.db().read(h -> features.activeAt(h, now, ctx.settings().get(RosterSettings.FEATURED_MAX)));
    }

    /** @return the periods of one creator, newest first */
    List<Map<String, Object>> of(long userId) {
        return ctx.db().read(h -> features.periods(h, userId));
    }

    /** The home-page widget's model. */
    Map<String, Object> widget(Member viewer, Locale locale) {
        return Map.of("creators", now());
    }

    private Map<String, Object> card(long userId) {
        Creator c = ctx.db().read(h -> store.find(h, userId)).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", userId);
        m.put("name", ctx.members().find(userId).map(Member::displayName).orElse("#" + userId));
        m.put("title", c.title());
        m.put("category", c.category());
        m.put("level", c.level());
        return m;
    }
}
