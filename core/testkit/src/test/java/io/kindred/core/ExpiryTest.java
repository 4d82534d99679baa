package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Points with the {@code end_of_month} expiry policy: lots are spent oldest first, and the expiry job ends
 * exactly what is left of an old lot, once, at the end of the month in the site's time zone.
 */
class ExpiryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));
    private TestPlatform platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private void start(String timezone) {
        platform = TestPlatform.builder().clock(clock)
                .setting("ledger.points.expiry", "end_of_month")
                .setting("site.timezone", timezone)
                .start();
    }

    @Test
    void theExpiryJobFirstRunsTenMinutesAfterTheStartAsDocumented() {
        Instant before = Instant.now();
        start("UTC");

        JsonNode expiry = null;
        for (JsonNode job : platform.admin().get("/api/v1/admin/jobs").json().path("items")) {
            if (job.path("plugin").asText().equals("core") && job.path("name").asText().equals("expire-lots")) {
                expiry = job;
            }
        }

        assertEquals("every 10m", expiry.path("schedule").asText(), String.valueOf(expiry));
        assertTrue(expiry.path("lastRun").isNull(), String.valueOf(expiry));
        Instant next = Instant.parse(expiry.path("nextRun").asText());
        assertTrue(!next.isBefore(before.plusSeconds(9 * 60 + 30)), "first run due at " + next + ", started at " + before);
    }

    @Test
    void aMemberWithPointsExpiringWithin30DaysIsToldOnceAMonth() {
        start("UTC");
        Http shop = platform.apiClient("shop");
        Http member = platform.member("reminded@expiry.test", "Reminded");
        long id = member.get("/api/v1/me").json().at("/user/id").asLong();
        assertEquals(201, adjust(shop, id, 100, "january").status());
        assertEquals(200, platform.admin().post("/api/v1/admin/jobs/core/remind-expiring-points/run", java.util.Map.of()).status());
        assertEquals(200, platform.admin().post("/api/v1/admin/jobs/core/remind-expiring-points/run", java.util.Map.of()).status());
        JsonNode items = member.get("/api/v1/me/notifications").json().path("items");
        assertEquals(1, items.size(), items.toString());
        assertEquals("100 points expire soon", items.get(0).path("title").asText());
        assertEquals("Spend them by 2026-01-31, after that they are gone.", items.get(0).path("body").asText());
    }

    @Test
    void netChangeSinceCountsCreditsMinusDebitsFromTheGivenMomentOn() {
        start("UTC");
        Http shop = platform.apiClient("shop");
        Http member = platform.member("window@expiry.test", "Window");
        long id = member.get("/api/v1/me").json().at("/user/id").asLong();
        assertEquals(201, adjust(shop, id, 100, "january").status());
        clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        assertEquals(201, adjust(shop, id, 40, "march").status());
        assertEquals(201, adjust(shop, id, -25, "spend").status());
        var ledger = platform.kindred().ledger;
        long[] windows = platform.kindred().database.read(h -> new long[]{
                ledger.netChangeSince(h, id, "points", Instant.parse("2026-01-01T00:00:00Z")),
                ledger.netChangeSince(h, id, "points", Instant.parse("2026-03-01T00:00:00Z")),
                ledger.netChangeSince(h, id, "points", Instant.parse("2026-03-01T00:00:00.001Z")),
                ledger.netChangeSince(h, id, "points", Instant.parse("2026-01-01T00:00:00Z").minusSeconds(1)),
                ledger.netChangeSince(h, id + 1000, "points", Instant.EPOCH)});
        assertEquals(115, windows[0], "everything");
        assertEquals(15, windows[1], "the start is inclusive: March's 40 minus the 25 spent");
        assertEquals(0, windows[2]);
        assertEquals(115, windows[3]);
        assertEquals(0, windows[4], "no account");
    }

    @Test
    void pointsFromTwoMonthsAreSpentOldestFirstAndTheRestOfTheOldLotExpiresOnce() {
        start("UTC");
        Http shop = platform.apiClient("shop");
        Http member = platform.member("saver@expiry.test", "Saver");
        long id = member.get("/api/v1/me").json().at("/user/id").asLong();

        assertEquals(201, adjust(shop, id, 100, "january").status());
        JsonNode january = member.get("/api/v1/me/balances").json();
        assertEquals(100, january.at("/balances/points").asLong());
        assertEquals(List.of(expiring(100, "2026-02-01T00:00:00Z", "2026-01-31")), expiringPoints(january));

        clock.set(Instant.parse("2026-02-03T09:00:00Z"));
        assertEquals(201, adjust(shop, id, 50, "february").status());
        assertEquals(201, adjust(shop, id, -30, "spend").status());

        JsonNode beforeExpiry = member.get("/api/v1/me/balances").json();
        assertEquals(120, beforeExpiry.at("/balances/points").asLong());
        assertEquals(List.of(expiring(70, "2026-02-01T00:00:00Z", "2026-01-31"),
                expiring(50, "2026-03-01T00:00:00Z", "2026-02-28")), expiringPoints(beforeExpiry),
                "the spend came out of January's lot");

        assertEquals(1, platform.kindred().expiry.expireDue(clock.millis()));
        assertEquals(0, platform.kindred().expiry.expireDue(clock.millis()), "a second run finds nothing");

        JsonNode after = member.get("/api/v1/me/balances").json();
        assertEquals(50, after.at("/balances/points").asLong());
        assertEquals(List.of(expiring(50, "2026-03-01T00:00:00Z", "2026-02-28")), expiringPoints(after));
        List<JsonNode> expired = new ArrayList<>();
        member.get("/api/v1/me/ledger?asset=points").json().path("items").forEach(item -> {
            if (item.path("reason").asText().equals("expired")) {
                expired.add(item);
            }
        });
        assertEquals(1, expired.size(), "one expiry entry");
        assertEquals(-70, expired.get(0).path("amount").asLong());
        assertEquals(50, expired.get(0).path("balanceAfter").asLong());
        assertEquals(List.of(), platform.kindred().invariants.check());
    }

    @Test
    void aSpendLargerThanTheOldLotTakesTheRestFromTheNewerOneAndNothingIsLeftToExpire() {
        start("UTC");
        Http shop = platform.apiClient("shop");
        Http member = platform.member("spender@expiry.test", "Spender");
        long id = member.get("/api/v1/me").json().at("/user/id").asLong();
        assertEquals(201, adjust(shop, id, 100, "january").status());
        clock.set(Instant.parse("2026-02-03T09:00:00Z"));
        assertEquals(201, adjust(shop, id, 50, "february").status());

        assertEquals(201, adjust(shop, id, -120, "spend").status());

        assertEquals(0, platform.kindred().expiry.expireDue(clock.millis()));
        JsonNode balances = member.get("/api/v1/me/balances").json();
        assertEquals(30, balances.at("/balances/points").asLong());
        assertEquals(List.of(expiring(30, "2026-03-01T00:00:00Z", "2026-02-28")), expiringPoints(balances));
        assertEquals(List.of(), platform.kindred().invariants.check());
    }

    @Test
    void theEndOfTheMonthIsCountedInTheSiteTimezone() {
        start("Asia/Shanghai");
        Http shop = platform.apiClient("shop");
        Http member = platform.member("shanghai@expiry.test", "Shanghai");
        long id = member.get("/api/v1/me").json().at("/user/id").asLong();

        clock.set(Instant.parse("2026-01-31T15:30:00Z")); // 23:30 on 31 January in Shanghai
        assertEquals(201, adjust(shop, id, 10, "last evening of january").status());
        clock.set(Instant.parse("2026-01-31T16:30:00Z")); // 00:30 on 1 February in Shanghai
        assertEquals(201, adjust(shop, id, 20, "first night of february").status());

        assertEquals(List.of(expiring(10, "2026-01-31T16:00:00Z", "2026-01-31"),
                        expiring(20, "2026-02-28T16:00:00Z", "2026-02-28")),
                expiringPoints(member.get("/api/v1/me/balances").json()));

        long shanghaiMidnight = Instant.parse("2026-01-31T16:00:00Z").toEpochMilli();
        assertEquals(0, platform.kindred().expiry.expireDue(shanghaiMidnight - 1));
        assertEquals(1, platform.kindred().expiry.expireDue(shanghaiMidnight));
        assertEquals(20, platform.kindred().ledger.balance(id, "points"));
        assertEquals(List.of(), platform.kindred().invariants.check());
    }

    private static Http.Response adjust(Http shop, long userId, long amount, String key) {
        Http.Response r = shop.post("/api/v1/admin/ledger/adjustments",
                Map.of("userId", userId, "asset", "points", "amount", amount, "reason", key),
                Map.of("Idempotency-Key", key));
        return r;
    }

    private static Map<String, Object> expiring(long amount, String expiresAt, String lastDay) {
        return Map.of("amount", amount, "expiresAt", expiresAt, "lastDay", lastDay);
    }

    private static List<Map<String, Object>> expiringPoints(JsonNode balances) {
        List<Map<String, Object>> out = new ArrayList<>();
        balances.at("/expiring/points").forEach(e -> out.add(Map.of("amount", e.path("amount").asLong(),
                "expiresAt", e.path("expiresAt").asText(), "lastDay", e.path("lastDay").asText())));
        return out;
    }
}
