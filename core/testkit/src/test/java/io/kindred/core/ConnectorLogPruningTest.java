package io.kindred.core;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The connectors' delivery log, raw bodies included, is kept {@code connectors.log-days} days, then pruned by a daily job. */
class ConnectorLogPruningTest {

    @Test
    void theDailyJobDeletesLogLinesOlderThanTheSetting() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
        try (TestPlatform p = TestPlatform.builder().clock(clock).setting("connectors.log-days", "7").start()) {
            ShopPushes shops = new ShopPushes(p);
            assertEquals(303, shops.configure("woocommerce", "woo-prune-secret-0123", null).status());
            shops.woocommerce("order.updated", "old-delivery", "{\"id\": 1, \"status\": \"pending\"}", "woo-prune-secret-0123");
            clock.advance(Duration.ofDays(6));
            shops.woocommerce("order.updated", "recent-delivery", "{\"id\": 2, \"status\": \"pending\"}", "woo-prune-secret-0123");
            clock.advance(Duration.ofDays(2));

            Http.Response run = p.admin().post("/api/v1/admin/jobs/core/prune-connector-log/run", Map.of());

            assertEquals(200, run.status(), run.body());
            assertEquals(1, run.json().at("/job/count").asInt(), run.body());
            assertEquals(List.of(), shops.outcomes("woocommerce", "old-delivery"));
            assertEquals(List.of("ignored"), shops.outcomes("woocommerce", "recent-delivery"));
        }
    }
}
