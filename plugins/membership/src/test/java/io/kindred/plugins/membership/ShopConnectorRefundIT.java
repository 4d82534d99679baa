package io.kindred.plugins.membership;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.kindred.plugins.membership.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.membership.Fixture.balance;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An order paid in a Shopify shop and refunded there gives, then takes back, the member's growth and points:
 * the shop connector records and refunds the purchase, and membership reacts to its events, through PF4J.
 */
class ShopConnectorRefundIT {

    private static final String SECRET = "shpss_membership_it_0123456789";

    @Test
    void aShopifyRefundTakesBackTheGrowthAndPointsItsOrderGave() throws Exception {
        try (TestPlatform p = Fixture.start()) {
            Http.Response saved = p.admin().submitForm("/console/connectors", "/console/connectors/shopify",
                    "enabled", "on", "secret", SECRET);
            assertEquals(303, saved.status(), saved.body());
            Http alice = p.member("alice@shop.test", "Alice");

            Http.Response paid = push(p, "orders/paid", "wh-1", """
                    {"id": 450789469, "email": "alice@shop.test", "currency": "CNY", "total_price": "120.00",
                     "financial_status": "paid", "customer": {"id": 207119551, "email": "alice@shop.test"},
                     "line_items": [{"id": 1, "sku": "", "quantity": 1, "price": "120.00"}]}""");
            assertEquals("recorded", paid.json().at("/delivery/outcome").asText(), paid.body());
            p.awaitEvents();
            assertEquals(120, balance(alice, "growth"));
            assertEquals(120, balance(alice, "points"));

            Http.Response refunded = push(p, "refunds/create", "wh-2", """
                    {"id": 509562969, "order_id": 450789469, "restock": false,
                     "transactions": [{"id": 179259969, "order_id": 450789469, "kind": "refund", "status": "success",
                                       "amount": "120.00", "currency": "CNY"}]}""");
            assertEquals("refunded", refunded.json().at("/delivery/outcome").asText(), refunded.body());
            p.awaitEvents();

            assertEquals(0, balance(alice, "growth"));
            assertEquals(0, balance(alice, "points"));
            assertLedgerBalanced(p);
        }
    }

    private static Http.Response push(TestPlatform p, String topic, String webhookId, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return p.http().header("X-Requested-With", null).header("X-Shopify-Topic", topic)
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(mac.doFinal(bytes)))
                .raw("POST", "/api/v1/connectors/shopify", "application/json", bytes);
    }
}
