package io.kindred.plugins.activities.meetups;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.badges.BadgeService;
import io.kindred.api.users.Member;

import java.util.Map;
import java.util.Optional;

/**
 * Door check-in: staff admit a ticket by its QR token (their phone's camera opens {@code /activities/door/<token>}) or
 * by its short code. Attendance is marked once; the first admission pays the attendance reward (points, and a badge
 * when a badge service is there) and publishes {@code activity.attended} {eventId, userId}, in the same transaction;
 * a second scan changes nothing and says when the ticket was admitted.
 */
final class Door {

    /** What an admission did: {@code admittedNow} false when the ticket had been admitted before. */
    record Admission(Ticket ticket, Meetup event, boolean admittedNow) {
    }

    private final PluginContext ctx;
    private final MeetupStore events;
    private final TicketStore tickets;

    Door(PluginContext ctx, MeetupStore events, TicketStore tickets) {
        this.ctx = ctx;
        this.events = events;
        this.tickets = tickets;
    }

    Optional<Ticket> byToken(String token) {
        return token == null || token.length() > 64 ? Optional.empty() : ctx.db().read(h -> tickets.byToken(h, token));
    }

    Admission admitToken(Member staff, String token) {
        Ticket t = byToken(token).orElseThrow(() -> new KindredException(MeetupsError.NO_TICKET, "There is no such ticket."));
        return admit(staff, t.id(), t.eventId(), t.userId());
    }

    Admission admitCode(Member staff, long eventId, String code) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        Ticket t = ctx.db().read(h -> tickets.byCode(h, eventId, c))
                .orElseThrow(() -> new KindredException(MeetupsError.NO_TICKET, "No ticket of this event has that code."));
        return admit(staff, t.id(), eventId, t.userId());
    }

    private Admission admit(Member staff, long ticketId, long eventId, long userId) {
        return ctx.db().write(tx -> {
            Meetup e = events.find(tx, eventId).orElseThrow();
            Ticket t = tickets.find(tx, eventId, userId).orElseThrow();
            if (!e.status().equals(Meetup.OPEN) || !t.status().equals(Ticket.JOINED)) {
                throw new KindredException(MeetupsError.WRONG_STATUS, "This ticket is " + t.status() + " for an event that is "
                        + e.status() + "; it cannot be admitted.");
            }
            long now = ctx.clock().millis();
            boolean first = tickets.admit(tx, ticketId, staff.id() == 0 ? null : staff.id(), now);
            if (first) {
                if (e.rewardPoints() > 0) {
                    ctx.ledger().credit(tx, userId, Refunds.ASSET, e.rewardPoints(), "meetups.attended", "meetup:" + eventId,
                            "meetups:reward:" + ticketId);
                }
                if (e.rewardBadge() != null) {
                    ctx.services().find(BadgeService.class).ifPresent(b -> b.grant(tx, userId, e.rewardBadge(),
                            "meetups:badge:" + ticketId));
                }
                ctx.events().publish(tx, "activity.attended", userId, Map.of("eventId", eventId, "userId", userId));
                ctx.audit().record(tx, staff, "activities.meetup_admitted", Meetups.target(eventId), "ticket " + t.code());
            }
            return new Admission(tickets.find(tx, eventId, userId).orElseThrow(), e, first);
        });
    }
}
