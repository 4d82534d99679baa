package io.kindred.core.properties;

import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.InsufficientBalanceException;
import io.kindred.api.ledger.Transfer;
import io.kindred.api.ledger.TransferRequest;
import io.kindred.core.properties.LedgerOp.Adjust;
import io.kindred.core.properties.LedgerOp.Credit;
import io.kindred.core.properties.LedgerOp.Debit;
import io.kindred.core.properties.LedgerOp.Expire;
import io.kindred.core.properties.LedgerOp.Refund;
import io.kindred.core.properties.LedgerOp.Replay;
import io.kindred.core.properties.LedgerOp.Reverse;
import io.kindred.server.Kindred;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One try of {@link LedgerPropertiesTest}: fresh members, the model beside the real ledger, what was applied. */
final class LedgerRun {

    static final List<String> ASSETS = List.of("points", "stars");

    /** A transfer the ledger applied; {@code request} is null for an adjustment sent over HTTP. */
    private record Applied(String key, TransferRequest request, Map<String, Object> adjustment, long transferId) {
    }

    private final Kindred kindred;
    private final MutableClock clock;
    private final Http operator;
    private final String prefix;
    private final List<Long> members = new ArrayList<>();
    private final LedgerModel model = new LedgerModel(30);
    private final List<Applied> applied = new ArrayList<>();
    private final List<Applied> debits = new ArrayList<>();
    private final List<Applied> credits = new ArrayList<>();
    private final Set<String> undone = new HashSet<>();
    private int step;

    LedgerRun(Kindred kindred, MutableClock clock, Http operator, int run, int memberCount) {
        this.kindred = kindred;
        this.clock = clock;
        this.operator = operator;
        this.prefix = "props:" + run + ":";
        for (int i = 0; i < memberCount; i++) {
            members.add(kindred.accounts.register("p" + run + "-" + i + "@props.test", "member-password-1", "P" + i, null).id());
        }
    }

    void apply(LedgerOp op) {
        String key = prefix + step++;
        if (op instanceof Credit c) {
            post(new TransferRequest(c.asset(), AccountRef.system("issued"), member(c.member()), c.amount(), "credit",
                    null, key), credits);
        } else if (op instanceof Debit d) {
            post(new TransferRequest(d.asset(), member(d.member()), AccountRef.system("spent"), d.amount(), "debit",
                    null, key), debits);
        } else if (op instanceof Refund r) {
            undo(debits, r.pick(), "refund:");
        } else if (op instanceof Reverse r) {
            undo(credits, r.pick(), "reverse:");
        } else if (op instanceof Adjust a) {
            adjust(a, key);
        } else if (op instanceof Expire e) {
            expire(e.days());
        } else if (op instanceof Replay r) {
            replay(r.pick());
        }
        assertBalancesMatchTheModel(op);
    }

    /** Posts through the Java API; the model decides beforehand whether the ledger must refuse. */
    private void post(TransferRequest r, List<Applied> kind) {
        boolean fits = modelMoves(r);
        try {
            Transfer t = kindred.database.write(h -> kindred.ledger.transfer(h, r));
            assertTrue(fits, "the ledger let " + r + " through though the member lacked the funds");
            Applied a = new Applied(r.idempotencyKey(), r, null, t.id());
            applied.add(a);
            if (kind != null) {
                kind.add(a);
            }
        } catch (InsufficientBalanceException e) {
            assertTrue(!fits, "the ledger refused " + r + " though the member held enough");
        }
    }

    private boolean modelMoves(TransferRequest r) {
        if (r.from().isMember()) {
            return model.debit(r.from().userId(), r.asset(), r.amount());
        }
        model.credit(r.to().userId(), r.asset(), r.amount(), clock.millis());
        return true;
    }

