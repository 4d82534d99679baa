package io.kindred.plugins.activities.meetups;

import io.kindred.api.PluginContext;
import io.kindred.api.jobs.Schedule;
import io.kindred.api.notifications.NotificationType;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

import java.time.Duration;

/**
 * Offline events (线下活动): created by operators or proposed by members; tickets paid in points, capacity and a waiting
 * list in order of arrival (waiting members pay on promotion), crowdfunded minimums settled by the job
 * {@code meetups-deadlines}, door check-in by QR code with attendance rewards, reminders a day and two hours before
 * (job {@code meetups-reminders}), iCalendar files, photos and a community recap. Publishes {@code activity.joined}
 * {eventId, userId, status joined|waiting} and {@code activity.attended} {eventId, userId}. Offers the home widget
 * {@code activities-meetups} (template {@code activities/meetups/widget}) to the plugin's overview page.
 */
public final class MeetupsPart {

    private final PluginContext ctx;
    private MeetupPages pages;

    public MeetupsPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's contributions (the plugin registers the shared migrations folder). */
    public void contribute() {
        MeetupStore events = new MeetupStore();
        TicketStore tickets = new TicketStore();
        MeetupViews views = new MeetupViews(ctx);
        Eligibility eligibility = new Eligibility(ctx);
        Refunds refunds = new Refunds(ctx, tickets);
        Seats seats = new Seats(ctx, events, tickets, refunds, eligibility);
        Meetups meetups = new Meetups(ctx, events, tickets, refunds, seats, eligibility);
        Door door = new Door(ctx, events, tickets);
        Photos photos = new Photos(ctx, events, tickets);
        Participants participants = new Participants(ctx, events, tickets, views);
        MeetupApi api = new MeetupApi(ctx, meetups, seats, events, tickets, photos, views);
        MeetupAdmin admin = new MeetupAdmin(ctx, meetups, events, participants, door, views);
        MeetupPages pages = new MeetupPages(ctx, meetups, seats, events, tickets, photos, eligibility, views);
        this.pages = pages;
        DoorPages doorPages = new DoorPages(ctx, door, events, views);
        MeetupConsole console = new MeetupConsole(ctx, meetups, events, participants, door, eligibility, views);

        ctx.messages("messages/meetups");
        for (SettingDefinition<?> setting : MeetupSettings.ALL) {
            ctx.setting(setting);
        }
        notification(Seats.PROMOTED, "promoted");
        notification(Seats.SKIPPED, "skipped");
        notification(Meetups.APPROVED, "approved");
        notification(Meetups.REJECTED, "rejected");
        notification(Meetups.CANCELLED, "cancelled");
        notification(Reminders.TYPE, "reminder");
        ctx.job("meetups-deadlines", Schedule.every(Duration.ofMinutes(5)), new Deadlines(ctx, events, tickets, meetups)::run);
        ctx.job("meetups-reminders", Schedule.every(Duration.ofMinutes(5)), new Reminders(ctx, events, tickets, views)::run);
        ctx.openApi("openapi/meetups.json");
        ctx.taskKind(MeetupTasks.ATTEND);
        ctx.widget(Widget.localized("activities-meetups", "activities/meetups/widget", 40, pages::widget));

        Routes r = ctx.routes();
        r.group("/api/v1/activities", Access.PUBLIC, g -> {
            g.get("/events", api::list);
            g.get("/events/{id}", api::event);
            g.get("/events/{id}/calendar", api::calendar);
            g.get("/events/{id}/photos", api::photos);
        });
        r.group("/api/v1/activities", Access.MEMBER, g -> {
            g.post("/events", api::propose);
            g.get("/tickets", api::mine);
            g.post("/events/{id}/join", api::join);
            g.post("/events/{id}/cancel", api::cancel);
            g.get("/events/{id}/ticket", api::ticket);
            g.post("/events/{id}/photos", api::addPhotos);
            g.post("/events/{id}/recap", api::recap);
        });
        r.group("/api/v1/admin/activities/events", Access.OPERATOR, g -> {
            g.get("", admin::list);
            g.post("", admin::create);
            g.get("/{id}", admin::event);
            g.put("/{id}", admin::update);
            g.post("/{id}/cover", admin::cover);
            g.post("/{id}/approve", admin::approve);
            g.post("/{id}/reject", admin::reject);
            g.post("/{id}/cancel", admin::cancel);
            g.get("/{id}/participants", admin::participants);
            g.post("/{id}/admit", admin::admit);
            g.post("/{id}/participants/{userId}/offline-paid", admin::offlinePaid);
        });
        r.get("/activities/events/new", Access.MEMBER, pages::proposeForm); // before /events/{id}, which would match it
        r.group("/activities", Access.PUBLIC, g -> {
            g.get("/events", pages::index);
            g.get("/events/{id}", pages::event); // also {id}.ics, the iCalendar file
        });
        r.group("/activities", Access.MEMBER, g -> {
            g.post("/events/new", pages::propose);
            g.post("/events/{id}/join", pages::join);
            g.post("/events/{id}/cancel", pages::cancel);
            g.post("/events/{id}/photos", pages::addPhotos);
            g.post("/events/{id}/recap", pages::recap);
        });
        r.group("/activities/door", Access.OPERATOR, g -> {
            g.get("/{token}", doorPages::ticket);
            g.post("/{token}", doorPages::admit);
        });
        r.group("/console/activities/events", Access.OPERATOR, g -> {
            g.get("", console::list);
            g.post("", console::create);
            g.get("/proposals", console::proposals);
            g.get("/{id}", console::editor);
            g.post("/{id}", console::update);
            g.post("/{id}/decide", console::decide);
            g.post("/{id}/cancel", console::cancel);
            g.get("/{id}/participants", console::participants);
            g.get("/{id}/participants.csv", console::csv);
            g.post("/{id}/participants/{userId}/offline-paid", console::offlinePaid);
            g.get("/{id}/door", console::door);
            g.get("/{id}/door/count", console::doorCount);
            g.post("/{id}/door", console::admit);
        });
    }

    private void notification(String code, String key) {
        ctx.notificationType(NotificationType.of(code).messages("meetups.notify." + key + ".title",
                "meetups.notify." + key + ".body"));
    }

    /**
     * The model of the widget {@code activities/meetups/widget} (the next three events), for the plugin's overview
     * page as for the home page.
     *
     * @param viewer the signed-in member, or null
     * @param locale the page's language
     * @return {@code events}: the next upcoming events
     */
    public java.util.Map<String, Object> upcoming(io.kindred.api.users.Member viewer, java.util.Locale locale) {
        return pages == null ? java.util.Map.of("events", java.util.List.of()) : pages.widget(viewer, locale);
    }
}
