package io.kindred.plugins.membership;

import io.kindred.api.settings.SettingDefinition;

import java.util.List;

/** The operator's earning rates, set in the console (plugin settings of {@code membership}). */
final class MembershipSettings {

    static final SettingDefinition<Integer> GROWTH_PER_CURRENCY_UNIT = SettingDefinition.integer(
            "growthPerCurrencyUnit", 1, 0, 10_000, "Growth value (成长值) per currency unit spent (e.g. per 1.00 CNY)");
    static final SettingDefinition<Integer> GROWTH_PER_CHECKIN = SettingDefinition.integer(
            "growthPerCheckin", 1, 0, 10_000, "Growth value per daily check-in (needs the check-ins plugin)");
    static final SettingDefinition<Integer> GROWTH_PER_POST = SettingDefinition.integer(
            "growthPerPost", 5, 0, 10_000, "Growth value per published post (needs the community plugin)");
    static final SettingDefinition<Integer> POINTS_PER_CURRENCY_UNIT = SettingDefinition.integer(
            "pointsPerCurrencyUnit", 1, 0, 10_000,
            "Points per currency unit spent, before the member's tier multiplier");
    static final SettingDefinition<Integer> BIRTHDAY_POINTS = SettingDefinition.integer("birthdayPoints", 100, 0,
            1_000_000, "Birthday bonus points, paid once a year on the member's birthday (benefit birthday.bonus)");
    static final SettingDefinition<Integer> MONTHLY_PLAN_POINTS = SettingDefinition.integer("monthlyPlanPoints", 50, 0,
            1_000_000, "Bonus points each month for members with a paid plan (benefit monthly.bonus)");
    static final SettingDefinition<Integer> CHECKIN_BONUS_POINTS = SettingDefinition.integer("checkinBonusPoints", 5, 0,
            1_000_000, "Extra points per check-in for members with a paid plan (benefit checkin.bonus)");
    static final SettingDefinition<Boolean> GROWTH_FROM_IMPORTED_SPEND = SettingDefinition.bool(
            "growthFromImportedSpend", true, "Count the spend of imported customers (total_spent of the CSV import) "
                    + "toward tiers, at the growth rate per currency unit, once per member");
    static final SettingDefinition<String> DOWNGRADE = SettingDefinition.choice("downgrade", "never",
            List.of("never", "yearly"), "Downgrade policy: never (a member keeps the highest tier reached) or yearly "
                    + "(growth of the last 12 months counts; each member's tier is reviewed once a year and may go down)");

    static final List<SettingDefinition<?>> ALL = List.of(GROWTH_PER_CURRENCY_UNIT, GROWTH_PER_CHECKIN,
            GROWTH_PER_POST, POINTS_PER_CURRENCY_UNIT, BIRTHDAY_POINTS, MONTHLY_PLAN_POINTS, CHECKIN_BONUS_POINTS, GROWTH_FROM_IMPORTED_SPEND, DOWNGRADE);

    private MembershipSettings() {
    }
}
