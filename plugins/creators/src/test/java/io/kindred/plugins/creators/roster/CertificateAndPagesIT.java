package io.kindred.plugins.creators.roster;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The certificate (PNG, PDF, public check), the V mark in the community, the roster figures and featured creators. */
class CertificateAndPagesIT {

    @TempDir
    static Path dir;
    private static final MutableClock CLOCK = new MutableClock(Fixture.START);
    private static TestPlatform p;

    @BeforeAll
    static void start() {
        p = Fixture.platform(CLOCK, dir).start();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void theCertificateIsAPngAndAPdfAndVerifiesUntilRemoved() {
        Http fay = p.member("fay@creators.test", "Fay");
        long id = Fixture.userId(fay);
        Fixture.approve(p, 201, id, false, null, 0);
        String code = fay.get("/api/v1/creators/me").json().path("certificate").path("code").asText();

        Http.Response png = fay.get("/creators/me/certificate.png");
        assertEquals(200, png.status());
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png.bytes(), 4));
        Http.Response pdf = fay.get("/creators/me/certificate.pdf");
        assertEquals(200, pdf.status());
        assertEquals("%PDF", new String(Arrays.copyOf(pdf.bytes(), 4), StandardCharsets.US_ASCII));
        assertTrue(fay.get("/creators/me").body().contains(code));

        Http stranger = p.http();
        Http.Response page = stranger.get("/certificates/" + code);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Fay") && page.body().contains("Valid certificate"), page.body());
        assertEquals("valid", stranger.get("/api/v1/creators/certificates/" + code).json().path("certificate").path("status").asText());

