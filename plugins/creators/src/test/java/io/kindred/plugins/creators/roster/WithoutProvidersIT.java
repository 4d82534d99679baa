package io.kindred.plugins.creators.roster;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With community, distribution and membership disabled, certification still works and their figures hide. */
class WithoutProvidersIT {

    @TempDir
    static Path dir;
    private static TestPlatform p;

    @BeforeAll
    static void start() {
        p = Fixture.platform(new MutableClock(Fixture.START), dir)
                .disabled("community").disabled("distribution").disabled("membership").start();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void anApprovalWithGrantsOfDisabledPluginsCertifiesAndGrantsThePoints() {
        Http jo = p.member("jo@creators.test", "Jo");
        long id = Fixture.userId(jo);
        Fixture.approve(p, 301, id, true, "creator_card", 70);
        Fixture.approve(p, 301, id, true, "creator_card", 70);
        assertEquals(70, Fixture.points(jo));
        var creator = Fixture.creator(p, id);
        assertTrue(creator.path("certified").asBoolean());
        assertTrue(creator.path("performance").path("posts").isNull(), creator.toString());
        assertTrue(creator.path("performance").path("sales").isNull());
        String history = creator.path("history").toString();
        assertTrue(history.contains("rights_skipped") && history.contains("plan_skipped"), history);
        Fixture.ledgerHolds(p);
    }

    @Test
    void everyPageAnswersAndHidesTheFiguresOfDisabledPlugins() {
        Http kim = p.member("kim@creators.test", "Kim");
        long id = Fixture.userId(kim);
        Fixture.approve(p, 302, id, false, null, 0);
        String roster = p.admin().get("/console/creators").body();
        assertTrue(roster.contains("creator-" + id), roster);
        assertFalse(roster.contains("Likes received"));
        assertFalse(roster.contains("Referred sales"));
        assertEquals(200, p.admin().get("/console/creators/roster/" + id).status());
        assertEquals(200, p.admin().get("/console/creators/reports").status());
        assertEquals(200, p.admin().get("/api/v1/admin/creators/reports").status());
        assertEquals(200, kim.get("/creators/me").status());
        assertEquals(200, kim.get("/creators/me/certificate.pdf").status());
        assertEquals(200, kim.get("/").status());
        assertTrue(kim.get("/account").body().contains("/creators/me"));
        assertEquals(200, p.admin().post("/api/v1/admin/creators/roster/" + id + "/suspend", Map.of()).status());
        assertEquals(200, p.admin().post("/api/v1/admin/creators/roster/" + id + "/reinstate", Map.of()).status());
    }
}
