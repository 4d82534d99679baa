package io.kindred.plugins.membership;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kindred.plugins.membership.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.membership.Fixture.balance;
import static io.kindred.plugins.membership.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random interleavings of purchases (some sent twice), refunds (some asked twice) and points spent, on two fresh
 * members per try of one real platform: a purchase never takes growth or points away and gives them once, a
 * refund never gives any and takes them once, no balance goes below zero, a member whose every purchase was
 * refunded keeps no growth, and the ledger's check stays clean.
 */
class MembershipPropertiesIT {

    private static final int MEMBERS = 2;
    private static final AtomicInteger runs = new AtomicInteger();
    private static TestPlatform platform;
    private static Http admin;

    sealed interface Op {
    }

    record Purchase(int member, int amount, boolean twice) implements Op {
    }

    record Refund(int pick, boolean twice) implements Op {
    }

    record Spend(int member, int points) implements Op {
    }

    private record Order(String id, int member) {
    }

    @BeforeContainer
    static void start() {
        platform = Fixture.start();
        admin = platform.admin();
    }

    @AfterContainer
    static void stop() {
        platform.close();
    }

    @Property(tries = 12, seed = "20261207")
    void purchasesRefundsAndSpendingMoveGrowthAndPointsOnce(@ForAll("sequences") List<Op> ops) {
        int run = runs.incrementAndGet();
        List<Http> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(platform.member("m" + run + "-" + i + "@membership-props.test", "M" + i));
        }
        List<Order> open = new ArrayList<>();
        List<Order> refunded = new ArrayList<>();
        int step = 0;
        for (Op op : ops) {
            Map<Integer, long[]> before = balances(members);
            int moved = apply(op, members, open, refunded, "P" + run + "-" + step++);
            Map<Integer, long[]> after = balances(members);
            for (int i = 0; i < MEMBERS; i++) {
                long[] b = before.get(i);
                long[] a = after.get(i);
                assertTrue(a[0] >= 0 && a[1] >= 0, "no balance below zero after " + op);
                if (i != moved) {
                    assertTrue(a[0] == b[0] && a[1] == b[1], "member " + i + " untouched by " + op);
                } else if (op instanceof Purchase) {
                    assertTrue(a[0] >= b[0] && a[1] >= b[1], "a purchase takes nothing away: " + op);
                } else {
                    assertTrue(a[0] <= b[0] && a[1] <= b[1], "a refund or a spend gives nothing: " + op);
                }
            }
        }
        for (int i = 0; i < MEMBERS; i++) {
            int member = i;
            if (open.stream().noneMatch(o -> o.member() == member)) {
                assertEquals(0, balance(members.get(i), "growth"), "every purchase of member " + i + " refunded");
            }
        }
        assertLedgerBalanced(platform);
    }

    /** @return the index of the member the step may move, or -1 */
    private static int apply(Op op, List<Http> members, List<Order> open, List<Order> refunded, String orderId) {
        if (op instanceof Purchase p) {
            purchase(p, members, open, orderId);
            return p.member();
        }
        if (op instanceof Refund r) {
            List<Order> all = new ArrayList<>(open);
            all.addAll(refunded);
            if (all.isEmpty()) {
                return -1;
            }
            Order o = all.get(r.pick() % all.size());
            refund(o);
            if (open.remove(o)) {
                refunded.add(o);
            }
            if (r.twice()) {
                Map<Integer, long[]> once = balances(members);
                refund(o);
                assertSame(once, balances(members), "a refund asked again takes nothing more");
            }
            return o.member();
        }
        Spend s = (Spend) op;
        Http member = members.get(s.member());
        long points = balance(member, "points");
        Http.Response r = admin.post("/api/v1/admin/ledger/adjustments", Map.of("userId", userId(member),
                "asset", "points", "amount", -s.points(), "reason", "spent"));
        assertEquals(points >= s.points() ? 201 : 409, r.status(), r.body());
        return s.member();
    }

    private static void purchase(Purchase p, List<Http> members, List<Order> open, String orderId) {
        Map<String, Object> body = new HashMap<>(Map.of("userId", userId(members.get(p.member())),
                "externalOrderId", orderId, "amount", p.amount(), "currency", "CNY"));
        assertEquals(201, admin.post("/api/v1/admin/purchases", body).status());
        platform.awaitEvents();
        if (p.twice()) {
            Map<Integer, long[]> once = balances(members);
            Http.Response again = admin.post("/api/v1/admin/purchases", body);
            assertEquals(200, again.status(), again.body());
            platform.awaitEvents();
            assertSame(once, balances(members), "a purchase sent again gives nothing more");
        }
        open.add(new Order(orderId, p.member()));
    }

    private static void refund(Order o) {
        Http.Response r = admin.post("/api/v1/admin/purchases/" + o.id() + "/refund", Map.of());
        assertEquals(200, r.status(), r.body());
        platform.awaitEvents();
    }

    private static Map<Integer, long[]> balances(List<Http> members) {
        Map<Integer, long[]> all = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            all.put(i, new long[]{balance(members.get(i), "growth"), balance(members.get(i), "points")});
        }
        return all;
    }

    private static void assertSame(Map<Integer, long[]> expected, Map<Integer, long[]> actual, String message) {
        for (Integer i : expected.keySet()) {
            assertTrue(expected.get(i)[0] == actual.get(i)[0] && expected.get(i)[1] == actual.get(i)[1],
                    message + " (member " + i + ")");
        }
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        Arbitrary<Integer> member = Arbitraries.integers().between(0, MEMBERS - 1);
        Arbitrary<Boolean> twice = Arbitraries.of(true, false);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(member, Arbitraries.integers().between(100, 60_000), twice).as(Purchase::new)),
                Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, 100), twice).as(Refund::new)),
                Tuple.of(3, Combinators.combine(member, Arbitraries.integers().between(1, 400)).as(Spend::new)));
        return op.list().ofMinSize(3).ofMaxSize(12);
    }
}
