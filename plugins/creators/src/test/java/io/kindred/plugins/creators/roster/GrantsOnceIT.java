package io.kindred.plugins.creators.roster;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An approval (or a direct certification) grants distribution rights, a plan and points exactly once. */
class GrantsOnceIT {

    @TempDir
    static Path dir;
    private static TestPlatform p;

    @BeforeAll
    static void start() {
        p = Fixture.platform(new MutableClock(Fixture.START), dir).start();
        Http.Response plan = p.admin().put("/api/v1/admin/membership/plans/creator_card", Map.of("name", "Creator card",
                "months", 1, "price", 99_00, "sku", "CREATOR", "benefits", List.of()));
        assertEquals(200, plan.status(), plan.body());
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void anApprovalDeliveredTwiceGrantsPointsPlanAndRightsOnce() {
        Http amy = p.member("amy@creators.test", "Amy");
        long id = Fixture.userId(amy);
        Fixture.approve(p, 101, id, true, "creator_card", 500);
        String endsAt = plans(amy).path(0).path("endsAt").asText();
        Fixture.approve(p, 101, id, true, "creator_card", 500);

        assertEquals(500, Fixture.points(amy));
        assertEquals(1, plans(amy).size());
        assertEquals(endsAt, plans(amy).path(0).path("endsAt").asText(), "the plan was not extended a second time");
        assertTrue(amy.get("/api/v1/distribution/me").json().path("isDistributor").asBoolean());
        JsonNode creator = Fixture.creator(p, id);
        assertEquals("kol", creator.path("level").asText());
        assertTrue(creator.path("certified").asBoolean());
        assertEquals(4, creator.path("grants").size(), creator.toString());
        JsonNode me = amy.get("/api/v1/creators/me").json();
        assertTrue(me.path("certificate").path("code").asText().startsWith("KC-"), me.toString());
        assertEquals(3, me.path("onboarding").size());
        Fixture.ledgerHolds(p);
    }

    @Test
    void aDirectCertificationRetriedInParallelGrantsPointsOnce() throws Exception {
        Http bob = p.member("bob@creators.test", "Bob");
        long id = Fixture.userId(bob);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> p.admin().post("/api/v1/admin/creators", Map.of("userId", id, "category", "food",
                        "level", "koc", "title", "Food KOC", "grants", Map.of("points", 300, "distributionRights", true)),
                        Map.of("Idempotency-Key", "outside-bob-1")).status());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(201, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(300, Fixture.points(bob));
        assertTrue(Fixture.creator(p, id).path("certified").asBoolean());
        Fixture.ledgerHolds(p);
    }

    @Test
    void theRosterShowsFansReferredSalesAndCommissionAsSeeded() {
        Http ned = p.member("ned@creators.test", "Ned");
        long id = Fixture.userId(ned);
        Fixture.approve(p, 104, id, true, null, 0);
        String code = ned.get("/api/v1/distribution/me").json().path("code").asText();
        Http fan = p.http();
        assertEquals(201, fan.post("/api/v1/auth/register", Map.of("email", "ned-fan@creators.test", "password",
                "member-password-1", "displayName", "Fan", "referralCode", code)).status());
        p.awaitEvents();
        Http.Response bought = p.apiClient("shop").post("/api/v1/admin/purchases", Map.of("userId", Fixture.userId(fan),
                "externalOrderId", "ned-fan-1", "amount", 100_00, "currency", "CNY"));
        assertEquals(2, bought.status() / 100, bought.body());
        p.awaitEvents();
        JsonNode figures = Fixture.creator(p, id).path("performance");
        assertEquals(1, figures.path("fans").asLong(), figures.toString());
        assertEquals(100_00, figures.path("sales").asLong(), figures.toString());
        assertEquals(10_00, figures.path("commission").asLong(), figures.toString());
    }

    @Test
    void removingACreatorRevokesTheCertificationAndTheDistributionRights() {
        Http cat = p.member("cat@creators.test", "Cat");
        long id = Fixture.userId(cat);
        Fixture.approve(p, 102, id, true, null, 0);
        assertTrue(cat.get("/api/v1/distribution/me").json().path("isDistributor").asBoolean());

        Http.Response removed = p.admin().post("/api/v1/admin/creators/roster/" + id + "/remove", Map.of("reason", "left"));
        assertEquals(200, removed.status(), removed.body());
        assertEquals("removed", removed.json().path("creator").path("status").asText());
        assertFalse(cat.get("/api/v1/distribution/me").json().path("isDistributor").asBoolean());
        assertEquals("wrong_status", p.admin().post("/api/v1/admin/creators/roster/" + id + "/suspend", Map.of()).errorCode());
    }

    @Test
    void aPlanThatDoesNotExistIsNotedAndTheRestStillApplies() {
        Http dan = p.member("dan@creators.test", "Dan");
        long id = Fixture.userId(dan);
        Fixture.approve(p, 103, id, false, "no_such_plan", 50);
        assertEquals(50, Fixture.points(dan));
        assertTrue(Fixture.creator(p, id).path("history").toString().contains("plan_failed"));
    }

    @Test
    void theListFiltersByCategoryAndPages() {
        for (String name : List.of("Pia", "Quin", "Rae")) {
            long id = Fixture.userId(p.member(name.toLowerCase() + "@creators.test", name));
            assertEquals(201, p.admin().post("/api/v1/admin/creators", Map.of("userId", id, "category", "digital",
                    "level", "koc", "title", "Digital KOC")).status());
        }
        JsonNode first = p.admin().get("/api/v1/admin/creators?category=digital&limit=2").json();
        assertEquals(2, first.path("items").size(), first.toString());
        JsonNode second = p.admin().get("/api/v1/admin/creators?category=digital&limit=2&cursor="
                + first.path("nextCursor").asText()).json();
        assertEquals(1, second.path("items").size(), second.toString());
        assertEquals("Rae", second.path("items").path(0).path("name").asText());
        assertEquals(0, p.admin().get("/api/v1/admin/creators?category=digital&level=kol").json().path("items").size());
    }

    @Test
    void badInputIsA400NeverA500() {
        assertEquals("bad_level", p.admin().post("/api/v1/admin/creators", Map.of("userId", 1, "category", "x",
                "level", "mega", "title", "t")).errorCode());
        assertEquals("creator_not_found", p.admin().get("/api/v1/admin/creators/roster/999999").errorCode());
        assertEquals("bad_period", p.admin().get("/api/v1/admin/creators/reports?month=2026-13").errorCode());
        assertEquals(403, p.member("eve@creators.test", "Eve").get("/api/v1/admin/creators").status());
    }

    private static JsonNode plans(Http member) {
        JsonNode me = member.get("/api/v1/membership/me").json();
        return me.has("membership") ? me.path("membership").path("plans") : me.path("plans");
    }
}
