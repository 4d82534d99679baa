package io.kindred.plugins.creators.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the campaign tests share: the plugin jar, a clock on 10 March 2026, campaigns, members and applications. */
final class CampaignFixture {

    static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));
    static final Instant START = Instant.parse("2026-03-10T04:00:00Z");
    static final String ID_NUMBER = "110101199003071234";

    private CampaignFixture() {
    }

    static MutableClock clock() {
        return new MutableClock(START);
    }

    static TestPlatform.Builder platform(MutableClock clock) {
        return TestPlatform.builder().plugin(JAR).clock(clock).setting("site.timezone", "UTC");
    }

    /** Every field of the catalogue; name, phone and identity required. */
    static List<Map<String, Object>> fullForm() {
        return List.of(field("name", true), field("phone", true), field("address", false), field("identity", true),
                field("talents", false), field("content_types", false), field("social_accounts", false),
                field("sample_links", false), field("free_text", false));
    }

    static Map<String, Object> field(String type, boolean required) {
        return Map.of("type", type, "required", required);
    }

    /** Creates an open campaign from 1 to 31 March 2026 and returns its id. */
    static long campaign(Http admin, String title, int quota) {
        return campaign(admin, title, quota, "open", "2026-03-01", "2026-03-31");
    }

    static long campaign(Http admin, String title, int quota, String status, String startsOn, String endsOn) {
        Http.Response r = admin.post("/api/v1/admin/creators/campaigns", Map.of("title", title, "category", "beauty",
                "startsOn", startsOn, "endsOn", endsOn, "quota", quota, "description", "Skincare lovers wanted.\nSend samples.",
                "status", status, "form", fullForm()));
        assertEquals(201, r.status(), r.body());
        return r.json().path("campaign").path("id").asLong();
    }

    /** A full set of answers. */
    static Map<String, Object> answers(String name) {
        Map<String, Object> a = new HashMap<>();
        a.put("name", name);
        a.put("phone", "+86 138 0013 8000");
        a.put("address", "1 Garden Road, Hangzhou");
        a.put("identityType", "id_card");
        a.put("identityNumber", ID_NUMBER);
        a.put("talents", List.of("makeup", "skincare"));
        a.put("contentTypes", List.of("short video", "notes"));
        a.put("socialAccounts", List.of(Map.of("platform", "xiaohongshu", "handle", "lily_beauty", "followers", 12_000)));
        a.put("sampleLinks", List.of("https://example.com/lily/1"));
        a.put("freeText", "I review a serum every week.");
        return a;
    }

    /** Applies with full answers and returns the application. */
    static JsonNode apply(Http member, long campaignId, String name) {
        Http.Response r = member.post("/api/v1/creators/campaigns/" + campaignId + "/applications", answers(name));
        assertEquals(201, r.status(), r.body());
        return r.json().path("application");
    }

    static JsonNode move(Http admin, long id, String to, String note) {
        Http.Response r = admin.post("/api/v1/admin/creators/applications/" + id + "/transition", Map.of("to", to, "note", note));
        assertEquals(200, r.status(), r.body());
        return r.json().path("application");
    }

    static Map<String, Object> approval() {
        return Map.of("category", "beauty", "level", "kol", "title", "Skincare reviewer",
                "grants", Map.of("distributionRights", true, "planCode", "gold", "points", 500), "note", "Great fit");
    }

    static int events(TestPlatform p, String type) {
        return p.kindred().database.read(h -> h.createQuery("SELECT COUNT(*) FROM events WHERE type = :t")
                .bind("t", type).mapTo(Integer.class).one());
    }

    static long userId(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }
}
