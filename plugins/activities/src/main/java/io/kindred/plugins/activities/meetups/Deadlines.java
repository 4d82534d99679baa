package io.kindred.plugins.activities.meetups;

import io.kindred.api.PluginContext;

import java.time.Instant;

/**
 * The job {@code meetups-deadlines}: a crowdfunded event whose deadline has passed either has its minimum of joined
 * members (funding {@code reached}: it happens) or not (funding {@code missed}: cancelled, every points ticket returned
 * once). Each event is settled in one transaction whose first step only succeeds on a pending event, and each refund
 * has its ticket's ledger key, so running the job twice settles and refunds once.
 */
final class Deadlines {

    private final PluginContext ctx;
    private final MeetupStore events;
    private final TicketStore tickets;
    private final Meetups meetups;

    Deadlines(PluginContext ctx, MeetupStore events, TicketStore tickets, Meetups meetups) {
        this.ctx = ctx;
        this.events = events;
        this.tickets = tickets;
        this.meetups = meetups;
    }

    /** @return how many events were settled */
    long run(Instant now) {
        long settled = 0;
        for (long id : ctx.db().read(h -> events.dueDeadlines(h, now.toEpochMilli()))) {
            boolean done = ctx.db().write(tx -> {
                Meetup e = events.find(tx, id).orElseThrow();
                boolean reached = tickets.count(tx, id, Ticket.JOINED) >= e.minParticipants();
                if (!events.setFunding(tx, id, reached ? "reached" : "missed", now.toEpochMilli())) {
                    return false;
                }
                if (!reached) {
                    events.move(tx, id, Meetup.OPEN, Meetup.CANCELLED, "minimum_missed", now.toEpochMilli());
                    meetups.refundAll(tx, e);
                }
                return true;
            });
            settled += done ? 1 : 0;
        }
        return settled;
    }
}
