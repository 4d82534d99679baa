package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The brand's shop reporting purchases and refunds with its API key: idempotent on the shop's order id,
 * one event per fact. One platform serves the class; every test uses orders and members of its own.
 */
class PurchasesTest {

    private static TestPlatform platform;
    private static Http shop;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
        shop = platform.apiClient("shop");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void recordingAPurchaseTwiceAnswers201ThenTheSamePurchaseWith200() {
        long member = member("repeat@purchases.test");
        Map<String, Object> body = Map.of("userId", member, "externalOrderId", "ORD-1001", "amount", 12_900,
                "currency", "cny", "sku", "MEMBERSHIP-GOLD");

        Http.Response first = shop.post("/api/v1/admin/purchases", body);
        Http.Response again = shop.post("/api/v1/admin/purchases", body);

        assertEquals(201, first.status(), first.body());
        assertEquals(200, again.status(), again.body());
        assertEquals(first.json(), again.json());
        JsonNode p = first.json().path("purchase");
        assertEquals("ORD-1001", p.path("externalOrderId").asText());
        assertEquals(member, p.path("userId").asLong());
        assertEquals(12_900, p.path("amount").asLong());
        assertEquals("CNY", p.path("currency").asText());
        assertEquals("MEMBERSHIP-GOLD", p.path("sku").asText());
        assertEquals("recorded", p.path("status").asText());
        assertEquals(1, events("purchase.recorded", "ORD-1001").size());
        assertEquals(12_900, platform.admin().get("/api/v1/admin/users/" + member).json().at("/user/totalSpent").asLong());
    }

    @Test
    void aPurchaseCanBeRecordedByTheMembersEmail() {
        long member = member("by-email@purchases.test");

        Http.Response r = shop.post("/api/v1/admin/purchases", Map.of("email", " BY-EMAIL@purchases.test",
                "externalOrderId", "ORD-2001", "amount", 5_000, "currency", "CNY"));

        assertEquals(201, r.status(), r.body());
        assertEquals(member, r.json().at("/purchase/userId").asLong());
    }

    @Test
    void aPurchaseCanNameItsMemberByTheShopsCustomerId() {
        long member = member("by-shop-id@purchases.test");
        assertEquals(200, shop.post("/api/v1/admin/users/" + member + "/external-ids",
                Map.of("system", "shopify", "externalId", "cust-77")).status());

        Http.Response byShopId = shop.post("/api/v1/admin/purchases", Map.of(
                "externalId", Map.of("system", "Shopify", "id", "cust-77"),
                "externalOrderId", "ORD-2101", "amount", 5_000, "currency", "CNY"));
        Http.Response unknown = shop.post("/api/v1/admin/purchases", Map.of(
                "externalId", Map.of("system", "shopify", "id", "cust-nobody"),
                "externalOrderId", "ORD-2102", "amount", 5_000, "currency", "CNY"));

        assertEquals(201, byShopId.status(), byShopId.body());
        assertEquals(member, byShopId.json().at("/purchase/userId").asLong());
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("user_not_found", unknown.json().at("/error/code").asText());
        assertTrue(unknown.json().at("/error/message").asText().contains("cust-nobody"), unknown.body());
    }

    @Test
    void refundingTwiceEmitsOnePurchaseRefundedEvent() {
        long member = member("refund@purchases.test");
        assertEquals(201, record(member, "ORD-3001", 8_800).status());

        Http.Response refund = shop.post("/api/v1/admin/purchases/ORD-3001/refund", null);
        Http.Response again = shop.post("/api/v1/admin/purchases/ORD-3001/refund", null);

        assertEquals(200, refund.status(), refund.body());
        assertEquals("refunded", refund.json().at("/purchase/status").asText());
        assertFalse(refund.json().at("/purchase/refundedAt").isNull());
        assertEquals(200, again.status(), again.body());
        assertEquals(refund.json(), again.json());
        List<JsonNode> refunded = events("purchase.refunded", "ORD-3001");
        assertEquals(1, refunded.size());
        assertEquals(member, refunded.get(0).path("userId").asLong());
        assertEquals(8_800, refunded.get(0).at("/payload/amount").asLong());
        assertEquals(0, platform.admin().get("/api/v1/admin/users/" + member).json().at("/user/totalSpent").asLong());
    }

    @Test
    void anOrderIdWithSpecialCharactersCanBeRefundedThroughItsPath() {
        long member = member("special@purchases.test");
        String order = "SHOP#42 ä+x";
        assertEquals(201, record(member, order, 100).status());

        Http.Response refund = shop.post("/api/v1/admin/purchases/"
                + URLEncoder.encode(order, StandardCharsets.UTF_8).replace("+", "%20") + "/refund", null);

        assertEquals(200, refund.status(), refund.body());
        assertEquals(order, refund.json().at("/purchase/externalOrderId").asText());
    }

