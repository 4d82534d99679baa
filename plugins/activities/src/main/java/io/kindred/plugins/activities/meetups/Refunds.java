package io.kindred.plugins.activities.meetups;

import io.kindred.api.PluginContext;
import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.TransferRequest;
import org.jdbi.v3.core.Handle;

/**
 * Moving ticket points between members and the activities' system account {@code meetups.tickets}. Every transfer has a
 * key of the ticket and its attempt, so a payment or a refund is posted once however often it is asked for.
 */
final class Refunds {

    static final String ASSET = "points";
    static final AccountRef TICKETS = AccountRef.system("meetups.tickets");

    private final PluginContext ctx;
    private final TicketStore tickets;

    Refunds(PluginContext ctx, TicketStore tickets) {
        this.ctx = ctx;
        this.tickets = tickets;
    }

    /** Pays an event's points ticket; throws {@code insufficient_balance} when the member has too few points. */
    void pay(Handle tx, Meetup e, long ticketId, long userId, int attempt) {
        if (e.pricePoints() > 0) {
            ctx.ledger().transfer(tx, new TransferRequest(ASSET, AccountRef.member(userId), TICKETS, e.pricePoints(),
                    "meetups.ticket", "meetup:" + e.id(), "meetups:pay:" + ticketId + ":" + attempt));
        }
    }

    /** Returns what a ticket paid, once: the ticket is marked and the key is the ticket's and attempt's. */
    boolean refund(Handle tx, Ticket t) {
        if (t.paidPoints() <= 0 || t.refunded()) {
            return false;
        }
        ctx.ledger().transfer(tx, new TransferRequest(ASSET, TICKETS, AccountRef.member(t.userId()), t.paidPoints(),
                "meetups.refund", "meetup:" + t.eventId(), "meetups:refund:" + t.id() + ":" + t.attempt()));
        tickets.markRefunded(tx, t.id(), ctx.clock().millis());
        return true;
    }
}
