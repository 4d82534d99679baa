package io.kindred.plugins.distribution;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.events.Event;
import io.kindred.api.membership.Benefit;
import io.kindred.api.membership.MembershipService;
import io.kindred.api.referrals.DistributorRights;
import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is a distributor: a member for whom any enabled unlock path holds. Paths: a grant (an operator, an approved
 * application, the creators plugin), completed tasks (check-ins in a window, amount spent, friends invited), or the
 * membership benefit {@code distribution.rights}. Losing every path stops new commissions; earned ones stay.
 */
final class Rights implements DistributorRights {

    /** The benefit this plugin offers to membership tiers and plans. */
    static final Benefit BENEFIT = Benefit.of("distribution.rights", "Distribution rights (earn commission on friends' purchases)")
            .named("zh", "分销权益（好友消费得佣金）");

    /** The source of the grant that completed tasks give. */
    static final String TASKS = "tasks";
    /** The source of an operator's grant. */
    static final String OPERATOR = "operator";

    /** A member's progress on the tasks, and whether they are all done. */
    record TaskProgress(long checkins, int checkinsNeeded, int windowDays, long spent, int spentNeeded, long friends,
                        int friendsNeeded) {

        boolean configured() {
            return checkinsNeeded > 0 || spentNeeded > 0 || friendsNeeded > 0;
        }

        boolean done() {
            return configured() && checkins >= checkinsNeeded && spent >= spentNeeded && friends >= friendsNeeded;
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("checkins", Map.of("done", checkins, "needed", checkinsNeeded, "windowDays", windowDays));
            m.put("spent", Map.of("done", spent, "needed", spentNeeded));
            m.put("friends", Map.of("done", friends, "needed", friendsNeeded));
            m.put("complete", done());
            return m;
        }
    }

    private final PluginContext ctx;
    private final RightsStore store;
    private final BindingStore bindings;
    private final DistributionAudit audit;

    Rights(PluginContext ctx, RightsStore store, BindingStore bindings, DistributionAudit audit) {
        this.ctx = ctx;
        this.store = store;
        this.bindings = bindings;
        this.audit = audit;
    }

    @Override
    public boolean isDistributor(long userId) {
        return !unlocks(userId).isEmpty();
    }

    /** @return the unlock paths that hold for the member now, e.g. {@code ["operator", "membership"]} */
    List<String> unlocks(long userId) {
        List<String> paths = new ArrayList<>();
        for (String source : ctx.db().read(h -> store.activeSources(h, userId))) {
            boolean enabled = TASKS.equals(source) ? ctx.settings().get(DistributionSettings.UNLOCK_BY_TASKS)
                    : ctx.settings().get(DistributionSettings.UNLOCK_BY_OPERATOR);
            if (enabled) {
                paths.add(source);
            }
        }
        if (ctx.settings().get(DistributionSettings.UNLOCK_BY_MEMBERSHIP) && ctx.services().find(MembershipService.class)
                .map(m -> m.hasBenefit(userId, BENEFIT.code())).orElse(false)) {
            paths.add("membership");
        }
        return paths;
    }

    @Override
    public void grant(long userId, String source, String note) {
        ctx.db().write(tx -> store.grant(tx, userId, checkSource(source), note, ctx.clock().millis()));
    }

    @Override
    public void revoke(long userId, String source, String note) {
        ctx.db().write(tx -> {
            store.revoke(tx, userId, checkSource(source), note, ctx.clock().millis());
            return null;
        });
    }

    /** An operator grants the rights (source {@code operator}); the audit log records it when the grant is new. */
    void grantByOperator(Member operator, long userId, String note) {
        requireMember(userId);
        ctx.db().write(tx -> {
            if (store.grant(tx, userId, OPERATOR, note, ctx.clock().millis())) {
                audit.rightsGranted(tx, operator, userId, note);
            }
            return null;
        });
    }

    /** An operator revokes one source's grant; the audit log records it when a grant in force was revoked. */
    void revokeByOperator(Member operator, long userId, String source) {
        requireMember(userId);
        ctx.db().write(tx -> {
            if (store.revoke(tx, userId, checkSource(source), null, ctx.clock().millis())) {
                audit.rightsRevoked(tx, operator, userId, source);
            }
            return null;
        });
    }

    void grant(Handle tx, long userId, String source, String note) {
        store.grant(tx, userId, checkSource(source), note, ctx.clock().millis());
    }

    /** {@code checkin.recorded}: count the day, then see whether the tasks are done. */
    void onCheckin(Event e, Handle tx) {
        store.checkin(tx, e.longValue("userId"), e.string("day"));
        checkTasks(tx, e.longValue("userId"));
    }

    /** Grants the rights for completed tasks (once; kept when the counts later drop, e.g. after a refund). */
    void checkTasks(Handle tx, long userId) {
        if (ctx.settings().get(DistributionSettings.UNLOCK_BY_TASKS) && progress(tx, userId).done()) {
            store.grant(tx, userId, TASKS, null, ctx.clock().millis());
        }
    }

    TaskProgress progress(Handle h, long userId) {
        int window = ctx.settings().get(DistributionSettings.TASK_WINDOW_DAYS);
        String firstDay = ctx.today().minusDays(window - 1L).toString();
        return new TaskProgress(store.checkinsSince(h, userId, firstDay), ctx.settings().get(DistributionSettings.TASK_CHECKINS),
                window, store.spent(h, userId), ctx.settings().get(DistributionSettings.TASK_SPENT),
                bindings.directFans(h, userId), ctx.settings().get(DistributionSettings.TASK_FRIENDS));
    }

    private void requireMember(long userId) {
        if (ctx.members().find(userId).isEmpty()) {
            throw KindredException.notFound("There is no member " + userId + ".");
        }
    }

    private static String checkSource(String source) {
        if (source == null || !source.matches("[a-z][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("a grant's source is a short lower-case word: " + source);
        }
        return source;
    }
}
