package io.kindred.plugins.activities.meetups;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Joining and leaving events. A member joins while seats are left (paying the points ticket at once) or goes on the
 * waiting list in order of arrival, paying nothing yet. A seat that frees up goes to the first waiting member, who
 * pays then; one who cannot pay is skipped (ticket {@code skipped}, notified) and the next one is asked. All of it runs
 * in one write transaction per request, so capacity holds however many members race. Publishes
 * {@code activity.joined} {eventId, userId, status} on joining and again (status joined) on promotion.
 */
final class Seats {

    static final String PROMOTED = "activities.meetup_promoted";
    static final String SKIPPED = "activities.meetup_skipped";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final PluginContext ctx;
    private final MeetupStore events;
    private final TicketStore tickets;
    private final Refunds refunds;
    private final Eligibility eligibility;

    Seats(PluginContext ctx, MeetupStore events, TicketStore tickets, Refunds refunds, Eligibility eligibility) {
        this.ctx = ctx;
        this.events = events;
        this.tickets = tickets;
        this.refunds = refunds;
        this.eligibility = eligibility;
    }

    /** @return the member's ticket: joined (paid) or waiting */
    Ticket join(Member member, long eventId) {
        Meetup before = open(ctx.db().read(h -> events.find(h, eventId)).orElseThrow(() -> Meetups.notFound(eventId)));
        if (!eligibility.mayJoin(before, member.id())) {
            throw new KindredException(MeetupsError.NOT_ELIGIBLE, "This event is for another audience.");
        }
        return ctx.db().write(tx -> {
            events.lock(tx, eventId);
            Meetup e = open(events.find(tx, eventId).orElseThrow());
            var existing = tickets.find(tx, eventId, member.id());
            if (existing.isPresent() && existing.get().active()) {
                throw new KindredException(MeetupsError.ALREADY_JOINED, "You are on this event's list already.");
            }
            boolean seat = tickets.count(tx, eventId, Ticket.JOINED) < e.capacity();
            String status = seat ? Ticket.JOINED : Ticket.WAITING;
            long paid = seat ? e.pricePoints() : 0;
            long queue = tickets.nextQueue(tx, eventId);
            long now = ctx.clock().millis();
            long id;
            if (existing.isPresent()) {
                id = existing.get().id();
                tickets.rejoin(tx, id, status, queue, paid, now);
            } else {
                id = tickets.insert(tx, eventId, member.id(), status, queue, token(), code(tx, eventId), paid, now);
            }
            Ticket t = tickets.find(tx, eventId, member.id()).orElseThrow();
            if (seat) {
                refunds.pay(tx, e, id, member.id(), t.attempt());
            }
            ctx.events().publish(tx, "activity.joined", member.id(),
                    Map.of("eventId", eventId, "userId", member.id(), "status", status));
            return t;
        });
    }

    /**
     * A member leaves an event before it starts. A joined member gets the points back in full when leaving at least
     * {@link MeetupSettings#REFUND_HOURS} before the start, else nothing; the freed seat goes to the waiting list.
     *
     * @return whether points were returned
     */
    boolean cancel(Member member, long eventId) {
        long refundBefore = ctx.settings().get(MeetupSettings.REFUND_HOURS) * 3_600_000L;
        return ctx.db().write(tx -> {
            events.lock(tx, eventId);
            Meetup e = open(events.find(tx, eventId).orElseThrow(() -> Meetups.notFound(eventId)));
            Ticket t = tickets.find(tx, eventId, member.id()).filter(Ticket::active)
                    .orElseThrow(() -> new KindredException(MeetupsError.NO_TICKET, "You have no ticket for this event."));
            long now = ctx.clock().millis();
            tickets.move(tx, t.id(), t.status(), Ticket.CANCELLED, t.paidPoints(), now);
            boolean refunded = t.status().equals(Ticket.JOINED) && now <= e.startsAt() - refundBefore
                    && refunds.refund(tx, t);
            promote(tx, eventId);
            return refunded;
        });
    }

    /** Fills free seats from the waiting list, in order of arrival; call inside the write transaction that freed them. */
    int promote(Handle tx, long eventId) {
        Meetup e = events.find(tx, eventId).orElseThrow();
        int promoted = 0;
        while (tickets.count(tx, eventId, Ticket.JOINED) < e.capacity()) {
            var next = tickets.firstWaiting(tx, eventId);
            if (next.isEmpty()) {
                break;
            }
            Ticket w = next.get();
            long now = ctx.clock().millis();
            String key = w.id() + ":" + w.attempt();
            if (ctx.ledger().balance(tx, w.userId(), Refunds.ASSET) < e.pricePoints()) {
                tickets.move(tx, w.id(), Ticket.WAITING, Ticket.SKIPPED, 0, now);
                ctx.notifications().send(tx, w.userId(), SKIPPED, Map.of("event", e.title(), "points", e.pricePoints()),
                        "/activities/events/" + eventId, "meetups:skipped:" + key);
                continue;
            }
            tickets.move(tx, w.id(), Ticket.WAITING, Ticket.JOINED, e.pricePoints(), now);
            refunds.pay(tx, e, w.id(), w.userId(), w.attempt());
            ctx.notifications().send(tx, w.userId(), PROMOTED, Map.of("event", e.title()),
                    "/activities/events/" + eventId, "meetups:promoted:" + key);
            ctx.events().publish(tx, "activity.joined", w.userId(),
                    Map.of("eventId", eventId, "userId", w.userId(), "status", Ticket.JOINED));
            promoted++;
        }
        return promoted;
    }

    /** @return the member's place on the waiting list (1 = next), or 0 when not waiting */
    int waitingPlace(Handle h, Ticket t) {
        if (!t.status().equals(Ticket.WAITING)) {
            return 0;
        }
        return (int) tickets.ofEvent(h, t.eventId(), Ticket.WAITING).stream().filter(o -> o.queue() <= t.queue()).count();
    }

    private Meetup open(Meetup e) {
        if (!e.status().equals(Meetup.OPEN) || e.startedAt(ctx.clock().millis())) {
            throw new KindredException(MeetupsError.EVENT_CLOSED, "This event does not take members now.");
        }
        return e;
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return a short code, unique on the event, of letters and digits that are not mistaken for each other */
    private String code(Handle tx, long eventId) {
        while (true) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                b.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
            }
            if (tickets.byCode(tx, eventId, b.toString()).isEmpty()) {
                return b.toString();
            }
        }
    }
}
