package io.kindred.plugins.activities.meetups;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;

/**
 * The life of an event: an operator creates it (open), or a member proposes it (proposed → open | rejected by an
 * operator, the proposer notified); an operator edits it or cancels it (every ticket refunded once, everyone
 * notified). Every operator act is audited.
 */
final class Meetups {

    static final String APPROVED = "activities.meetup_proposal_approved";
    static final String REJECTED = "activities.meetup_proposal_rejected";
    static final String CANCELLED = "activities.meetup_cancelled";

    private final PluginContext ctx;
    private final MeetupStore store;
    private final TicketStore tickets;
    private final Refunds refunds;
    private final Seats seats;
    private final Eligibility eligibility;

    Meetups(PluginContext ctx, MeetupStore store, TicketStore tickets, Refunds refunds, Seats seats,
            Eligibility eligibility) {
        this.ctx = ctx;
        this.store = store;
        this.tickets = tickets;
        this.refunds = refunds;
        this.seats = seats;
        this.eligibility = eligibility;
    }

    Meetup create(Member operator, Draft draft, String coverUrl) {
        MeetupStore.Input in = draft.validated(ctx.siteZone(), coverUrl, eligibility.membershipOn());
        return ctx.db().write(tx -> {
            long id = store.insert(tx, in, Meetup.OPEN, null, ctx.clock().millis());
            ctx.audit().record(tx, operator, "activities.meetup_created", target(id), in.title());
            return store.find(tx, id).orElseThrow();
        });
    }

    /** A member's proposal: waits for an operator; the proposer may not set rewards. */
    Meetup propose(Member member, Draft draft, String coverUrl) {
        if (!ctx.settings().get(MeetupSettings.PROPOSALS)) {
            throw KindredException.forbidden("Members do not propose events on this site.");
        }
        MeetupStore.Input in = draft.validated(ctx.siteZone(), coverUrl, eligibility.membershipOn());
        MeetupStore.Input proposal = new MeetupStore.Input(in.title(), in.description(), in.coverUrl(), in.city(),
                in.address(), in.startsAt(), in.endsAt(), in.capacity(), in.audience(), in.audienceValue(),
                in.pricePoints(), in.priceOffline(), in.currency(), in.minParticipants(), in.deadlineAt(), 0, null);
        return ctx.db().write(tx -> store.find(tx, store.insert(tx, proposal, Meetup.PROPOSED, member.id(),
                ctx.clock().millis())).orElseThrow());
    }

    /** Approves (open) or rejects a proposal, with a note to the proposer. */
    Meetup decide(Member operator, long id, boolean approve, String note) {
        String n = note == null || note.isBlank() ? null : note.strip();
        return ctx.db().write(tx -> {
            Meetup e = store.find(tx, id).orElseThrow(() -> notFound(id));
            if (!store.move(tx, id, Meetup.PROPOSED, approve ? Meetup.OPEN : Meetup.REJECTED, n, ctx.clock().millis())) {
                throw new KindredException(MeetupsError.WRONG_STATUS, "Event " + id + " is not a proposal waiting for a decision.");
            }
            ctx.audit().record(tx, operator, approve ? "activities.meetup_approved" : "activities.meetup_rejected",
                    target(id), e.title() + (n == null ? "" : " — " + n));
            if (e.proposedBy() != null) {
                ctx.notifications().send(tx, e.proposedBy(), approve ? APPROVED : REJECTED, Map.of("event", e.title(),
                        "note", n == null ? "" : n),
                        "/activities/events/" + id, "meetups:decided:" + id);
            }
            return store.find(tx, id).orElseThrow();
        });
    }

    Meetup update(Member operator, long id, Draft draft, String coverUrl) {
        MeetupStore.Input in = draft.validated(ctx.siteZone(), coverUrl, eligibility.membershipOn());
        return ctx.db().write(tx -> {
            Meetup e = store.find(tx, id).orElseThrow(() -> notFound(id));
            if (e.status().equals(Meetup.CANCELLED) || e.status().equals(Meetup.REJECTED)) {
                throw new KindredException(MeetupsError.WRONG_STATUS, "Event " + id + " is " + e.status() + ".");
            }
            if (in.capacity() < e.joined()) {
                throw KindredException.invalidField("The capacity cannot go below the " + e.joined() + " members joined.");
            }
            store.update(tx, id, in, ctx.clock().millis());
            ctx.audit().record(tx, operator, "activities.meetup_updated", target(id), in.title());
            if (e.status().equals(Meetup.OPEN)) {
                seats.promote(tx, id);
            }
            return store.find(tx, id).orElseThrow();
        });
    }

    /** The operator cancels the event: every points ticket is returned once, every holder notified. */
    Meetup cancel(Member operator, long id, String reason) {
        return ctx.db().write(tx -> {
            Meetup e = store.find(tx, id).orElseThrow(() -> notFound(id));
            boolean cancellable = e.status().equals(Meetup.OPEN) || e.status().equals(Meetup.PROPOSED);
            String why = reason == null || reason.isBlank() ? "cancelled" : reason.strip();
            if (!cancellable || !store.move(tx, id, e.status(), Meetup.CANCELLED, why, ctx.clock().millis())) {
                throw new KindredException(MeetupsError.WRONG_STATUS, "Event " + id + " is " + e.status() + ".");
            }
            int refunded = refundAll(tx, e);
            ctx.audit().record(tx, operator, "activities.meetup_cancelled", target(id), e.title() + " (" + refunded
                    + " refunds)");
            return store.find(tx, id).orElseThrow();
        });
    }

    /** Returns every unreturned points ticket of a cancelled event and tells every holder; safe to repeat. */
    int refundAll(Handle tx, Meetup e) {
        int refunded = 0;
        for (Ticket t : tickets.unrefunded(tx, e.id())) {
            if (refunds.refund(tx, t)) {
                refunded++;
            }
        }
        for (String status : List.of(Ticket.JOINED, Ticket.WAITING)) {
            for (Ticket t : tickets.ofEvent(tx, e.id(), status)) {
                ctx.notifications().send(tx, t.userId(), CANCELLED, Map.of("event", e.title()),
                        "/activities/events/" + e.id(), "meetups:cancelled:" + e.id() + ":" + t.userId());
            }
        }
        return refunded;
    }

    Meetup find(long id) {
        return ctx.db().read(h -> store.find(h, id)).orElseThrow(() -> notFound(id));
    }

    /** @return an event a member may see: open or cancelled ones, and their own proposals */
    Meetup visible(long id, Member viewer) {
        Meetup e = find(id);
        boolean own = viewer != null && e.proposedBy() != null && e.proposedBy() == viewer.id();
        boolean staff = viewer != null && viewer.hasRole(io.kindred.api.users.Role.OPERATOR);
        if ((e.status().equals(Meetup.PROPOSED) || e.status().equals(Meetup.REJECTED)) && !own && !staff) {
            throw notFound(id);
        }
        return e;
    }

    static KindredException notFound(long id) {
        return KindredException.notFound("There is no event " + id + ".");
    }

    static String target(long id) {
        return "activities:meetup:" + id;
    }
}
