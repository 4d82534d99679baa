package io.kindred.plugins.creators.roster;

import io.kindred.api.settings.SettingDefinition;

import java.util.List;

/** The roster part's settings (console form of the creators plugin). */
final class RosterSettings {

    /**
     * The onboarding checklist, one task per line as {@code kind|code|title|link}: kind {@code read} (the creator
     * ticks it, e.g. a training post) or {@code assess} (an operator marks it done); the link may be empty.
     */
    static final SettingDefinition<String> ONBOARDING_TASKS = SettingDefinition.text("roster.onboardingTasks", """
            read|handbook|Read the creator handbook|/community
            read|guidelines|Read the content guidelines|/community
            assess|first-post|First assessment: publish a post in your category|""", 4000,
            "Onboarding checklist of new creators: one task a line as kind|code|title|link (kind read or assess).");

    /** How many featured creators the home page shows at most. */
    static final SettingDefinition<Integer> FEATURED_MAX = SettingDefinition.integer("roster.featuredMax", 6, 1, 30,
            "How many featured creators the home-page widget shows at most.");

    static final List<SettingDefinition<?>> ALL = List.of(ONBOARDING_TASKS, FEATURED_MAX);

    private RosterSettings() {
    }
}
