package io.kindred.core.properties;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** One step of a random interleaving on the ledger; {@code member} and {@code pick} index into what exists. */
sealed interface LedgerOp {

    /** A credit; points expire 30 days after earning, stars never. */
    record Credit(int member, String asset, int amount) implements LedgerOp {
    }

    /** A debit that may fail for lack of funds. */
    record Debit(int member, String asset, int amount) implements LedgerOp {
    }

    /** Gives an earlier debit back (spent to member), posted twice with one key. */
    record Refund(int pick) implements LedgerOp {
    }

    /** Claws an earlier credit back; fails when the member no longer holds it. */
    record Reverse(int pick) implements LedgerOp {
    }

    /** An operator's adjustment through HTTP, positive or negative. */
    record Adjust(int member, int amount) implements LedgerOp {
    }

    /** Moves the clock on and runs the expiry job. */
    record Expire(int days) implements LedgerOp {
    }

    /** Posts an applied transfer again with its key: nothing changes, the first transfer answers. */
    record Replay(int pick) implements LedgerOp {
    }

    static Arbitrary<LedgerOp> any(int members) {
        Arbitrary<Integer> member = Arbitraries.integers().between(0, members - 1);
        Arbitrary<String> asset = Arbitraries.of("points", "points", "stars");
        Arbitrary<Integer> amount = Arbitraries.integers().between(1, 120);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1000);
        return Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(member, asset, amount).as(Credit::new)),
                Tuple.of(6, Combinators.combine(member, asset, amount).as(Debit::new)),
                Tuple.of(2, pick.map(Refund::new)),
                Tuple.of(2, pick.map(Reverse::new)),
                Tuple.of(2, Combinators.combine(member, Arbitraries.integers().between(-150, 100).filter(a -> a != 0))
                        .as(Adjust::new)),
                Tuple.of(2, Arbitraries.of(1, 5, 10, 15, 29, 30, 31).map(Expire::new)),
                Tuple.of(2, pick.map(Replay::new)));
    }
}
