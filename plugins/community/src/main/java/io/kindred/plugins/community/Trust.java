package io.kindred.plugins.community;

import io.kindred.api.PluginContext;
import io.kindred.api.membership.MembershipService;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trust levels, like Discourse's: a member is <em>new</em> (held to the new-member limits) until they have standing
 * by any one of days since joining, check-ins (counted from {@code checkin.recorded}) or membership tier (when the
 * membership plugin runs). Operators always have standing.
 */
final class Trust {

    /** How much a member is trusted. */
    enum Level {
        /** held to the new-member limits */
        NEW,
        /** has standing: only the rate limits apply */
        TRUSTED,
        /** operators and administrators: no limit applies */
        STAFF
    }

    /**
     * What a member's standing is made of.
     *
     * @param level    the resulting level
     * @param days     whole days since the member joined
     * @param checkins check-ins counted
     * @param tier     membership tier rank (0 when none or the membership plugin is off)
     */
    record Standing(Level level, long days, long checkins, int tier) {
        boolean limited() {
            return level == Level.NEW;
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", level.name().toLowerCase(java.util.Locale.ROOT));
            m.put("daysSinceJoining", days);
            m.put("checkins", checkins);
            m.put("tier", tier);
            return m;
        }
    }

    private final PluginContext ctx;
    private final ActivityStore activity;

    Trust(PluginContext ctx, ActivityStore activity) {
        this.ctx = ctx;
        this.activity = activity;
    }

    Standing of(Member m, ModerationRules rules) {
        Instant now = ctx.clock().instant();
        long days = ctx.members().joinedAt(m.id()).map(t -> Duration.between(t, now).toDays()).orElse(0L);
        long checkins = ctx.db().read(h -> activity.checkins(h, m.id()));
        int tier = ctx.services().find(MembershipService.class).map(s -> s.tierRank(m.id())).orElse(0);
        if (m.hasRole(Role.OPERATOR)) {
            return new Standing(Level.STAFF, days, checkins, tier);
        }
        boolean trusted = rules.trustAfterDays() > 0 && days >= rules.trustAfterDays()
                || rules.trustAfterCheckins() > 0 && checkins >= rules.trustAfterCheckins()
                || rules.trustFromTier() > 0 && tier >= rules.trustFromTier();
        return new Standing(trusted ? Level.TRUSTED : Level.NEW, days, checkins, tier);
    }

    /** Counts a {@code checkin.recorded} event towards the member's standing. */
    void checkedIn(io.kindred.api.events.Event event, org.jdbi.v3.core.Handle tx) {
        long userId = event.userId() != null ? event.userId() : event.longValue("userId");
        activity.countCheckin(tx, userId, event.id());
    }
}
