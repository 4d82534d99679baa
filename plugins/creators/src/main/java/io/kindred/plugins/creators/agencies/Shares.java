package io.kindred.plugins.creators.agencies;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.events.Event;
import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.TransferRequest;
import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The agency's share (分成) of its creators' commission, in the distribution plugin's asset {@code commission}.
 *
 * <p>When distribution announces {@code commission.released} for a creator under a contract in force when the
 * commission was earned, the share (commission × share, rounded down) moves from the creator's available commission
 * to the system account {@code creators:agency:<id>}, keyed by the commission, so a replay or a second delivery moves
 * nothing. A refund after release reverses the share (the agency's account gives it back to the creator, whose
 * whole commission distribution claws back). An operator settles an agency: the payout moves the balance to
 * {@code creators:agency_paid_out}, audited. Without distribution no event comes and nothing is booked.
 */
final class Shares {

    /** The distribution plugin's asset of available commission. */
    static final String ASSET = "commission";
    private static final String PAID_OUT = "creators:agency_paid_out";

    private final PluginContext ctx;
    private final ShareStore store;
    private final ContractStore contracts;

    Shares(PluginContext ctx, ShareStore store, ContractStore contracts) {
        this.ctx = ctx;
        this.store = store;
        this.contracts = contracts;
    }

    static AccountRef account(long agencyId) {
        return AccountRef.system("creators:agency:" + agencyId);
    }

    /** {@code commission.released}: book the agency's share once per commission, if a contract was in force. */
    void onReleased(Event e, Handle tx) {
        long userId = e.longValue("userId");
        long purchaseId = e.longValue("purchaseId");
        long commission = e.longValue("amount");
        String key = e.string("key");
        Instant earnedAt = e.string("earnedAt") == null ? e.createdAt() : Instant.parse(e.string("earnedAt"));
        LocalDate day = LocalDate.ofInstant(earnedAt, ctx.siteZone());
        if (key == null || store.refunded(tx, purchaseId)) {
            return; // refunded before this release was seen: distribution claws the whole commission back
        }
        Optional<Contract> contract = contracts.coveringDay(tx, userId, day).stream()
                .filter(c -> c.inForce(day, earnedAt.toEpochMilli())).findFirst();
        if (contract.isEmpty()) {
            return;
        }
        Contract c = contract.get();
        long amount = Math.multiplyExact(commission, (long) c.shareBp()) / 10_000;
        if (amount <= 0 || store.insert(tx, c, key, purchaseId, commission, amount, ctx.clock().millis()).isEmpty()) {
            return;
        }
        ctx.ledger().transfer(tx, new TransferRequest(ASSET, AccountRef.member(userId), account(c.agencyId()), amount,
                "creators.agency_share", key, "creators:agency-share:" + key));
    }

    /** {@code purchase.refunded}: give back the shares taken from commission of that purchase, each once. */
    void onRefund(Event e, Handle tx) {
        long purchaseId = e.longValue("purchaseId");
        long now = ctx.clock().millis();
        store.recordRefund(tx, purchaseId, now);
        for (Share s : store.bookedOfPurchase(tx, purchaseId)) {
            if (store.reverse(tx, s.id(), now)) {
                ctx.ledger().transfer(tx, new TransferRequest(ASSET, account(s.agencyId()), AccountRef.member(s.userId()),
                        s.amount(), "creators.agency_share_reversed", "purchase:" + purchaseId,
                        "creators:agency-share-reversal:" + s.id()));
            }
        }
    }

    long balance(long agencyId) {
        return ctx.db().read(h -> store.balance(h, agencyId));
    }

    /**
     * Records that the brand paid the agency, moving the amount (all of the balance when null) out of its account.
     * A repeated request key answers the first payout.
     */
    ShareStore.Payout settle(Member operator, long agencyId, Long amount, String reference, String requestKey) {
        if (reference == null || reference.isBlank() || reference.strip().length() > 100) {
            throw KindredException.invalidField("The field 'reference' must be the payout reference, 1 to 100 characters.");
        }
        if (amount != null && amount <= 0) {
            throw KindredException.invalidField("The field 'amount' must be a positive whole number of minor units.");
        }
        return ctx.db().write(tx -> {
            if (requestKey != null) {
                Optional<ShareStore.Payout> earlier = store.payoutByKey(tx, agencyId, requestKey);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            long balance = store.balance(tx, agencyId);
            long pay = amount == null ? balance : amount;
            if (pay <= 0 || pay > balance) {
                throw new KindredException(AgencyError.INSUFFICIENT_SHARE, "The agency's share balance is "
                        + Math.max(0, balance) + ": nothing more can be settled.");
            }
            Long by = operator.id() == 0 ? null : operator.id();
            long id = store.insertPayout(tx, agencyId, pay, reference.strip(), by, requestKey, ctx.clock().millis());
            ctx.ledger().transfer(tx, new TransferRequest(ASSET, account(agencyId), AccountRef.system(PAID_OUT), pay,
                    "creators.agency_payout", "creators:payout:" + id, "creators:agency-payout:" + id));
            ctx.audit().record(tx, operator, "creators.agency_settled", Agencies.target(agencyId),
                    "Paid " + pay + " (minor units) of the agency's share, reference " + reference.strip() + ".");
            return store.payouts(tx, agencyId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
        });
    }
}
