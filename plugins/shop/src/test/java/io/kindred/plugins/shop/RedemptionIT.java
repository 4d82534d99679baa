package io.kindred.plugins.shop;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.kindred.plugins.shop.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.shop.Fixture.give;
import static io.kindred.plugins.shop.Fixture.item;
import static io.kindred.plugins.shop.Fixture.points;
import static io.kindred.plugins.shop.Fixture.redeem;
import static io.kindred.plugins.shop.Fixture.stock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redeeming through the API, with the plugin loaded through PF4J from its jar. */
class RedemptionIT {

    @Test
    void redemptionDebitsPointsTakesStockAndShowsInMyRedemptions() {
        try (TestPlatform p = Fixture.start()) {
            long doll = item(p, Map.of("stock", 3, "category", "dolls"));
            Http alice = p.member("alice@kindred.test", "Alice");
            give(p, alice, 250);

            Http.Response r = redeem(alice, doll, 2, "1 Main St, Shanghai");
            assertEquals(201, r.status(), r.body());
            JsonNode red = r.json().path("redemption");
            assertEquals("pending", red.path("status").asText());
            assertEquals(200, red.path("pointsSpent").asLong());
            assertEquals(50, points(alice));
            assertEquals(1, stock(p, doll));

            JsonNode mine = alice.get("/api/v1/shop/redemptions/me").json().path("items");
            assertEquals(1, mine.size());
            assertEquals(red.path("id").asLong(), mine.get(0).path("id").asLong());
            JsonNode listed = alice.get("/api/v1/shop/items").json().path("items");
            assertEquals(1, listed.size());
            assertEquals("dolls", listed.get(0).path("category").asText());
            assertLedgerBalanced(p);
        }
    }

    @Test
    void refusalsCarryTheirCodesAndMoveNothing() {
        try (TestPlatform p = Fixture.start()) {
            long doll = item(p, Map.of("stock", 1, "limitPerMember", 1));
            long later = item(p, Map.of("availableFrom", "2999-01-01T00:00:00Z"));
            Http alice = p.member("alice@kindred.test", "Alice");

            assertEquals("insufficient_points", redeem(alice, doll, 1, "here").errorCode());
            give(p, alice, 1000);
            Http.Response noAddress = redeem(alice, doll, 1, null);
            assertEquals(400, noAddress.status(), noAddress.body());
            assertEquals("address_required", noAddress.errorCode());
            assertEquals("not_available", redeem(alice, later, 1, "here").errorCode());
            assertEquals("limit_reached", redeem(alice, doll, 2, "here").errorCode());
            assertEquals(201, redeem(alice, doll, 1, "here").status());
            assertEquals("limit_reached", redeem(alice, doll, 1, "here").errorCode());
            Http bob = p.member("bob@kindred.test", "Bob");
            give(p, bob, 1000);
            Http.Response sold = redeem(bob, doll, 1, "there");
            assertEquals(409, sold.status());
            assertEquals("out_of_stock", sold.errorCode());
            assertEquals(1000, points(bob));
            assertEquals(900, points(alice));
            assertLedgerBalanced(p);
        }
    }

    @Test
    void physicalItemTakesTheAddressFromTheProfile() {
        try (TestPlatform p = Fixture.start()) {
            long doll = item(p, Map.of());
            Http alice = p.member("alice@kindred.test", "Alice");
            give(p, alice, 100);
            Http.Response patched = alice.patch("/api/v1/me", Map.of("shippingAddress",
                    Map.of("name", "Alice", "city", "Hangzhou", "line1", "8 West Lake Rd")));
            assertEquals(200, patched.status(), patched.body());
            Http.Response r = redeem(alice, doll, 1, null);
            assertEquals(201, r.status(), r.body());
            assertEquals("Alice, Hangzhou, 8 West Lake Rd", r.json().path("redemption").path("shippingAddress").asText());
        }
    }

