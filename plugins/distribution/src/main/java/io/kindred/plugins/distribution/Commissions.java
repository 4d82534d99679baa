package io.kindred.plugins.distribution;

import io.kindred.api.PluginContext;
import io.kindred.api.events.Event;
import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.AssetDefinition;
import io.kindred.api.ledger.TransferRequest;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Commission (佣金) on the purchases of bound members, in two ledger assets of minor currency units:
 * {@code commission_frozen} while the refund window lasts, then {@code commission} (available, withdrawable).
 *
 * <p>The rule: a purchase books depth 1 for the buyer's referrer and, with {@code depth} 2, depth 2 for the
 * referrer's referrer, each at the rate of their own level for that depth, only while they are distributors.
 * A refund before release cancels the frozen commission; a refund after release claws the amount back from the
 * available balance, which may go below zero: the debt is offset by later releases, and no withdrawal is possible
 * until it is paid off. A release announces {@code commission.released}. Every transfer's key derives from the event or the commission, so replays move nothing.
 */
final class Commissions {

    static final AssetDefinition AVAILABLE = AssetDefinition.of("commission").allowNegative(true);
    static final AssetDefinition FROZEN = AssetDefinition.of("commission_frozen").spendable(false);

    private final PluginContext ctx;
    private final CommissionStore store;
    private final BindingStore bindings;
    private final Bindings binder;
    private final Rights rights;
    private final Levels levels;
    private final Notices notices;

    Commissions(PluginContext ctx, CommissionStore store, BindingStore bindings, Bindings binder, Rights rights,
                Levels levels, Notices notices) {
        this.ctx = ctx;
        this.store = store;
        this.bindings = bindings;
        this.binder = binder;
        this.rights = rights;
        this.levels = levels;
        this.notices = notices;
    }

    /** {@code purchase.recorded}: bind the buyer if due, book commission up the chain, recount levels and tasks. */
    void onPurchase(Event e, Handle tx) {
        long buyer = e.longValue("userId");
        long purchaseId = e.longValue("purchaseId");
        long amount = e.longValue("amount");
        String currency = e.string("currency");
        if (!store.recordPurchase(tx, purchaseId, buyer, e.string("externalOrderId"), amount, currency,
                e.createdAt().toEpochMilli())) {
            return; // a replay, or a purchase refunded before it was seen here: nothing to book
        }
        binder.bindOnPurchase(tx, buyer);
        rights.checkTasks(tx, buyer);
        Optional<Long> referrer = bindings.referrerOf(tx, buyer);
        if (referrer.isEmpty()) {
            return;
        }
        boolean bookable = currency.equalsIgnoreCase(ctx.settings().get(DistributionSettings.CURRENCY));
        if (bookable) {
            book(tx, e, referrer.get(), 1);
        }
        levels.recount(tx, referrer.get());
        Optional<Long> second = bindings.referrerOf(tx, referrer.get());
        if (second.isPresent() && ctx.settings().get(DistributionSettings.DEPTH) >= 2) {
            if (bookable) {
                book(tx, e, second.get(), 2);
            }
            levels.recount(tx, second.get());
        }
    }

    private void book(Handle tx, Event e, long beneficiary, int depth) {
        if (!rights.isDistributor(beneficiary)) {
            return;
        }
        Level level = levels.levelOf(tx, beneficiary);
        long purchaseAmount = e.longValue("amount");
        long amount = Math.multiplyExact(purchaseAmount, (long) level.rate(depth)) / 10_000;
        if (amount <= 0) {
            return;
        }
        long now = ctx.clock().millis();
        long releaseAt = e.createdAt().plus(Duration.ofDays(ctx.settings().get(DistributionSettings.REFUND_WINDOW_DAYS)))
                .toEpochMilli();
        Commission draft = new Commission(0, e.longValue("purchaseId"), beneficiary, e.longValue("userId"), depth,
                level.code(), level.rate(depth), purchaseAmount, amount, e.string("currency").toUpperCase(), "frozen",
                releaseAt, now);
        Optional<Long> id = store.insert(tx, draft, e.id());
        if (id.isEmpty()) {
            return;
        }
        ctx.ledger().transfer(tx, new TransferRequest(FROZEN.code(), AccountRef.system("issued"), AccountRef.member(beneficiary),
                amount, "distribution.earned", "purchase:" + draft.purchaseId(), "distribution:earn:" + e.id() + ":" + depth));
        notices.earned(tx, store.find(tx, id.get()).orElseThrow());
    }

