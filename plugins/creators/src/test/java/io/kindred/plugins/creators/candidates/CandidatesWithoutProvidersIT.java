package io.kindred.plugins.creators.candidates;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With community stopped while running and distribution disabled from the start, their filters are refused and hidden, and the candidates page still works. */
class CandidatesWithoutProvidersIT {

    @Test
    void communityAndDistributionDisabledTheirFiltersAreRefusedAndHiddenAndNothingBreaks() {
        try (TestPlatform p = CandidatesFixture.platform(new MutableClock(CandidatesFixture.START))
                .disabled("distribution").start()) {
            Http admin = p.admin();
            assertEquals(200, admin.get("/api/v1/admin/users?minPosts=1").status(), "community runs: its filter is there");
            assertEquals(200, admin.post("/api/v1/admin/plugins/community/disable", Map.of()).status(), "stopped while running");
            Http amy = CandidatesFixture.member(p, "amy@kindred.test", "Amy", null);
            CandidatesFixture.purchase(p, p.apiClient("shop"), CandidatesFixture.userId(amy), "O-1", 10_00);
            for (String f : List.of("minPosts", "minLikesReceived", "minComments", "minFans")) {
                Http.Response r = admin.get("/api/v1/admin/users?" + f + "=1");
                assertEquals(400, r.status(), f);
                assertEquals("invalid_field", r.errorCode(), f);
            }
            Http.Response api = admin.get("/api/v1/admin/creators/candidates?minFans=1");
            assertEquals(400, api.status(), "a creator filter of a stopped plugin is refused, not ignored");
            assertEquals("invalid_field", api.errorCode());
            Http.Response list = admin.get("/api/v1/admin/creators/candidates?minStreak=1");
            assertEquals(200, list.status(), list.body());
            assertTrue(admin.get("/api/v1/admin/creators/candidates").json().path("items").get(0).path("fans").isNull());
            for (String lang : List.of("en", "zh-CN")) {
                admin.header("Accept-Language", lang);
                Http.Response page = admin.get("/console/creators/candidates?minPosts=1&minStreak=1");
                assertEquals(200, page.status(), page.body());
                assertFalse(page.body().contains("name=\"minPosts\""), "community's fields are hidden");
                assertFalse(page.body().contains("name=\"minFans\""), "distribution's fields are hidden");
                assertTrue(page.body().contains("name=\"minStreak\""), "check-in's field is there");
                assertTrue(page.body().contains("name=\"tier\""), "membership's field is there");
            }
            admin.header("Accept-Language", "en");
            Http.Response page = admin.get("/console/creators/candidates");
            assertTrue(page.body().contains("data-id=\"" + CandidatesFixture.userId(amy) + "\""), page.body());
            assertEquals(200, admin.get("/console/creators/candidates.csv").status());
            Http.Response invite = admin.form("/console/creators/candidates").submit("/console/creators/candidates/invite",
                    "campaign", "1");
            assertEquals(303, invite.status());
            assertTrue(CandidatesFixture.location(invite).contains("error="), "no campaigns table: nothing to invite to");
        }
    }
}
