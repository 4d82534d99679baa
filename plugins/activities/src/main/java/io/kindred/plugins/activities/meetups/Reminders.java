package io.kindred.plugins.activities.meetups;

import io.kindred.api.PluginContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The job {@code meetups-reminders}, every five minutes: joined members of an event starting within a day get the
 * "tomorrow" reminder, within two hours the "soon" one. The notification key (member, event, reminder) makes each one
 * arrive once however often the job runs.
 */
final class Reminders {

    static final String TYPE = "activities.meetup_reminder";

    private final PluginContext ctx;
    private final MeetupStore events;
    private final TicketStore tickets;
    private final MeetupViews views;

    Reminders(PluginContext ctx, MeetupStore events, TicketStore tickets, MeetupViews views) {
        this.ctx = ctx;
        this.events = events;
        this.tickets = tickets;
        this.views = views;
    }

    /** @return how many reminders were asked for (repeats are stored once) */
    long run(Instant now) {
        long sent = 0;
        long at = now.toEpochMilli();
        for (Meetup e : ctx.db().read(h -> events.startingBetween(h, at, at + Duration.ofDays(1).toMillis()))) {
            String which = e.startsAt() - at <= Duration.ofHours(2).toMillis() ? "soon" : "day";
            for (Ticket t : ctx.db().read(h -> tickets.ofEvent(h, e.id(), Ticket.JOINED))) {
                ctx.notifications().send(t.userId(), TYPE, Map.of("event", e.title(), "when",
                                views.when(e.startsAt(), ctx.members().find(t.userId()).map(m -> m.locale()).orElse(null)),
                                "where", e.city() + " " + e.address()),
                        "/activities/events/" + e.id(), "meetups:reminder:" + which + ":" + e.id() + ":" + t.userId());
                sent++;
            }
        }
        return sent;
    }
}
