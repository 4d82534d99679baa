package io.kindred.plugins.creators.roster;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.plugins.creators.roster.fake.FakeCampaignsPlugin;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.PluginJars;
import io.kindred.testkit.TestPlatform;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the roster tests share: the creators jar with the real plugins next to it, an approval, balances. */
final class Fixture {

    static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));
    static final Path IT_PLUGINS = Path.of(System.getProperty("kindred.it.plugins"));
    static final Instant START = Instant.parse("2026-03-10T04:00:00Z");

    private Fixture() {
    }

    /** The creators plugin, the fake campaigns part and the community, distribution and membership plugins. */
    static TestPlatform.Builder platform(MutableClock clock, Path dir) {
        return TestPlatform.builder().plugin(JAR).clock(clock).setting("site.timezone", "UTC")
                .plugin(IT_PLUGINS.resolve("kindred-plugin-community.jar"))
                .plugin(IT_PLUGINS.resolve("kindred-plugin-distribution.jar"))
                .plugin(IT_PLUGINS.resolve("kindred-plugin-membership.jar"))
                .plugin(IT_PLUGINS.resolve("kindred-plugin-checkin.jar"))
                .plugin(PluginJars.build(dir, "fake-campaigns", FakeCampaignsPlugin.class))
                .setting("community.newMemberPostsPerDay", "1000").setting("community.postsPerTenMinutes", "1000")
                .setting("community.newMemberCommentsPerDay", "1000").setting("community.commentsPerMinute", "1000");
    }

    static long userId(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }

    /** Publishes {@code creators.application_approved} as the campaigns part would, and waits for its delivery. */
    static void approve(TestPlatform p, long applicationId, long userId, boolean rights, String plan, long points) {
        Map<String, Object> grants = new HashMap<>();
        grants.put("distributionRights", rights);
        grants.put("planCode", plan);
        grants.put("points", points);
        Http.Response r = p.admin().post("/api/v1/fake-campaigns/approved", Map.of("applicationId", applicationId,
                "campaignId", 1, "userId", userId, "category", "beauty", "level", "kol", "title", "美妆达人 Beauty KOL",
                "grants", grants));
        assertEquals(200, r.status(), r.body());
        p.awaitEvents();
    }

    static long points(Http member) {
        return member.get("/api/v1/me/balances").json().path("balances").path("points").asLong();
    }

    static JsonNode creator(TestPlatform p, long userId) {
        Http.Response r = p.admin().get("/api/v1/admin/creators/roster/" + userId);
        assertEquals(200, r.status(), r.body());
        return r.json().path("creator");
    }

    static void ledgerHolds(TestPlatform p) {
        Http.Response check = p.admin().get("/api/v1/admin/ledger/check");
        assertTrue(check.json().path("ok").asBoolean(), check.body());
    }
}
