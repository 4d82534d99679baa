package io.kindred.core;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * WooCommerce's {@code order.updated} webhooks, signed as WooCommerce signs them (X-WC-Webhook-Signature), become
 * purchases when the order is paid and refunds when it is refunded; its ping is answered. One platform per class.
 */
class WooCommerceConnectorTest {

    private static final String SECRET = "woo-webhook-secret-0123456789";
    private static TestPlatform platform;
    private static ShopPushes shops;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
        shops = new ShopPushes(platform);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static void enabled() {
        assertEquals(303, shops.configure("woocommerce", SECRET, null).status());
    }

    /** The documented sample order 727 as order {@code id} in {@code status}, billed to {@code email}. */
    private static String order(String id, String status, String email) {
        return ShopPushes.sample("woocommerce-order-updated.json").replace("\"id\": 727", "\"id\": " + id)
                .replace("\"status\": \"processing\"", "\"status\": \"" + status + "\"").replace("john.doe@example.com", email);
    }

    @Test
    void aConnectorNotEnabledAnswers404AndLogsNothing() {
        // no test of this class enables the Shopify connector
        Http.Response r = shops.push("shopify", "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of());

        assertEquals(404, r.status(), r.body());
        assertEquals("connector_disabled", r.errorCode());
        int logged = platform.kindred().database.read(h -> h.createQuery(
                "SELECT COUNT(*) FROM connector_deliveries WHERE shop = 'shopify'").mapTo(Integer.class).one());
        assertEquals(0, logged);
    }

    @Test
    void aBodyOverTheOneMebibyteLimitIsRefused413BeforeItIsRead() throws Exception {
        enabled();
        byte[] big = new byte[1_048_577];
        java.util.Arrays.fill(big, (byte) ' ');

        Http.Response r = shops.push("woocommerce", "application/json", big, Map.of("X-WC-Webhook-Topic", "order.updated",
                "X-WC-Webhook-Signature", ShopPushes.hmacBase64(SECRET, big)));

        assertEquals(413, r.status(), r.body());
        assertEquals("body_too_large", r.errorCode());
    }

    @Test
    void thePingSentWhenTheWebhookIsSavedIsAnswered200() {
        enabled();
        Http.Response ping = shops.push("woocommerce", "application/x-www-form-urlencoded",
                "webhook_id=12".getBytes(StandardCharsets.UTF_8), Map.of());

        assertEquals(200, ping.status(), ping.body());
        assertEquals("ignored", ping.json().at("/delivery/outcome").asText());
    }

    @Test
    void aProcessingOrderBecomesOnePurchaseAndItsCompletionChangesNothing() throws Exception {
        enabled();
        long member = shops.member("paid@woo.test");

        Http.Response first = shops.woocommerce("order.updated", "d-801-1", order("801", "processing", "paid@woo.test"), SECRET);
        Http.Response again = shops.woocommerce("order.updated", "d-801-1", order("801", "processing", "paid@woo.test"), SECRET);
        Http.Response completed = shops.woocommerce("order.updated", "d-801-2", order("801", "completed", "paid@woo.test"), SECRET);

        assertEquals("recorded", first.json().at("/delivery/outcome").asText(), first.body());
        assertEquals("woo:801", first.json().at("/delivery/orderId").asText());
        assertEquals("duplicate", again.json().at("/delivery/outcome").asText(), again.body());
        assertEquals("duplicate", completed.json().at("/delivery/outcome").asText(), completed.body());
        assertEquals(1, shops.events("purchase.recorded", "woo:801").size());
        assertEquals(member, shops.events("purchase.recorded", "woo:801").get(0).path("userId").asLong());
        assertEquals(2_935, shops.purchaseAmount("woo:801"), "29.35 USD in cents");
        assertNull(shops.events("purchase.recorded", "woo:801").get(0).at("/payload/sku").textValue(),
                "an order of two lines names no sku");
    }

    @Test
    void aWrongSignatureIsRefusedWith401AndNothingIsRecorded() throws Exception {
        enabled();
        shops.member("forged@woo.test");

        Http.Response r = shops.woocommerce("order.updated", "d-802", order("802", "processing", "forged@woo.test"), "wrong-secret");

        assertEquals(401, r.status(), r.body());
        assertEquals("invalid_signature", r.errorCode());
        assertEquals(Optional.empty(), shops.purchaseStatus("woo:802"));
        assertEquals(List.of("rejected"), shops.outcomes("woocommerce", "d-802"));
    }

    @Test
    void aRefundedOrderRefundsThePurchaseOnce() throws Exception {
        enabled();
        shops.member("refund@woo.test");
        shops.woocommerce("order.updated", "d-803-1", order("803", "processing", "refund@woo.test"), SECRET);

        Http.Response refund = shops.woocommerce("order.updated", "d-803-2", order("803", "refunded", "refund@woo.test"), SECRET);
        Http.Response again = shops.woocommerce("order.updated", "d-803-3", order("803", "refunded", "refund@woo.test"), SECRET);

        assertEquals("refunded", refund.json().at("/delivery/outcome").asText(), refund.body());
        assertEquals("duplicate", again.json().at("/delivery/outcome").asText(), again.body());
        assertEquals(Optional.of("refunded"), shops.purchaseStatus("woo:803"));
        assertEquals(1, shops.events("purchase.refunded", "woo:803").size());
    }

    @Test
    void anUnpaidOrderIsIgnored() throws Exception {
        enabled();
        shops.member("pending@woo.test");

        Http.Response r = shops.woocommerce("order.created", "d-804", order("804", "pending", "pending@woo.test"), SECRET);

        assertEquals("ignored", r.json().at("/delivery/outcome").asText(), r.body());
        assertEquals(Optional.empty(), shops.purchaseStatus("woo:804"));
    }
}
