package io.kindred.plugins.activities;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.web.Access;
import io.kindred.plugins.activities.meetups.MeetupsPart;
import io.kindred.plugins.activities.overview.OverviewPages;
import io.kindred.plugins.activities.surveys.SurveysPart;
import io.kindred.plugins.activities.tasks.TasksPart;

/**
 * Activities (活动): what members do with the brand beyond buying. Three parts, each a table of contents of its own:
 * <ul>
 *   <li>{@link MeetupsPart}: offline events (线下活动) created by operators or proposed by members: tickets in points,
 *       capacity and waiting list, crowdfunded costs, door check-in by QR code, attendance rewards, reminders,
 *       iCalendar files; emits {@code activity.joined} and {@code activity.attended};</li>
 *   <li>{@link SurveysPart}: questionnaires (调研问卷) with branching, targeting, a reward paid once, results with
 *       charts, NPS and CSV, anonymous mode;</li>
 *   <li>{@link TasksPart}: the task centre (任务中心): one-off, daily and plugin-declared tasks with points rewards,
 *       proof review, counted shares.</li>
 * </ul>
 * The parts share no tables; they meet only through events. {@link OverviewPages} puts a section of each on
 * {@code /activities}.
 */
public final class ActivitiesPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        ctx.migrations("db/activities");
        ctx.messages("messages/activities");
        ctx.assets("assets"); // one folder for the plugin: each part keeps its files under assets/<part>/
        MeetupsPart meetups = new MeetupsPart(ctx);
        SurveysPart surveys = new SurveysPart(ctx);
        TasksPart tasks = new TasksPart(ctx);
        meetups.contribute();
        surveys.contribute();
        tasks.contribute();
        ctx.personalData(new ActivitiesPersonalData());
        OverviewPages overview = new OverviewPages(meetups::upcoming, surveys::forYou, tasks::today);
        ctx.routes().get("/activities", Access.PUBLIC, overview::page);
        ctx.routes().get("/console/activities", Access.OPERATOR, overview::console);
        ctx.nav(NavEntry.everyone("activities.nav", "/activities", 45).withIcon("ticket"));
        ctx.nav(NavEntry.console("activities.console.nav", "/console/activities", 45));
    }
}