    /** Refund of a debit or reversal of a credit: applied once, however often it is asked for. */
    private void undo(List<Applied> done, int pick, String keyPrefix) {
        if (done.isEmpty()) {
            return;
        }
        Applied original = done.get(pick % done.size());
        TransferRequest o = original.request();
        TransferRequest back = new TransferRequest(o.asset(), o.to(), o.from(), o.amount(), keyPrefix.replace(":", ""),
                o.idempotencyKey(), keyPrefix + o.idempotencyKey());
        if (undone.add(back.idempotencyKey())) {
            post(back, null);
            if (applied.stream().noneMatch(a -> a.key().equals(back.idempotencyKey()))) {
                undone.remove(back.idempotencyKey());
                return;
            }
        }
        replayApplied(applied.stream().filter(a -> a.key().equals(back.idempotencyKey())).findFirst().orElseThrow());
    }

    private void adjust(Adjust a, String key) {
        long userId = members.get(a.member());
        boolean fits = a.amount() > 0 ? credit(userId, a.amount()) : model.debit(userId, "points", -a.amount());
        Map<String, Object> body = Map.of("userId", userId, "asset", "points", "amount", a.amount(), "reason", "property");
        Http.Response r = operator.post("/api/v1/admin/ledger/adjustments", body, Map.of("Idempotency-Key", key));
        if (fits) {
            assertEquals(201, r.status(), r.body());
            applied.add(new Applied("adjustment:" + key, null, body, r.json().at("/transfer/id").asLong()));
        } else {
            assertEquals(409, r.status(), r.body());
            assertEquals("insufficient_points", r.errorCode());
        }
    }

    private boolean credit(long userId, long amount) {
        model.credit(userId, "points", amount, clock.millis());
        return true;
    }

    private void expire(int days) {
        clock.advance(Duration.ofDays(days));
        kindred.expiry.expireDue(clock.millis());
        model.expire(clock.millis());
    }

    private void replay(int pick) {
        if (!applied.isEmpty()) {
            replayApplied(applied.get(pick % applied.size()));
        }
    }

    private void replayApplied(Applied a) {
        if (a.request() != null) {
            Transfer again = kindred.database.write(h -> kindred.ledger.transfer(h, a.request()));
            assertEquals(a.transferId(), again.id(), "a repeated key answers the first transfer");
            return;
        }
        Http.Response r = operator.post("/api/v1/admin/ledger/adjustments", a.adjustment(),
                Map.of("Idempotency-Key", a.key().substring("adjustment:".length())));
        assertEquals(200, r.status(), r.body());
        assertEquals(a.transferId(), r.json().at("/transfer/id").asLong(), "a repeated key answers the first transfer");
    }

    private void assertBalancesMatchTheModel(LedgerOp after) {
        for (long id : members) {
            for (String asset : ASSETS) {
                long balance = kindred.ledger.balance(id, asset);
                assertEquals(model.balance(id, asset), balance, asset + " of member " + id + " after " + after);
                assertTrue(balance >= 0, "no spendable balance below zero");
            }
        }
    }

    /** The invariants the whole sequence must keep. */
    void assertInvariants() {
        assertEquals(List.of(), kindred.invariants.check(), "the ledger's own check");
        for (long id : members) {
            for (String asset : ASSETS) {
                assertEquals(kindred.ledger.balance(id, asset), sumOfEntries(id, asset), "balance == sum of entries");
            }
        }
        for (Applied a : applied) {
            long count = kindred.database.read(h -> h.createQuery(
                    "SELECT COUNT(*) FROM ledger_transfers WHERE idempotency_key = :key").bind("key", a.key())
                    .mapTo(Long.class).one());
            assertEquals(1, count, a.key() + " applied once");
        }
    }

    private long sumOfEntries(long userId, String asset) {
        return kindred.database.read(h -> h.createQuery("""
                        SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e
                          JOIN ledger_accounts a ON a.id = e.account_id
                         WHERE a.user_id = :user AND a.asset = :asset""")
                .bind("user", userId).bind("asset", asset).mapTo(Long.class).one());
    }

    private AccountRef member(int index) {
        return AccountRef.member(members.get(index));
    }
}
