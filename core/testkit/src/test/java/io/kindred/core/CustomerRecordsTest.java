package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code purchases.create-customers=true} a purchase naming nobody Kindred knows creates a password-less
 * customer record (in the purchase's transaction), which the next purchase finds and the person can claim.
 * (The setting off is in {@link ClaimsTest}.)
 */
class CustomerRecordsTest {

    private static TestPlatform platform;
    private static Http admin;
    private static Http shop;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().setting("purchases.create-customers", "true").start();
        admin = platform.admin();
        shop = platform.apiClient("records-shop");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aPurchaseByAnUnknownPhoneCreatesACustomerThatTheNextPurchaseFinds() {
        Http.Response first = buy(Map.of("phone", "+86 135 0000 0001", "name", "Wang Fang"), "REC-1", 1_200);
        Http.Response second = buy(Map.of("phone", "+8613500000001"), "REC-2", 800);

        assertEquals(201, first.status(), first.body());
        long id = first.json().at("/purchase/userId").asLong();
        assertEquals(id, second.json().at("/purchase/userId").asLong());
        JsonNode user = admin.get("/api/v1/admin/users/" + id).json().path("user");
        assertEquals("+8613500000001", user.path("phone").asText());
        assertEquals("Wang Fang", user.path("displayName").asText());
        assertEquals(2_000, user.path("totalSpent").asLong());
        platform.awaitEvents();
        JsonNode registered = admin.get("/api/v1/admin/events?limit=200&type=user.registered").json().path("items");
        boolean found = false;
        for (JsonNode e : registered) {
            if (e.at("/payload/userId").asLong() == id) {
                assertEquals("purchase", e.at("/payload/source").asText());
                found = true;
            }
        }
        assertTrue(found, "user.registered with source purchase");
    }

    @Test
    void aCreatedCustomerKeepsTheShopsCustomerIdSoThatItAloneFindsThemLater() {
        Http.Response first = buy(Map.of("externalId", Map.of("system", "shopify", "id", "C-900"),
                "email", "c900@records.test"), "REC-3", 300);
        long id = first.json().at("/purchase/userId").asLong();
        Http.Response byId = buy(Map.of("externalId", Map.of("system", "shopify", "id", "C-900")), "REC-4", 300);
        assertEquals(id, byId.json().at("/purchase/userId").asLong());
        assertEquals("C-900", admin.get("/api/v1/admin/users/" + id).json().at("/user/externalIds/0/externalId").asText());

        long member = platform.member("known@records.test", "Known").get("/api/v1/me").json().at("/user/id").asLong();
        Http.Response known = buy(Map.of("externalId", Map.of("system", "woo", "id", "W-1"), "email", "known@records.test"),
                "REC-5", 300);
        assertEquals(member, known.json().at("/purchase/userId").asLong(), "an existing member found by email, not created");
        assertNotEquals(id, member);
    }

    @Test
    void aMemberIdThatDoesNotExistIsNeverCreated() {
        Http.Response r = buy(Map.of("userId", 987_654), "REC-7", 100);
        assertEquals(404, r.status());
        assertEquals("user_not_found", r.errorCode());
    }

    @Test
    void aRefusedPurchaseLeavesNoCustomerBehind() {
        Http.Response bad = buy(Map.of("phone", "+8613500000002", "sku", "x".repeat(101)), "REC-8", 100);
        assertEquals(400, bad.status());
        assertEquals(0, admin.get("/api/v1/admin/users?query=13500000002").json().path("items").size());
    }

    private static Http.Response buy(Map<String, Object> buyer, String order, long amount) {
        Map<String, Object> body = new java.util.HashMap<>(buyer);
        body.put("externalOrderId", order);
        body.put("amount", amount);
        body.put("currency", "CNY");
        return shop.post("/api/v1/admin/purchases", body);
    }
}
