package io.kindred.plugins.activities.overview;

import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code /activities}: what a member can do with the brand today, on one phone screen — the next events, the
 * questionnaires waiting for them and today's tasks, each with a link to its full page. {@code /console/activities}
 * leads to the first console tab (events).
 */
public final class OverviewPages {

    /** A part's section model for a viewer (null for a visitor) in a language. */
    public interface Section extends BiFunction<Member, Locale, Map<String, Object>> {
    }

    private final Section events;
    private final Section surveys;
    private final Section tasks;

    public OverviewPages(Section events, Section surveys, Section tasks) {
        this.events = events;
        this.surveys = surveys;
        this.tasks = tasks;
    }

    /** {@code GET /activities}. */
    public void page(Exchange x) {
        Member viewer = x.member().orElse(null);
        Locale locale = x.locale();
        x.render("activities/overview/index", Map.of("meetups", events.apply(viewer, locale),
                "surveys", surveys.apply(viewer, locale), "tasks", tasks.apply(viewer, locale)));
    }

    /** {@code GET /console/activities}: the first tab. */
    public void console(Exchange x) {
        x.redirect("/console/activities/events");
    }
}
