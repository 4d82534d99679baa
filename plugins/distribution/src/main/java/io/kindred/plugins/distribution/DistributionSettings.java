package io.kindred.plugins.distribution;

import io.kindred.api.PluginContext;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.settings.SettingType;

import java.util.List;

/** The operator's rules of distribution, each a setting with its default (console form, env, properties). */
final class DistributionSettings {

    /** Binding on registration, or on the first purchase within {@link #ATTRIBUTION_DAYS} of the last click. */
    static final SettingDefinition<String> BINDING_MODE = SettingDefinition.choice("bindingMode", "registration",
            List.of("registration", "first_purchase"), "When a newcomer is bound to the member who invited them");
    static final SettingDefinition<Integer> ATTRIBUTION_DAYS = SettingDefinition.integer("attributionDays", 7, 1, 365,
            "Binding on first purchase: days an invite link counts after it was last opened");
    /** How many levels earn commission: 1 or 2, never more (three levels is pyramid selling in China). */
    static final SettingDefinition<Integer> DEPTH = depth();
    static final SettingDefinition<Integer> REFUND_WINDOW_DAYS = SettingDefinition.integer("refundWindowDays", 7, 0, 365,
            "Days a commission stays frozen before it can be withdrawn (the refund window)");
    static final SettingDefinition<String> CURRENCY = SettingDefinition.text("currency", "CNY", 3,
            "Currency of commissions; purchases in another currency earn none");
    static final SettingDefinition<Boolean> UNLOCK_BY_OPERATOR = SettingDefinition.bool("unlockByOperator", true,
            "Distribution rights by an operator's grant, an approved application or a certified creator");
    static final SettingDefinition<Boolean> UNLOCK_BY_TASKS = SettingDefinition.bool("unlockByTasks", false,
            "Distribution rights by completing the tasks below");
    static final SettingDefinition<Boolean> UNLOCK_BY_MEMBERSHIP = SettingDefinition.bool("unlockByMembership", true,
            "Distribution rights through the membership benefit distribution.rights");
    static final SettingDefinition<Integer> TASK_CHECKINS = SettingDefinition.integer("taskCheckins", 7, 0, 365,
            "Task: check-ins within the window (0: no check-in task)");
    static final SettingDefinition<Integer> TASK_WINDOW_DAYS = SettingDefinition.integer("taskWindowDays", 30, 1, 365,
            "Task: the window of the check-in task, in days");
    static final SettingDefinition<Integer> TASK_SPENT = SettingDefinition.integer("taskSpent", 30_000, 0, 1_000_000_000,
            "Task: amount spent, in minor units (0: no spending task)");
    static final SettingDefinition<Integer> TASK_FRIENDS = SettingDefinition.integer("taskFriends", 0, 0, 100_000,
            "Task: friends invited (0: no invitation task)");
    static final SettingDefinition<Integer> TEAM_SALES_DAYS = SettingDefinition.integer("teamSalesDays", 30, 1, 365,
            "Levels: team sales are counted over this many days");
    static final SettingDefinition<Integer> WITHDRAWAL_MINIMUM = SettingDefinition.integer("withdrawalMinimum", 1_000, 1,
            1_000_000_000, "Smallest withdrawal, in minor units");
    static final SettingDefinition<Integer> WITHDRAWAL_FEE = SettingDefinition.integer("withdrawalFee", 0, 0, 1_000_000,
            "Fee kept from each withdrawal, in minor units");
    static final SettingDefinition<Integer> WITHDRAWAL_DAILY_LIMIT = SettingDefinition.integer("withdrawalDailyLimit",
            500_000, 0, 1_000_000_000, "Most a distributor may withdraw per day, in minor units (0: no limit)");
    static final SettingDefinition<Integer> SUSPICIOUS_SIGNUPS = SettingDefinition.integer("suspiciousSignupsPerIp", 5, 2,
            100_000, "Suspicious activity: list an address with this many sign-ups in the last 30 days");

    static final List<SettingDefinition<?>> ALL = List.of(BINDING_MODE, ATTRIBUTION_DAYS, DEPTH, REFUND_WINDOW_DAYS,
            CURRENCY, UNLOCK_BY_OPERATOR, UNLOCK_BY_TASKS, UNLOCK_BY_MEMBERSHIP, TASK_CHECKINS, TASK_WINDOW_DAYS,
            TASK_SPENT, TASK_FRIENDS, TEAM_SALES_DAYS, WITHDRAWAL_MINIMUM, WITHDRAWAL_FEE, WITHDRAWAL_DAILY_LIMIT,
            SUSPICIOUS_SIGNUPS);

    /** The sentence an operator reads when asking for a third level. */
    static final String TWO_LEVELS_ONLY = "At most two levels earn commission: in China, rewarding three or more levels"
            + " of recruitment is treated as pyramid selling (传销).";

    private DistributionSettings() {
    }

    /** @return the currency of commissions and withdrawals, upper case, e.g. {@code CNY} */
    static String currency(PluginContext ctx) {
        return ctx.settings().get(CURRENCY).toUpperCase();
    }

    private static SettingDefinition<Integer> depth() {
        return new SettingDefinition<>("depth", SettingType.INTEGER, 2,
                "Levels that earn commission: 1 (the referrer) or 2 (also the referrer's referrer); never 3", text -> {
            int v;
            try {
                v = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("depth must be 1 or 2");
            }
            if (v > 2) {
                throw new IllegalArgumentException(TWO_LEVELS_ONLY);
            }
            if (v < 1) {
                throw new IllegalArgumentException("depth must be 1 or 2");
            }
            return v;
        }, List.of());
    }
}
