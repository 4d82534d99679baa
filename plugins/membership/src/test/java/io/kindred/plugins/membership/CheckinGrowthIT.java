package io.kindred.plugins.membership;

import io.kindred.api.membership.MembershipService;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static io.kindred.plugins.membership.Fixture.balance;
import static io.kindred.plugins.membership.Fixture.me;
import static io.kindred.plugins.membership.Fixture.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Membership next to the check-ins plugin (enabled and disabled), and the MembershipService it provides. */
class CheckinGrowthIT {

    private static final Path CHECKIN_JAR = Path.of(System.getProperty("kindred.checkin.jar"));

    @Test
    void aCheckInEarnsGrowthOnceWhenTheCheckinsPluginIsOn() {
        try (TestPlatform p = TestPlatform.builder().plugin(Fixture.JAR).plugin(CHECKIN_JAR).start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            Http.Response r = alice.post("/api/v1/checkins", Map.of());
            assertEquals(201, r.status(), r.body());
            p.awaitEvents();
            assertEquals(1, balance(alice, "growth"), "default: 1 growth per check-in");
            assertEquals(409, alice.post("/api/v1/checkins", Map.of()).status());
            p.awaitEvents();
            assertEquals(1, balance(alice, "growth"));
            Fixture.assertLedgerBalanced(p);
        }
    }

    @Test
    void theMembersNextReadShowsTheGrowthOfTheirOwnCheckInWithoutWaiting() {
        try (TestPlatform p = TestPlatform.builder().plugin(Fixture.JAR).plugin(CHECKIN_JAR).start()) {
            for (int i = 0; i < 5; i++) {
                Http m = p.member("rw" + i + "@kindred.test", "Reader " + i);
                assertEquals(201, m.post("/api/v1/checkins", Map.of()).status());
                // no awaitEvents: the read itself waits for the member's own events (read-your-writes)
                assertEquals(1, balance(m, "growth"), "the growth handler ran before this member's next read");
                String home = m.get("/").body();
                assertTrue(home.contains("id=\"membership-growth\">1<"), "and the home widget shows it: " + home);
            }
        }
    }

    @Test
    void withTheCheckinsPluginDisabledNothingBreaks() {
        try (TestPlatform p = TestPlatform.builder().plugin(Fixture.JAR).plugin(CHECKIN_JAR).disabled("checkin").start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            assertEquals(404, alice.post("/api/v1/checkins", Map.of()).status());
            purchase(p, alice, "A-1", 10_00, null);
            assertEquals(10, balance(alice, "growth"));
            assertEquals("V1", me(alice).path("tier").path("code").asText());
        }
    }

    @Test
    void membershipServiceAnswersTheTierRank() {
        try (TestPlatform p = Fixture.start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            long id = Fixture.userId(alice);
            assertEquals(1, p.kindred().plugins.services().find(MembershipService.class).orElseThrow().tierRank(id));
            purchase(p, alice, "A-1", 2000_00, null);
            assertEquals(3, p.kindred().plugins.services().find(MembershipService.class).orElseThrow().tierRank(id));
        }
    }
}
