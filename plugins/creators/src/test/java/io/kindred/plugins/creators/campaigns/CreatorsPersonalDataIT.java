package io.kindred.plugins.creators.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.kindred.plugins.creators.campaigns.CampaignFixture.ID_NUMBER;
import static io.kindred.plugins.creators.campaigns.CampaignFixture.answers;
import static io.kindred.plugins.creators.campaigns.CampaignFixture.campaign;
import static io.kindred.plugins.creators.campaigns.CampaignFixture.move;
import static io.kindred.plugins.creators.campaigns.CampaignFixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An applicant's export shows their answers masked; erasure removes every answer and takes them off the roster. */
class CreatorsPersonalDataIT {

    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = CampaignFixture.platform(CampaignFixture.clock()).start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    private static Map<String, Object> distinctive() {
        Map<String, Object> a = answers("Zq7x Lin");
        a.put("phone", "+86 139 7777 0421");
        a.put("address", "zq7x-address 9 Willow Lane");
        a.put("socialAccounts", List.of(Map.of("platform", "douyin", "handle", "zq7x_handle", "followers", 900)));
        a.put("freeText", "zq7x-note about my skin");
        return a;
    }

    @Test
    void erasureDeletesUndecidedApplicationsEmptiesDecidedOnesAndRemovesTheCreator() throws Exception {
        Http zq = p.member("pd-applicant@kindred.test", "Applicant PD");
        long userId = userId(zq);
        long approvedId = applyWith(zq, campaign(admin, "PD approved", 10));
        applyWith(zq, campaign(admin, "PD pending", 10));
        move(admin, approvedId, "screening", "Looks fine");
        move(admin, approvedId, "interview", "Call");
        Http.Response approved = admin.post("/api/v1/admin/creators/applications/" + approvedId + "/approve",
                Map.of("category", "beauty", "level", "kol", "title", "Skincare reviewer",
                "grants", Map.of("distributionRights", false, "points", 100)));
        assertEquals(200, approved.status(), approved.body());
        p.awaitEvents();

        JsonNode before = section(userId);
        assertEquals(2, before.path("applications").size(), before.toString());
        JsonNode answers = before.path("applications").path(0).path("answers");
        assertEquals("Zq7x Lin", answers.path("name").asText());
        assertEquals("zq7x_handle", answers.path("socialAccounts").path(0).path("handle").asText());
        assertEquals("1101**********1234", answers.path("identity").path("number").asText());
        assertFalse(before.toString().contains(ID_NUMBER), before.toString());
        assertEquals("active", before.path("creator").path("status").asText(), before.toString());

        erase(userId);
        JsonNode after = section(userId);
        assertEquals(1, after.path("applications").size(), after.toString());
        JsonNode kept = after.path("applications").path(0);
        assertEquals(approvedId, kept.path("id").asLong());
        assertEquals("approved", kept.path("status").asText());
        assertEquals(0, kept.path("answers").size(), kept.toString());
        assertEquals("removed", after.path("creator").path("status").asText());
        assertTrue(after.path("creator").path("certificateCode").isNull(), after.toString());
        assertTrue(p.kindred().invariants.check().isEmpty());

        erase(userId);
        assertEquals(after, section(userId));
        assertNotInDatabase("Zq7x", "zq7x", "7777 0421", "Applicant PD");
    }

    private static long applyWith(Http member, long campaign) {
        Http.Response r = member.post("/api/v1/creators/campaigns/" + campaign + "/applications", distinctive());
        assertEquals(201, r.status(), r.body());
        return r.json().path("application").path("id").asLong();
    }

    private static JsonNode section(long userId) {
        Http.Response r = admin.get("/api/v1/admin/users/" + userId + "/export");
        assertEquals(200, r.status(), r.body());
        JsonNode s = r.json().path("plugins").path("creators");
        assertTrue(s.isObject(), r.body());
        return s;
    }

    private static void erase(long userId) {
        p.erase(userId);
    }

    /** Reads the bytes of the database file and its write-ahead log after a checkpoint, as an attacker with a copy would. */
    private static void assertNotInDatabase(String... needles) throws Exception {
        String file = p.databaseText();
        for (String needle : needles) {
            assertFalse(file.contains(needle), needle + " is still in the database file or its write-ahead log");
        }
    }
}
