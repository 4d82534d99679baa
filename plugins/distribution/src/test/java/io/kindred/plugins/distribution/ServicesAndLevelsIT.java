package io.kindred.plugins.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.plugins.distribution.fake.FakeCreatorsPlugin;
import io.kindred.testkit.Http;
import io.kindred.testkit.PluginJars;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.distribution.Fixture.code;
import static io.kindred.plugins.distribution.Fixture.frozen;
import static io.kindred.plugins.distribution.Fixture.grant;
import static io.kindred.plugins.distribution.Fixture.me;
import static io.kindred.plugins.distribution.Fixture.member;
import static io.kindred.plugins.distribution.Fixture.purchase;
import static io.kindred.plugins.distribution.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services of kindred-api that this plugin provides, called by another plugin (a stand-in for creators); the
 * distributor levels (fans lift a distributor to a better rate, with {@code distributor.level_changed}); and the
 * plugin switched off and on.
 */
class ServicesAndLevelsIT {

    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("creators-fake");
        p = Fixture.platform(Fixture.clock())
                .plugin(PluginJars.build(dir, "creators-fake", FakeCreatorsPlugin.class)).start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void anotherPluginGrantsRightsThroughDistributorRightsAndReadsBindingsThroughReferralService() {
        Http kol = member(p, "kol@kindred.test", "Kol", null);
        Http fan = member(p, "kol-fan@kindred.test", "Fan", code(kol));
        member(p, "kol-fan-fan@kindred.test", "Fan of fan", code(fan));
        p.awaitEvents();
        assertTrue(admin.post("/api/v1/creators-fake/" + userId(kol) + "/certify", Map.of()).json().path("granted").asBoolean());
        assertEquals("[\"creators\"]", me(kol).path("unlocks").toString());
        JsonNode seen = admin.get("/api/v1/creators-fake/" + userId(fan)).json();
        assertEquals(userId(kol), seen.path("referrerId").asLong(), seen.toString());
        assertEquals(1, seen.path("directFans").asInt());
        JsonNode kolSeen = admin.get("/api/v1/creators-fake/" + userId(kol)).json();
        assertEquals(1, kolSeen.path("indirectFans").asInt());
        assertTrue(kolSeen.path("isDistributor").asBoolean());
        assertEquals(204, admin.post("/api/v1/creators-fake/" + userId(kol) + "/decertify", Map.of()).status());
        assertFalse(me(kol).path("isDistributor").asBoolean());
    }

    @Test
    void fansLiftADistributorToABetterLevelAndTheChangeIsAnEvent() {
        Http.Response put = admin.put("/api/v1/admin/distribution/levels", Map.of("levels", List.of(
                Map.of("code", "bronze", "name", "Bronze", "minFans", 0, "minTeamSales", 0, "rates", List.of(1000, 300)),
                Map.of("code", "silver", "name", "Silver", "minFans", 2, "minTeamSales", 0, "rates", List.of(2000, 400)),
                Map.of("code", "gold", "name", "Gold", "minFans", 2, "minTeamSales", 100_00, "rates", List.of(3000, 500)))));
        assertEquals(200, put.status(), put.body());
        Http lia = member(p, "lia@kindred.test", "Lia", null);
        grant(admin, userId(lia));
        Http one = member(p, "lia-1@kindred.test", "One", code(lia));
        p.awaitEvents();
        assertEquals("bronze", me(lia).path("level").path("code").asText());
        member(p, "lia-2@kindred.test", "Two", code(lia));
        p.awaitEvents();
        assertEquals("silver", me(lia).path("level").path("code").asText(), "two fans: Silver");
        Http api = p.apiClient("shop");
        purchase(p, api, userId(one), "LV-1", 100_00);
        assertEquals(20_00, frozen(lia), "Silver's 20%");
        assertEquals("gold", me(lia).path("level").path("code").asText(), "100.00 of team sales: Gold");
        purchase(p, api, userId(one), "LV-2", 100_00);
        assertEquals(20_00 + 30_00, frozen(lia), "Gold's 30% from the next purchase on");
        String events = admin.get("/api/v1/admin/events?type=distributor.level_changed").body();
        assertTrue(events.contains("\"from\":\"bronze\"") && events.contains("\"to\":\"silver\"")
                && events.contains("\"to\":\"gold\""), events);
    }

    @Test
    void switchedOffItsRoutesAnswer404AndTheServicesAreGoneThenItComesBack() {
        Http mo = member(p, "mo@kindred.test", "Mo", null);
        assertEquals(200, admin.post("/api/v1/admin/plugins/distribution/disable", Map.of()).status());
        try {
            assertEquals(404, mo.get("/api/v1/distribution/me").status());
            assertEquals(404, mo.get("/invite").status());
            assertFalse(admin.post("/api/v1/creators-fake/" + userId(mo) + "/certify", Map.of()).json().path("granted").asBoolean());
        } finally {
            assertEquals(200, admin.post("/api/v1/admin/plugins/distribution/enable", Map.of()).status());
        }
        assertEquals(200, mo.get("/api/v1/distribution/me").status());
    }
}
