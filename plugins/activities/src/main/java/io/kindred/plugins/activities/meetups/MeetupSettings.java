package io.kindred.plugins.activities.meetups;

import io.kindred.api.settings.SettingDefinition;

import java.util.List;

/** The operator's choices for offline events, each a setting with its default (console form, env, properties). */
final class MeetupSettings {

    /** A member who cancels at least this many hours before the start gets the points ticket back in full. */
    static final SettingDefinition<Integer> REFUND_HOURS = SettingDefinition.integer("meetupsRefundHours", 24, 0, 720,
            "A member who cancels at least this many hours before an event starts gets the points back in full;"
                    + " later, nothing is returned (0: always refunded until the start)");
    /** The community category of recap posts. */
    static final SettingDefinition<String> RECAP_CATEGORY = SettingDefinition.text("meetupsRecapCategory",
            "recommendations", 100, "Slug of the community category where event recaps are published");
    /** Whether members may propose events. */
    static final SettingDefinition<Boolean> PROPOSALS = SettingDefinition.bool("meetupsProposals", true,
            "Members may propose offline events (an operator approves them)");

    static final List<SettingDefinition<?>> ALL = List.of(REFUND_HOURS, RECAP_CATEGORY, PROPOSALS);

    private MeetupSettings() {
    }
}
