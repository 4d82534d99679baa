package io.kindred.plugins.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.kindred.plugins.distribution.Fixture.assertActor;
import static io.kindred.plugins.distribution.Fixture.audit;
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
 * With membership and check-ins installed but disabled, the plugin starts and the other unlock paths work alone:
 * an operator's grant (and taking it back), an application approved or rejected with a note, and a task of
 * spending only.
 */
class UnlockWithoutProvidersIT {

    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        MutableClock clock = Fixture.clock();
        p = Fixture.platform(clock).plugin(Fixture.membershipJar()).plugin(Fixture.checkinJar())
                .disabled("membership").disabled("checkin")
                .setting("distribution.unlockByTasks", "true").setting("distribution.taskCheckins", "0")
                .setting("distribution.taskSpent", "10000").start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void thePluginStartsWithoutMembershipAndCheckIns() {
        JsonNode health = p.http().get("/healthz").json();
        String states = health.path("plugins").toString();
        assertTrue(states.contains("{\"id\":\"distribution\",\"version\":\"0.1.0\",\"state\":\"STARTED\"}")
                || states.matches(".*\"id\":\"distribution\"[^}]*\"state\":\"STARTED\".*"), states);
        assertFalse(states.matches(".*\"id\":\"membership\"[^}]*\"state\":\"STARTED\".*"), states);
    }

    @Test
    void anOperatorsGrantAloneMakesADistributorAndTakingItBackStopsNewCommission() {
        Http gina = member(p, "gina@kindred.test", "Gina", null);
        Http fan = member(p, "gina-fan@kindred.test", "Fan of Gina", code(gina));
        Http api = p.apiClient("shop-grant");
        assertFalse(me(gina).path("isDistributor").asBoolean());
        grant(admin, userId(gina));
        assertEquals("[\"operator\"]", me(gina).path("unlocks").toString());
        purchase(p, api, userId(fan), "G-1", 20_00);
        assertEquals(2_00, frozen(gina));
        assertEquals(204, admin.delete("/api/v1/admin/distribution/distributors/" + userId(gina)).status());
        assertFalse(me(gina).path("isDistributor").asBoolean());
        purchase(p, api, userId(fan), "G-2", 20_00);
        assertEquals(2_00, frozen(gina), "earned stays, nothing new");

        List<JsonNode> entries = audit(admin, "user:" + userId(gina));
        assertEquals(List.of("distribution.rights_revoked", "distribution.rights_granted"),
                entries.stream().map(e -> e.path("action").asText()).toList());
        entries.forEach(e -> assertActor(admin, e));
        assertTrue(entries.get(1).path("detail").asText().contains("Gina (#" + userId(gina) + ")"), entries.toString());
        assertEquals(204, admin.delete("/api/v1/admin/distribution/distributors/" + userId(gina)).status());
        assertEquals(2, audit(admin, "user:" + userId(gina)).size(), "revoking what is not granted records nothing");
    }

    @Test
    void anApplicationIsRejectedWithANoteThenApproved() {
        Http hana = member(p, "hana@kindred.test", "Hana", null);
        Http.Response applied = hana.post("/api/v1/distribution/applications", Map.of("message", "I run a book club"));
        assertEquals(201, applied.status(), applied.body());
        long id = applied.json().path("application").path("id").asLong();
        assertEquals("application_exists", hana.post("/api/v1/distribution/applications", Map.of()).errorCode());
        assertEquals("missing_field", admin.post("/api/v1/admin/distribution/applications/" + id + "/reject", Map.of()).errorCode());
        Http.Response rejected = admin.post("/api/v1/admin/distribution/applications/" + id + "/reject",
                Map.of("note", "Please tell us more"));
        assertEquals("rejected", rejected.json().path("application").path("status").asText(), rejected.body());
        assertEquals("Please tell us more", rejected.json().path("application").path("note").asText());
        assertTrue(hana.get("/invite").body().contains("Please tell us more"));
        assertFalse(me(hana).path("isDistributor").asBoolean());

        long second = hana.post("/api/v1/distribution/applications", Map.of("message", "200 members"))
                .json().path("application").path("id").asLong();
        assertTrue(admin.get("/api/v1/admin/distribution/applications?status=pending").body().contains("200 members"));
        Http.Response approved = admin.post("/api/v1/admin/distribution/applications/" + second + "/approve", Map.of("note", "Welcome"));
        assertEquals(200, approved.status(), approved.body());
        assertEquals("[\"application\"]", me(hana).path("unlocks").toString());
        assertEquals("wrong_status", admin.post("/api/v1/admin/distribution/applications/" + second + "/approve", Map.of()).errorCode());

        List<JsonNode> first = audit(admin, "distribution:application:" + id);
        assertEquals(1, first.size(), first.toString());
        assertEquals("distribution.application_rejected", first.get(0).path("action").asText());
        assertTrue(first.get(0).path("detail").asText().contains("Please tell us more"), first.toString());
        List<JsonNode> approval = audit(admin, "distribution:application:" + second);
        assertEquals(1, approval.size(), "the refused second approval left no entry: " + approval);
        assertEquals("distribution.application_approved", approval.get(0).path("action").asText());
        assertActor(admin, approval.get(0));
    }

    @Test
    void aSpendingTaskAloneUnlocksWithoutCheckIns() {
        Http ivan = member(p, "ivan@kindred.test", "Ivan", null);
        purchase(p, p.apiClient("shop-task"), userId(ivan), "I-1", 100_00);
        assertEquals("[\"tasks\"]", me(ivan).path("unlocks").toString());
    }
}