        assertEquals(200, p.admin().post("/api/v1/admin/creators/roster/" + id + "/remove", Map.of()).status());
        assertTrue(stranger.get("/certificates/" + code).body().contains("Revoked"));
        assertEquals("revoked", stranger.get("/api/v1/creators/certificates/" + code).json().path("certificate").path("status").asText());
        assertEquals(404, stranger.get("/certificates/KC-NOPE0-NOPE0").status());
        assertEquals("certificate_not_found", stranger.get("/api/v1/creators/certificates/KC-NOPE0-NOPE0").errorCode());
    }

    @Test
    void theVMarkShowsNextToACreatorsNameOnTheirPost() {
        Http gus = p.member("gus@creators.test", "Gus");
        Fixture.approve(p, 202, Fixture.userId(gus), false, null, 0);
        Http.Response post = gus.post("/api/v1/community/posts", Map.of("categoryId", 1, "title", "My first review", "body", "Lovely."));
        assertEquals(201, post.status(), post.body());
        String page = p.http().get("/community/posts/" + post.json().path("post").path("id").asLong()).body();
        assertTrue(page.contains("class=\"vmark\""), page);
    }

    @Test
    void aCreatorsOnlyCategoryOpensToACertifiedCreator() {
        Http.Response cat = p.admin().post("/api/v1/admin/community/categories", Map.of("slug", "lounge", "name", "Creators lounge",
                "postAccess", "creators"));
        assertEquals(2, cat.status() / 100, cat.body());
        long category = cat.json().path("category").path("id").asLong();
        Http lea = p.member("lea@creators.test", "Lea");
        Map<String, Object> post = Map.of("categoryId", category, "title", "Hello lounge", "body", "Hi all.");
        assertEquals(403, lea.post("/api/v1/community/posts", post).status());
        Fixture.approve(p, 205, Fixture.userId(lea), false, null, 0);
        Http.Response ok = lea.post("/api/v1/community/posts", post);
        assertEquals(201, ok.status(), ok.body());
    }

    @Test
    void aCreatorTicksReadingTasksAndAnOperatorMarksTheAssessment() {
        Http max = p.member("max@creators.test", "Max");
        long id = Fixture.userId(max);
        assertEquals("creator_not_found", max.post("/api/v1/creators/me/onboarding/handbook", Map.of()).errorCode());
        Fixture.approve(p, 206, id, false, null, 0);
        Http.Response ticked = max.post("/api/v1/creators/me/onboarding/handbook", Map.of());
        assertEquals(200, ticked.status(), ticked.body());
        assertTrue(ticked.json().path("onboarding").path(0).path("done").asBoolean());
        assertEquals("task_not_found", max.post("/api/v1/creators/me/onboarding/first-post", Map.of()).errorCode());
        assertEquals(200, p.admin().post("/api/v1/admin/creators/roster/" + id + "/onboarding/first-post", Map.of()).status());
        var tasks = max.get("/api/v1/creators/me").json().path("onboarding");
        assertTrue(tasks.path(0).path("done").asBoolean() && tasks.path(2).path("done").asBoolean(), tasks.toString());
        assertFalse(tasks.path(1).path("done").asBoolean());
        assertTrue(p.admin().get("/console/creators/roster/" + id).body().contains("task-first-post"));

        Http.Response patched = p.admin().patch("/api/v1/admin/creators/roster/" + id, Map.of("level", "top_kol"));
        assertEquals("top_kol", patched.json().path("creator").path("level").asText(), patched.body());
        Http.Response checkin = max.post("/api/v1/checkins", Map.of());
        assertEquals(2, checkin.status() / 100, checkin.body());
        p.awaitEvents();
        assertEquals(1, Fixture.creator(p, id).path("performance").path("checkinDays").asLong());
    }

    @Test
    void theRosterShowsPostsLikesAndCommentsAsSeeded() {
        Http hal = p.member("hal@creators.test", "Hal");
        long id = Fixture.userId(hal);
        Fixture.approve(p, 203, id, false, null, 0);
        Http fan = p.member("hal-fan@creators.test", "Fan");
        for (int i = 0; i < 3; i++) {
            long post = hal.post("/api/v1/community/posts", Map.of("categoryId", 1, "title", "Post " + i, "body", "Text " + i))
                    .json().path("post").path("id").asLong();
            if (i < 2) {
                assertEquals(200, fan.post("/api/v1/community/posts/" + post + "/like", Map.of()).status() / 100 * 100);
            }
            hal.post("/api/v1/community/posts/" + post + "/comments", Map.of("body", "A note " + i));
        }
        var figures = Fixture.creator(p, id).path("performance");
        assertEquals(3, figures.path("posts").asLong(), figures.toString());
        assertEquals(2, figures.path("likes").asLong(), figures.toString());
        assertEquals(3, figures.path("comments").asLong(), figures.toString());
        assertEquals(0, figures.path("sales").asLong());
        String roster = p.admin().get("/console/creators").body();
        assertTrue(roster.contains("creator-" + id) && roster.contains("Likes received"), roster);
        Http.Response report = p.admin().get("/api/v1/admin/creators/reports?month=2026-03");
        assertEquals(200, report.status(), report.body());
        assertTrue(report.json().path("report").path("categories").path(0).path("posts").asLong() >= 3, report.body());
        assertEquals(200, p.admin().get("/console/creators/reports?month=2026-03").status());
        String csv = p.admin().get("/console/creators/reports.csv?month=2026-03").body();
        assertTrue(csv.contains("new_creators") && csv.contains("beauty"), csv);
        assertEquals(200, p.admin().get("/console/creators/roster/" + id).status());
    }

    @Test
    void aFeaturedCreatorShowsOnTheHomePageAndTheCommunityDuringThePeriodOnly() {
        Http ivy = p.member("ivy@creators.test", "Ivy");
        long id = Fixture.userId(ivy);
        Fixture.approve(p, 204, id, false, null, 0);
        var now = CLOCK.instant();
        Http.Response f = p.admin().post("/api/v1/admin/creators/roster/" + id + "/featured",
                Map.of("from", now.plus(Duration.ofDays(1)).toString(), "to", now.plus(Duration.ofDays(3)).toString()));
        assertEquals(201, f.status(), f.body());
        String onCommunity = "href=\"/community/members/" + id + "\"";
        assertFalse(ivy.get("/").body().contains("featured-creator-" + id));
        assertFalse(ivy.get("/community").body().contains("id=\"featured-creators\""));
        CLOCK.advance(Duration.ofDays(2));
        assertTrue(ivy.get("/").body().contains("featured-creator-" + id));
        String community = ivy.get("/community").body();
        assertTrue(community.contains("id=\"featured-creators\"") && community.contains(onCommunity),
                "the community's featured creators show Ivy: " + community);
        CLOCK.advance(Duration.ofDays(2));
        assertFalse(ivy.get("/").body().contains("featured-creator-" + id));
        assertFalse(ivy.get("/community").body().contains("id=\"featured-creators\""));
    }
}
