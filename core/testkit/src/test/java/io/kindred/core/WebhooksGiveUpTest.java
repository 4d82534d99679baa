package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 3-day limit, on a clock the test moves: a delivery that still fails 3 days after its first attempt is given
 * up, and its endpoint, which has not had a success in those 3 days, is disabled; a redelivery starts afresh.
 */
class WebhooksGiveUpTest {

    private static final MutableClock clock = new MutableClock(Instant.now());
    private static TestPlatform platform;
    private static WebhooksTest.Receiver receiver;

    @BeforeAll
    static void start() throws IOException {
        receiver = new WebhooksTest.Receiver();
        platform = TestPlatform.builder().clock(clock)
                .setting("webhooks.allow-private", "true")
                .setting("webhooks.retry-base-ms", "100")
                .setting("webhooks.disable-after-failures", "1000")
                .start();
    }

    @AfterAll
    static void stop() {
        platform.close();
        receiver.close();
    }

    @Test
    void aDeliveryStillFailingAfterThreeDaysIsGivenUpAndItsEndpointDisabled() {
        receiver.answer("/down", attempt -> 500);
        Http admin = platform.admin();
        Http.Response made = admin.post("/api/v1/admin/webhooks", Map.of("url", receiver.url("/down"),
                "events", List.of("purchase.recorded")));
        assertEquals(201, made.status(), made.body());
        long id = made.json().at("/webhook/id").asLong();
        long buyer = platform.kindred().accounts.register("late@webhooks.test", "member-password-1", "Late", null).id();
        assertEquals(201, platform.apiClient("shop").post("/api/v1/admin/purchases", Map.of("userId", buyer,
                "externalOrderId", "LATE-1", "amount", 500, "currency", "CNY")).status());

        await(() -> receiver.hits("/down") == 1, "the first attempt");
        clock.advance(Duration.ofMillis(150));
        await(() -> receiver.hits("/down") == 2, "the first retry");
        clock.advance(Duration.ofDays(3));
        await(() -> receiver.hits("/down") == 3, "a retry three days later");
        await(() -> delivery(admin, id).path("status").asText().equals("failed"), "given up");

        JsonNode endpoint = admin.get("/api/v1/admin/webhooks/" + id).json().path("webhook");
        assertFalse(endpoint.path("enabled").asBoolean());
        assertTrue(endpoint.path("disabledReason").asText().contains("failed for 3 days"), endpoint.toString());
        assertEquals(3, delivery(admin, id).path("attempts").asInt());

        receiver.answer("/down", attempt -> 200);
        assertEquals(200, admin.patch("/api/v1/admin/webhooks/" + id, Map.of("enabled", true)).status());
        long deliveryId = delivery(admin, id).path("id").asLong();
        assertEquals(202, admin.post("/api/v1/admin/webhooks/deliveries/" + deliveryId + "/redeliver", Map.of()).status());
        await(() -> delivery(admin, id).path("status").asText().equals("delivered"), "delivered at last");
        assertEquals(1, delivery(admin, id).path("attempts").asInt(), "the redelivery started afresh");
    }

    private static JsonNode delivery(Http admin, long endpoint) {
        return admin.get("/api/v1/admin/webhooks/" + endpoint + "/deliveries").json().path("items").path(0);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
