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
    static final SettingDefinition<String> DOWNGRADE = SettingDefinition.choice("downgrade", "never",
            List.of("never"), "Downgrade policy: never (a member keeps the highest tier reached)");

    static final List<SettingDefinition<?>> ALL = List.of(GROWTH_PER_CURRENCY_UNIT, GROWTH_PER_CHECKIN,
            GROWTH_PER_POST, POINTS_PER_CURRENCY_UNIT, DOWNGRADE);

    private MembershipSettings() {
    }
}
