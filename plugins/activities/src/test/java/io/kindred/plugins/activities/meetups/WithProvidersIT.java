package io.kindred.plugins.activities.meetups;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.kindred.plugins.activities.meetups.MeetupFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With membership and community: tier events, photos and the community recap (through kindred-api's CommunityPosts). */
class WithProvidersIT {

    private static final MutableClock clock = new MutableClock(START);
    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = platform(clock).plugin(IT_PLUGINS.resolve("kindred-plugin-membership.jar"))
                .plugin(IT_PLUGINS.resolve("kindred-plugin-community.jar")).start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aTierEventIsOfferedAndRefusesMembersBelowTheTier() {
        assertTrue(admin.get("/console/activities/events").body().contains("value=\"tier\""));
        Map<String, Object> e = event("V3 dinner", 10, 0);
        e.put("audience", "tier");
        e.put("audienceValue", "3");
        long id = create(admin, e);
        Http newcomer = memberWithPoints(p, admin, "new@meet.test", 0);
        assertEquals("not_eligible", newcomer.post("/api/v1/activities/events/" + id + "/join", Map.of()).errorCode());
        Map<String, Object> plan = event("Card holders brunch", 10, 0);
        plan.put("audience", "plan");
        long planId = create(admin, plan);
        assertEquals("not_eligible", newcomer.post("/api/v1/activities/events/" + planId + "/join", Map.of()).errorCode());
    }

    @Test
    void participantsAddPhotosAndPublishOneRecapOnTheCommunityBoard() throws Exception {
        long id = create(admin, event("Picnic in the park", 10, 0));
        Http lily = memberWithPoints(p, admin, "picnic@meet.test", 0);
        join(lily, id);
        clock.set(java.time.Instant.parse("2026-03-20T14:00:00Z"));
        try {
            Path png = Files.createTempFile("photo", ".png");
            javax.imageio.ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
            Http.Response cover = admin.postMultipart("/api/v1/admin/activities/events/" + id + "/cover", Map.of(), "cover", png);
            assertEquals(200, cover.status(), cover.body());
            assertTrue(cover.json().path("event").path("coverUrl").asText().startsWith("/uploads/activities/"));
            Http.Response added = lily.postMultipart("/api/v1/activities/events/" + id + "/photos", Map.of(), "photos", png);
            assertEquals(201, added.status(), added.body());
            assertEquals(1, lily.get("/api/v1/activities/events/" + id + "/photos").json().path("items").size());
            assertTrue(lily.get("/activities/events/" + id).body().contains("/recap\""), "the recap form shows");
            Http.Response recap = lily.post("/api/v1/activities/events/" + id + "/recap",
                    Map.of("title", "Our picnic", "body", "Twelve of us met under the cherry trees."));
            assertEquals(200, recap.status(), recap.body());
            long postId = recap.json().path("postId").asLong();
            assertEquals(postId, lily.post("/api/v1/activities/events/" + id + "/recap", Map.of("body", "again"))
                    .json().path("postId").asLong(), "one recap per event");
            assertEquals(200, p.http().get("/community/posts/" + postId).status());
        } finally {
            clock.set(START);
        }
    }
}
