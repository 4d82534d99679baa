package io.kindred.core;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shopify's {@code orders/paid} and {@code refunds/create} webhooks, signed as Shopify signs them
 * (X-Shopify-Hmac-Sha256), become purchases and refunds; the console shows the connector and replays a delivery
 * that matched no member. One platform serves the class; every test uses orders of its own.
 */
class ShopifyConnectorTest {

    private static final String SECRET = "shpss_test_signing_key_0123456789";
    private static final String SAMPLE_ORDER = "820982911946154508";
    private static TestPlatform platform;
    private static ShopPushes shops;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
        shops = new ShopPushes(platform);
        assertEquals(303, shops.configure("shopify", SECRET, null).status());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** The documented sample order, as order {@code id}, bought by the customer with {@code email}. */
    private static String order(String id, String email) {
        return ShopPushes.sample("shopify-orders-paid.json").replace(SAMPLE_ORDER, id).replace("john@example.com", email);
    }

    private static String refund(String orderId, String amount) {
        return ShopPushes.sample("shopify-refunds-create.json").replace(SAMPLE_ORDER, orderId)
                .replace("\"amount\": \"403.00\"", "\"amount\": \"" + amount + "\"");
    }

    @Test
    void ordersPaidWithAValidHmacBecomesOnePurchaseEvenWhenDeliveredTwice() throws Exception {
        long member = shops.member("paid-twice@shopify.test");
        String body = order("5001", "paid-twice@shopify.test");

        Http.Response first = shops.shopify("orders/paid", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", body, SECRET);
        Http.Response again = shops.shopify("orders/paid", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", body, SECRET);

        assertEquals(200, first.status(), first.body());
        assertEquals("recorded", first.json().at("/delivery/outcome").asText());
        assertEquals("shopify:5001", first.json().at("/delivery/orderId").asText());
        assertEquals(200, again.status(), again.body());
        assertEquals("duplicate", again.json().at("/delivery/outcome").asText());
        assertEquals(1, shops.events("purchase.recorded", "shopify:5001").size());
        assertEquals(member, shops.events("purchase.recorded", "shopify:5001").get(0).path("userId").asLong());
        assertEquals(40_300, shops.purchaseAmount("shopify:5001"), "403.00 USD in cents");
        assertEquals(List.of("recorded", "duplicate"), shops.outcomes("shopify", "shopify:5001"));
    }

    @Test
    void theSameOrderUnderAnotherWebhookIdIsRecordedOnce() throws Exception {
        shops.member("other-id@shopify.test");
        String body = order("5002", "other-id@shopify.test");

        shops.shopify("orders/paid", "wh-5002-a", body, SECRET);
        Http.Response second = shops.shopify("orders/paid", "wh-5002-b", body, SECRET);

        assertEquals("duplicate", second.json().at("/delivery/outcome").asText(), second.body());
        assertEquals(1, shops.events("purchase.recorded", "shopify:5002").size());
    }

    @Test
    void theCustomerIsMatchedByTheShopsCustomerIdBeforeTheEmail() throws Exception {
        long member = shops.member("by-id@shopify.test");
        assertEquals(200, platform.admin().post("/api/v1/admin/users/" + member + "/external-ids",
                Map.of("system", "shopify", "externalId", "115310627314723954")).status());

        Http.Response r = shops.shopify("orders/paid", "wh-5003", order("5003", "someone-else@shopify.test"), SECRET);

        assertEquals("recorded", r.json().at("/delivery/outcome").asText(), r.body());
        assertEquals(member, shops.events("purchase.recorded", "shopify:5003").get(0).path("userId").asLong());
    }

    @Test
    void aWrongHmacIsRefusedWith401AndNothingIsRecorded() throws Exception {
        shops.member("forged@shopify.test");
        String body = order("5004", "forged@shopify.test");

        Http.Response forged = shops.shopify("orders/paid", "wh-5004", body, "not-the-shops-secret");
        Http.Response unsigned = shops.push("shopify", "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("X-Shopify-Topic", "orders/paid", "X-Shopify-Webhook-Id", "wh-5004"));

        assertEquals(401, forged.status(), forged.body());
        assertEquals("invalid_signature", forged.errorCode());
        assertEquals(401, unsigned.status(), unsigned.body());
        assertEquals(Optional.empty(), shops.purchaseStatus("shopify:5004"));
        assertEquals(0, shops.events("purchase.recorded", "shopify:5004").size());
        assertEquals(List.of("rejected", "rejected"), shops.outcomes("shopify", "wh-5004"));
    }

    @Test
    void aRejectedPushKeepsOnlyAnExcerptOfItsBodySoStrangersCannotFillTheLog() throws Exception {
        byte[] big = ("{\"id\":5005,\"note\":\"" + "x".repeat(600_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        Http.Response forged = shops.push("shopify", "application/json", big,
                Map.of("X-Shopify-Topic", "orders/paid", "X-Shopify-Webhook-Id", "wh-5005", "X-Shopify-Hmac-Sha256", "AAAA"));

        assertEquals(401, forged.status(), forged.body());
        long kept = platform.kindred().database.read(h -> h.createQuery(
                        "SELECT LENGTH(body) FROM connector_deliveries WHERE webhook_id = 'wh-5005'").mapTo(Long.class).one());
        assertTrue(kept <= 2048, "kept " + kept + " bytes of an unsigned push");
    }

    @Test
    void aForgedDeliveryDoesNotBlockTheGenuineOneWithTheSameWebhookId() throws Exception {
        shops.member("genuine@shopify.test");
        String body = order("5005", "genuine@shopify.test");

        shops.shopify("orders/paid", "wh-5005", body, "an-attackers-guess");
        Http.Response genuine = shops.shopify("orders/paid", "wh-5005", body, SECRET);

        assertEquals("recorded", genuine.json().at("/delivery/outcome").asText(), genuine.body());
    }

    @Test
    void refundsCreateRefundsThePurchaseAndEmitsPurchaseRefundedOnce() throws Exception {
        long member = shops.member("refund@shopify.test");
        shops.shopify("orders/paid", "wh-5006", order("5006", "refund@shopify.test"), SECRET);

        Http.Response refund = shops.shopify("refunds/create", "wh-5006-r", refund("5006", "403.00"), SECRET);
        Http.Response again = shops.shopify("refunds/create", "wh-5006-r", refund("5006", "403.00"), SECRET);

        assertEquals("refunded", refund.json().at("/delivery/outcome").asText(), refund.body());
        assertEquals("duplicate", again.json().at("/delivery/outcome").asText(), again.body());
        assertEquals(Optional.of("refunded"), shops.purchaseStatus("shopify:5006"));
        assertEquals(1, shops.events("purchase.refunded", "shopify:5006").size());
        assertEquals(0, platform.admin().get("/api/v1/admin/users/" + member).json().at("/user/totalSpent").asLong());
    }

    @Test
    void aPartialRefundIsLoggedAndLeavesThePurchaseAlone() throws Exception {
        shops.member("partial@shopify.test");
        shops.shopify("orders/paid", "wh-5007", order("5007", "partial@shopify.test"), SECRET);

        Http.Response partial = shops.shopify("refunds/create", "wh-5007-r", refund("5007", "199.00"), SECRET);

        assertEquals("ignored", partial.json().at("/delivery/outcome").asText(), partial.body());
        assertTrue(partial.json().at("/delivery/message").asText().contains("19900 of 40300"), partial.body());
        assertEquals(Optional.of("recorded"), shops.purchaseStatus("shopify:5007"));
        assertEquals(0, shops.events("purchase.refunded", "shopify:5007").size());
    }

    @Test
    void aDeliveryThatMatchedNoMemberIsReplayedFromTheConsoleOnceTheMemberExists() throws Exception {
        Http.Response early = shops.shopify("orders/paid", "wh-5008", order("5008", "late@shopify.test"), SECRET);
        assertEquals(200, early.status(), early.body());
        assertEquals("no_member", early.json().at("/delivery/outcome").asText());
        assertEquals(Optional.empty(), shops.purchaseStatus("shopify:5008"));
        long delivery = early.json().at("/delivery/id").asLong();
        long member = shops.member("late@shopify.test");

        Http admin = platform.admin();
        Http.Response log = admin.get("/console/connectors/shopify");
        assertTrue(log.body().contains("/console/connectors/deliveries/" + delivery + "/replay"), "the log offers a replay");
        Http.Response replay = admin.submitForm("/console/connectors/shopify", "/console/connectors/deliveries/" + delivery + "/replay");
        Http.Response twice = admin.submitForm("/console/connectors/shopify", "/console/connectors/deliveries/" + delivery + "/replay");

        assertEquals(303, replay.status(), replay.body());
        assertTrue(replay.headers().get("location").contains("notice=connectors_replayed_recorded"), replay.headers().toString());
        assertEquals(409, twice.status(), "a recorded delivery is not replayed again");
        assertEquals(1, shops.events("purchase.recorded", "shopify:5008").size());
        assertEquals(member, shops.events("purchase.recorded", "shopify:5008").get(0).path("userId").asLong());
        assertEquals(List.of("recorded"), shops.outcomes("shopify", "shopify:5008"));
        assertTrue(platform.kindred().audit.list("connector-delivery:" + delivery, Long.MAX_VALUE, 10).stream()
                .anyMatch(e -> e.action().equals("connector.replayed")), "the replay is audited");
    }

    @Test
    void theConsolePageShowsTheUrlToPasteAndNeverTheSecret() {
        Http.Response page = platform.admin().get("/console/connectors");

        assertEquals(200, page.status());
        assertTrue(page.body().contains(platform.baseUrl() + "/api/v1/connectors/shopify"), "the URL to paste");
        assertTrue(page.body().contains("/api/v1/connectors/woocommerce"));
        assertTrue(page.body().contains("/api/v1/connectors/youzan"));
        assertFalse(page.body().contains(SECRET), "the secret is stored, not shown");
        assertTrue(page.body().contains(SECRET.substring(SECRET.length() - 4)), "its last four characters are");
        assertEquals(200, platform.admin().get("/console/connectors/shopify").status());
        Matcher nav = Pattern.compile("href=\"/console/connectors\"").matcher(page.body());
        assertTrue(nav.find(), "the console nav links the page");
    }

    @Test
    void tenParallelDeliveriesOfOneWebhookRecordOnePurchase() throws Exception {
        shops.member("parallel@shopify.test");
        String body = order("5010", "parallel@shopify.test");
        List<Http.Response> answers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<java.util.concurrent.Callable<Void>> pushes = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pushes.add(() -> {
                answers.add(shops.shopify("orders/paid", "wh-5010", body, SECRET));
                return null;
            });
        }

        LedgerConcurrencyTest.runInParallel(10, pushes);

        assertTrue(answers.stream().allMatch(r -> r.status() == 200), answers.toString());
        assertEquals(1, answers.stream().filter(r -> r.json().at("/delivery/outcome").asText().equals("recorded")).count());
        assertEquals(1, shops.events("purchase.recorded", "shopify:5010").size());
    }

    @Test
    void theConsoleTextsExistInEnglishAndChinese() {
        io.kindred.testkit.Bundles.assertSameKeys(getClass().getClassLoader(), "themes/default/messages/connectors");
        Http.Response zh = platform.admin().header("Accept-Language", "zh-CN").get("/console/connectors");

        assertTrue(zh.body().contains("店铺连接"), "the page is in Chinese");
    }

    @Test
    void aSignedBodyThatIsNotAnOrderIsLoggedAsAnErrorNeverA500() throws Exception {
        Http.Response notJson = shops.shopify("orders/paid", "wh-5011", "not json at all", SECRET);
        Http.Response noTotal = shops.shopify("orders/paid", "wh-5012", "{\"id\": 5012, \"currency\": \"USD\"}", SECRET);
        Http.Response badCurrency = shops.shopify("orders/paid", "wh-5013",
                "{\"id\": 5013, \"currency\": \"Dollars\", \"total_price\": \"1.00\"}", SECRET);
        Http.Response tooPrecise = shops.shopify("orders/paid", "wh-5014",
                "{\"id\": 5014, \"currency\": \"JPY\", \"total_price\": \"100.50\"}", SECRET);

        for (Http.Response r : List.of(notJson, noTotal, badCurrency, tooPrecise)) {
            assertEquals(200, r.status(), r.body());
            assertEquals("error", r.json().at("/delivery/outcome").asText(), r.body());
        }
        assertEquals(Optional.empty(), shops.purchaseStatus("shopify:5014"));
    }

    @Test
    void anotherTopicIsLoggedAsIgnored() throws Exception {
        Http.Response r = shops.shopify("orders/create", "wh-5009", order("5009", "x@shopify.test"), SECRET);

        assertEquals(200, r.status(), r.body());
        assertEquals("ignored", r.json().at("/delivery/outcome").asText());
        assertEquals(Optional.empty(), shops.purchaseStatus("shopify:5009"));
    }
}
