package io.kindred.plugins.shop;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kindred.plugins.shop.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.shop.Fixture.give;
import static io.kindred.plugins.shop.Fixture.item;
import static io.kindred.plugins.shop.Fixture.points;
import static io.kindred.plugins.shop.Fixture.redeem;
import static io.kindred.plugins.shop.Fixture.stock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random interleavings of points given, redemptions of a stocked item and of a coupon, cancellations (repeated),
 * deliveries and new coupon codes, on two fresh members and fresh items per try of one real platform: points and
 * stock follow a model (a cancel gives back exactly once, a delivered redemption cannot be cancelled), no coupon
 * code is handed out twice, and the ledger's check stays clean.
 */
class ShopPropertiesIT {

    private static final int MEMBERS = 2;
    private static final int DOLL_PRICE = 40;
    private static final int COUPON_PRICE = 15;
    private static final AtomicInteger runs = new AtomicInteger();
    private static TestPlatform platform;
    private static Http admin;

    sealed interface Op {
    }

    record Give(int member, int points) implements Op {
    }

    record RedeemDoll(int member, int quantity) implements Op {
    }

    record RedeemCoupon(int member) implements Op {
    }

    record Cancel(int pick) implements Op {
    }

    record Deliver(int pick) implements Op {
    }

    record AddCodes(int count) implements Op {
    }

    /** A redemption of the doll that the shop accepted. */
    private record Redeemed(long id, int member, int quantity) {
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

    @Property(tries = 20, seed = "20261207")
    void redemptionsAndCancellationsMovePointsAndStockExactlyOnce(@ForAll("sequences") List<Op> ops) {
        new Run(runs.incrementAndGet()).play(ops);
        assertLedgerBalanced(platform);
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        Arbitrary<Integer> member = Arbitraries.integers().between(0, MEMBERS - 1);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 100);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(member, Arbitraries.integers().between(1, 120)).as(Give::new)),
                Tuple.of(4, Combinators.combine(member, Arbitraries.integers().between(1, 3)).as(RedeemDoll::new)),
                Tuple.of(2, member.map(RedeemCoupon::new)),
                Tuple.of(3, pick.map(Cancel::new)),
                Tuple.of(1, pick.map(Deliver::new)),
                Tuple.of(1, Arbitraries.integers().between(1, 2).map(AddCodes::new)));
        return op.list().ofMinSize(3).ofMaxSize(15);
    }

    /** One try: its members, items and the model. */
    private static final class Run {
        private final List<Http> members = new ArrayList<>();
        private final long[] expectedPoints = new long[MEMBERS];
        private final List<Redeemed> pending = new ArrayList<>();
        private final List<Redeemed> cancelled = new ArrayList<>();
        private final List<Redeemed> delivered = new ArrayList<>();
        private final Set<String> codesHandedOut = new HashSet<>();
        private final long doll;
        private final long coupon;
        private long expectedStock = 5;
        private long codesLeft = 2;

        Run(int run) {
            for (int i = 0; i < MEMBERS; i++) {
                members.add(platform.member("s" + run + "-" + i + "@shop-props.test", "S" + i));
            }
            doll = item(platform, Map.of("name", "Doll " + run, "stock", 5, "pricePoints", DOLL_PRICE));
            coupon = item(platform, Map.of("kind", "coupon", "name", "Coupon " + run, "pricePoints", COUPON_PRICE));
            assertEquals(201, admin.post("/api/v1/admin/shop/items/" + coupon + "/coupons", Map.of("generate", 2)).status());
        }

        void play(List<Op> ops) {
            for (Op op : ops) {
                apply(op);
                for (int i = 0; i < MEMBERS; i++) {
                    assertEquals(expectedPoints[i], points(members.get(i)), "points of member " + i + " after " + op);
                }
                assertEquals(expectedStock, stock(platform, doll), "stock after " + op);
            }
        }

        private void apply(Op op) {
            if (op instanceof Give g) {
                give(platform, members.get(g.member()), g.points());
                expectedPoints[g.member()] += g.points();
            } else if (op instanceof RedeemDoll r) {
                redeemDoll(r);
            } else if (op instanceof RedeemCoupon r) {
                redeemCoupon(r.member());
            } else if (op instanceof Cancel c) {
                cancel(c.pick());
            } else if (op instanceof Deliver d) {
                deliver(d.pick());
            } else if (op instanceof AddCodes a) {
                assertEquals(201, admin.post("/api/v1/admin/shop/items/" + coupon + "/coupons", Map.of("generate", a.count())).status());
                codesLeft += a.count();
            }
        }

        private void redeemDoll(RedeemDoll r) {
            long cost = (long) DOLL_PRICE * r.quantity();
            Http.Response answer = redeem(members.get(r.member()), doll, r.quantity(), "1 Main St");
            if (expectedStock < r.quantity()) {
                assertEquals("out_of_stock", answer.errorCode(), answer.body());
            } else if (expectedPoints[r.member()] < cost) {
                assertEquals("insufficient_points", answer.errorCode(), answer.body());
            } else {
                assertEquals(201, answer.status(), answer.body());
                JsonNode red = answer.json().path("redemption");
                assertEquals(cost, red.path("pointsSpent").asLong());
                pending.add(new Redeemed(red.path("id").asLong(), r.member(), r.quantity()));
                expectedPoints[r.member()] -= cost;
                expectedStock -= r.quantity();
            }
        }

        private void redeemCoupon(int member) {
            Http.Response answer = redeem(members.get(member), coupon, 1, null);
            if (codesLeft == 0) {
                assertEquals("out_of_stock", answer.errorCode(), answer.body());
            } else if (expectedPoints[member] < COUPON_PRICE) {
                assertEquals("insufficient_points", answer.errorCode(), answer.body());
            } else {
                assertEquals(201, answer.status(), answer.body());
                String code = answer.json().path("redemption").path("coupon").path("code").asText();
                assertTrue(codesHandedOut.add(code), "coupon code " + code + " handed out twice");
                expectedPoints[member] -= COUPON_PRICE;
                codesLeft--;
            }
        }

        /** Cancels a pending redemption (gives back once, however often asked) or tries a delivered one (refused). */
        private void cancel(int pick) {
            List<Redeemed> all = new ArrayList<>(pending);
            all.addAll(cancelled);
            all.addAll(delivered);
            if (all.isEmpty()) {
                return;
            }
            Redeemed r = all.get(pick % all.size());
            Http.Response answer = admin.post("/api/v1/admin/shop/redemptions/" + r.id() + "/cancel", Map.of());
            if (pending.remove(r)) {
                assertEquals(200, answer.status(), answer.body());
                expectedPoints[r.member()] += (long) DOLL_PRICE * r.quantity();
                expectedStock += r.quantity();
                cancelled.add(r);
            } else if (cancelled.contains(r)) {
                assertEquals(200, answer.status(), "a repeated cancel answers as the first: " + answer.body());
            } else {
                assertEquals(409, answer.status(), "a delivered redemption stays delivered: " + answer.body());
            }
        }

        private void deliver(int pick) {
            if (pending.isEmpty()) {
                return;
            }
            Redeemed r = pending.remove(pick % pending.size());
            Http.Response answer = admin.post("/api/v1/admin/shop/redemptions/" + r.id() + "/deliver", Map.of());
            assertEquals(200, answer.status(), answer.body());
            delivered.add(r);
        }
    }
}