    @Test
    void refundingAnUnknownOrderAnswersPurchaseNotFound() {
        Http.Response r = shop.post("/api/v1/admin/purchases/NO-SUCH-ORDER/refund", null);

        assertEquals(404, r.status(), r.body());
        assertEquals("purchase_not_found", r.errorCode());
    }

    @Test
    void recordingForAnUnknownMemberAnswersUserNotFound() {
        Http.Response byId = shop.post("/api/v1/admin/purchases", Map.of("userId", 987_654_321,
                "externalOrderId", "ORD-4001", "amount", 100, "currency", "CNY"));
        Http.Response byEmail = shop.post("/api/v1/admin/purchases", Map.of("email", "ghost@purchases.test",
                "externalOrderId", "ORD-4002", "amount", 100, "currency", "CNY"));

        assertEquals(404, byId.status(), byId.body());
        assertEquals("user_not_found", byId.errorCode());
        assertEquals(404, byEmail.status(), byEmail.body());
        assertEquals("user_not_found", byEmail.errorCode());
        assertEquals(0, events("purchase.recorded", "ORD-4001").size());
    }

    @Test
    void aReplayedOrderWithoutItsSkuIsTheSameOrder() {
        long member = member("replay-sku@purchases.test");
        Map<String, Object> withSku = Map.of("userId", member, "externalOrderId", "ORD-5101", "amount", 29_900,
                "currency", "CNY", "sku", "CARD-ANNUAL");
        assertEquals(201, shop.post("/api/v1/admin/purchases", withSku).status());

        Http.Response replay = record(member, "ORD-5101", 29_900);

        assertEquals(200, replay.status(), replay.body());
        assertEquals("CARD-ANNUAL", replay.json().at("/purchase/sku").asText());
        assertEquals(1, events("purchase.recorded", "ORD-5101").size());
    }

    @Test
    void aConflictSaysWhatDiffersIncludingTheCurrency() {
        long member = member("conflict-currency@purchases.test");
        assertEquals(201, record(member, "ORD-5201", 1_000).status());

        Http.Response usd = shop.post("/api/v1/admin/purchases", Map.of("userId", member, "externalOrderId", "ORD-5201",
                "amount", 1_000, "currency", "USD"));
        Http.Response otherSku = shop.post("/api/v1/admin/purchases", Map.of("userId", member,
                "externalOrderId", "ORD-5201", "amount", 1_000, "currency", "CNY", "sku", "MUG"));

        assertEquals(409, usd.status(), usd.body());
        assertEquals("order_conflict", usd.errorCode());
        assertTrue(usd.json().at("/error/message").asText().contains("currency"), usd.body());
        assertTrue(usd.json().at("/error/message").asText().contains("1000 CNY"), usd.body());
        assertEquals(409, otherSku.status(), otherSku.body());
        assertTrue(otherSku.json().at("/error/message").asText().contains("sku"), otherSku.body());
    }

    @Test
    void reusingAnOrderIdForADifferentAmountIsAConflict() {
        long member = member("conflict@purchases.test");
        assertEquals(201, record(member, "ORD-5001", 1_000).status());

        Http.Response other = record(member, "ORD-5001", 2_000);

        assertEquals(409, other.status(), other.body());
        assertEquals("order_conflict", other.errorCode());
        assertEquals(1, events("purchase.recorded", "ORD-5001").size());
    }

    @Test
    void twentyParallelReportsOfOneOrderRecordItOnce() throws Exception {
        long member = member("parallel@purchases.test");
        List<Http.Response> responses = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posts.add(() -> {
                responses.add(record(member, "ORD-6001", 3_300));
                return null;
            });
        }

        LedgerConcurrencyTest.runInParallel(20, posts);

        assertEquals(1, responses.stream().filter(r -> r.status() == 201).count());
        assertEquals(19, responses.stream().filter(r -> r.status() == 200).count());
        assertTrue(responses.stream().allMatch(r -> r.json().at("/purchase/id").asLong()
                == responses.get(0).json().at("/purchase/id").asLong()));
        assertEquals(1, events("purchase.recorded", "ORD-6001").size());
        assertEquals(3_300, platform.admin().get("/api/v1/admin/users/" + member).json().at("/user/totalSpent").asLong());
    }

    private static long member(String email) {
        return platform.kindred().accounts.register(email, "member-password-1", "Buyer", null).id();
    }

    private static Http.Response record(long userId, String order, long amount) {
        return shop.post("/api/v1/admin/purchases", Map.of("userId", userId, "externalOrderId", order,
                "amount", amount, "currency", "CNY"));
    }

    /** Events of a type about one order, read through the operators' event list. */
    private static List<JsonNode> events(String type, String order) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode items = shop.get("/api/v1/admin/events?limit=200&type=" + type).json().path("items");
        items.forEach(e -> {
            assertEquals(type, e.path("type").asText());
            if (e.at("/payload/externalOrderId").asText().equals(order)) {
                found.add(e);
            }
        });
        return found;
    }
}