    /** The release job: frozen commissions past their refund window become available, each once. @return how many */
    long releaseDue(Instant now) {
        long released = 0;
        for (List<Long> due = dueNow(now); !due.isEmpty(); due = dueNow(now)) {
            for (long id : due) {
                released += ctx.db().write(tx -> release(tx, id, now.toEpochMilli()) ? 1 : 0);
            }
        }
        return released;
    }

    private List<Long> dueNow(Instant now) {
        return ctx.db().read(h -> store.dueForRelease(h, now.toEpochMilli(), 200));
    }

    private boolean release(Handle tx, long id, long now) {
        if (!store.move(tx, id, "frozen", "released", now)) {
            return false;
        }
        Commission c = store.find(tx, id).orElseThrow();
        AccountRef member = AccountRef.member(c.beneficiaryId());
        ctx.ledger().transfer(tx, new TransferRequest(FROZEN.code(), member, AccountRef.system("released"), c.amount(),
                "distribution.released", "commission:" + id, "distribution:release-frozen:" + id));
        ctx.ledger().transfer(tx, new TransferRequest(AVAILABLE.code(), AccountRef.system("issued"), member, c.amount(),
                "distribution.released", "commission:" + id, "distribution:release:" + id));
        notices.released(tx, c);
        announceReleased(tx, c);
        return true;
    }

    /** {@code commission.released}: in the releasing transaction, once per commission (the agencies of creators book their share). */
    private void announceReleased(Handle tx, Commission c) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("userId", c.beneficiaryId());
        payload.put("amount", c.amount());
        payload.put("currency", c.currency());
        payload.put("purchaseId", c.purchaseId());
        payload.put("commissionId", c.id());
        payload.put("level", c.depth());
        payload.put("earnedAt", Instant.ofEpochMilli(c.createdAt()).toString());
        payload.put("key", "commission:" + c.id());
        ctx.events().publish(tx, "commission.released", c.beneficiaryId(), payload);
    }

    /** {@code purchase.refunded}: cancel what is frozen, claw back what was released; recount levels. */
    void onRefund(Event e, Handle tx) {
        long purchaseId = e.longValue("purchaseId");
        long now = ctx.clock().millis();
        store.refundPurchase(tx, purchaseId, e.longValue("userId"), e.string("externalOrderId"), e.longValue("amount"),
                e.string("currency"), e.createdAt().toEpochMilli());
        for (Commission c : store.ofPurchase(tx, purchaseId)) {
            AccountRef member = AccountRef.member(c.beneficiaryId());
            if (store.move(tx, c.id(), "frozen", "cancelled", now)) {
                ctx.ledger().transfer(tx, new TransferRequest(FROZEN.code(), member, AccountRef.system("cancelled"),
                        c.amount(), "distribution.cancelled", "purchase:" + purchaseId, "distribution:cancel:" + c.id()));
            } else if (store.move(tx, c.id(), "released", "clawed_back", now)) {
                ctx.ledger().transfer(tx, new TransferRequest(AVAILABLE.code(), member, AccountRef.system("clawed_back"),
                        c.amount(), "distribution.clawed_back", "purchase:" + purchaseId, "distribution:clawback:" + c.id()));
            }
            levels.recount(tx, c.beneficiaryId());
        }
    }
}