    @Test
    void fiftyMembersRedeemingFiveInStockGetExactlyFive() throws Exception {
        try (TestPlatform p = Fixture.start()) {
            long doll = item(p, Map.of("stock", 5));
            List<Http> members = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Http m = p.member("m" + i + "@kindred.test", "M" + i);
                give(p, m, 100);
                members.add(m);
            }
            ExecutorService pool = Executors.newFixedThreadPool(50);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (Http m : members) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return redeem(m, doll, 1, "somewhere");
                }));
            }
            go.countDown();
            int created = 0;
            for (Future<Http.Response> f : answers) {
                Http.Response r = f.get();
                if (r.status() == 201) {
                    created++;
                } else {
                    assertEquals("out_of_stock", r.errorCode(), r.body());
                }
            }
            pool.shutdown();
            assertEquals(5, created);
            assertEquals(0, stock(p, doll));
            long spent = 0;
            for (Http m : members) {
                long balance = points(m);
                assertTrue(balance == 0 || balance == 100, "balance " + balance);
                spent += 100 - balance;
            }
            assertEquals(500, spent);
            assertEquals(5, p.admin().get("/api/v1/admin/shop/redemptions?status=pending").json().path("items").size());
            assertLedgerBalanced(p);
        }
    }

    @Test
    void tenParallelRepeatsWithOneIdempotencyKeyRedeemAndChargeOnce() throws Exception {
        try (TestPlatform p = Fixture.start()) {
            long doll = item(p, Map.of("stock", 20));
            Http alice = p.member("alice@kindred.test", "Alice");
            give(p, alice, 1000);
            ExecutorService pool = Executors.newFixedThreadPool(10);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return alice.post("/api/v1/shop/redemptions", Map.of("itemId", doll, "quantity", 1,
                            "shippingAddress", "here"), Map.of("Idempotency-Key", "redeem-once-1"));
                }));
            }
            go.countDown();
            Set<Long> ids = new HashSet<>();
            for (Future<Http.Response> f : answers) {
                Http.Response r = f.get();
                assertEquals(201, r.status(), r.body());
                ids.add(r.json().path("redemption").path("id").asLong());
            }
            pool.shutdown();
            assertEquals(1, ids.size());
            assertEquals(900, points(alice));
            assertEquals(19, stock(p, doll));
            assertEquals(1, alice.get("/api/v1/shop/redemptions/me").json().path("items").size());
            assertLedgerBalanced(p);
        }
    }

    @Test
    void cancelRefundsPointsAndStockExactlyOnceEvenWhenRetried() throws Exception {
        try (TestPlatform p = Fixture.start()) {
            long doll = item(p, Map.of("stock", 2));
            Http alice = p.member("alice@kindred.test", "Alice");
            give(p, alice, 100);
            long id = redeem(alice, doll, 1, "here").json().path("redemption").path("id").asLong();
            assertEquals(0, points(alice));
            assertEquals(1, stock(p, doll));

            ExecutorService pool = Executors.newFixedThreadPool(5);
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(pool.submit(() -> p.admin().post("/api/v1/admin/shop/redemptions/" + id + "/cancel", Map.of())));
            }
            for (Future<Http.Response> f : answers) {
                Http.Response r = f.get();
                assertEquals(200, r.status(), r.body());
                assertEquals("cancelled", r.json().path("redemption").path("status").asText());
            }
            pool.shutdown();
            Http.Response again = p.admin().post("/api/v1/admin/shop/redemptions/" + id + "/cancel", Map.of());
            assertEquals(200, again.status(), again.body());
            assertEquals(100, points(alice));
            assertEquals(2, stock(p, doll));
            assertLedgerBalanced(p);
        }
    }

    @Test
    void operatorShipsThenDeliversWithTracking() {
        try (TestPlatform p = Fixture.start()) {
            long doll = item(p, Map.of());
            Http alice = p.member("alice@kindred.test", "Alice");
            give(p, alice, 100);
            long id = redeem(alice, doll, 1, "here").json().path("redemption").path("id").asLong();
            Http.Response shipped = p.admin().post("/api/v1/admin/shop/redemptions/" + id + "/ship",
                    Map.of("carrier", "SF Express", "trackingNumber", "SF123"));
            assertEquals(200, shipped.status(), shipped.body());
            JsonNode mine = alice.get("/api/v1/shop/redemptions/me").json().path("items").get(0);
            assertEquals("shipped", mine.path("status").asText());
            assertEquals("SF123", mine.path("trackingNumber").asText());
            assertEquals("delivered", p.admin().post("/api/v1/admin/shop/redemptions/" + id + "/deliver", Map.of())
                    .json().path("redemption").path("status").asText());
            Http.Response late = p.admin().post("/api/v1/admin/shop/redemptions/" + id + "/cancel", Map.of());
            assertEquals(409, late.status(), late.body());
        }
    }
}
