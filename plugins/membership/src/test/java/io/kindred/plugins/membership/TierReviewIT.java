package io.kindred.plugins.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.kindred.plugins.membership.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.membership.Fixture.balance;
import static io.kindred.plugins.membership.Fixture.me;
import static io.kindred.plugins.membership.Fixture.purchase;
import static io.kindred.plugins.membership.Fixture.runJob;
import static io.kindred.plugins.membership.Fixture.signIn;
import static io.kindred.plugins.membership.Fixture.tierChangedEvents;
import static io.kindred.plugins.membership.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The downgrade policy: {@code never} keeps the highest tier reached; {@code yearly} counts the growth of the
 * last 12 months and reviews each member's tier once a year, down as well as up, once per review.
 */
class TierReviewIT {

    private static final Instant START = Instant.parse("2026-01-15T10:00:00Z");

    private static void policy(TestPlatform p, String value) {
        Http.Response r = p.admin().patch("/api/v1/admin/plugins/membership/settings", Map.of("downgrade", value));
        assertEquals(200, r.status(), r.body());
    }

    private static JsonNode lastTierChange(TestPlatform p, long userId) throws Exception {
        String payload = p.kindred().database.read(h -> h.createQuery(
                        "SELECT payload FROM events WHERE type = 'tier.changed' AND user_id = :u ORDER BY id DESC LIMIT 1")
                .bind("u", userId).mapTo(String.class).one());
        return new ObjectMapper().readTree(payload);
    }

    @Test
    void underTheYearlyPolicyTheTierIsReviewedOnceAYearOnTheGrowthOfTheLast12Months() throws Exception {
        MutableClock clock = new MutableClock(START);
        try (TestPlatform p = Fixture.start(clock)) {
            policy(p, "yearly");
            Http alice = p.member("alice@kindred.test", "Alice");
            Http bob = p.member("bob@kindred.test", "Bob");
            purchase(p, alice, "A-1", 2000_00, null);
            purchase(p, bob, "B-1", 600_00, null);
            assertEquals("V3", me(alice).path("tier").path("code").asText());
            assertEquals("V2", me(bob).path("tier").path("code").asText());
            assertEquals("2027-01-15", me(alice).path("tierReviewAt").asText());
            assertEquals(0, runJob(p, "tier-review"), "nobody is due yet");

            clock.set(Instant.parse("2026-07-15T10:00:00Z"));
            bob = signIn(p, "bob@kindred.test");
            purchase(p, bob, "B-2", 500_00, null);
            assertEquals(0, runJob(p, "tier-review"));

            clock.set(Instant.parse("2027-01-16T10:00:00Z"));
            alice = signIn(p, "alice@kindred.test");
            bob = signIn(p, "bob@kindred.test");
            assertEquals(2, runJob(p, "tier-review"));
            assertEquals(0, runJob(p, "tier-review"), "the job run twice reviews nobody twice");
            // Alice earned nothing in the last 12 months: down to V1, once, with the reason.
            JsonNode a = me(alice);
            assertEquals("V1", a.path("tier").path("code").asText());
            assertEquals(0, a.path("growth").asLong());
            assertEquals("2028-01-16", a.path("tierReviewAt").asText());
            assertEquals(2, tierChangedEvents(p, userId(alice)));
            JsonNode change = lastTierChange(p, userId(alice));
            assertEquals("V3", change.path("from").asText());
            assertEquals("V1", change.path("to").asText());
            assertEquals("review", change.path("reason").asText());
            // Bob's 500 of the last 12 months keep him at V2: no event.
            assertEquals("V2", me(bob).path("tier").path("code").asText());
            assertEquals(500, me(bob).path("growth").asLong());
            assertEquals(1, tierChangedEvents(p, userId(bob)));
            // The ledger keeps every growth point; only the tier moved.
            assertEquals(2000, balance(alice, "growth"));

            // New growth promotes at once, as before.
            purchase(p, alice, "A-2", 500_00, null);
            assertEquals("V2", me(alice).path("tier").path("code").asText());
            assertEquals("growth", lastTierChange(p, userId(alice)).path("reason").asText());
            assertLedgerBalanced(p);
        }
    }

    @Test
    void underNeverNothingIsReviewedAndSwitchingToYearlyCountsOnlyTheLast12Months() {
        MutableClock clock = new MutableClock(START);
        try (TestPlatform p = Fixture.start(clock)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            Http bob = p.member("bob@kindred.test", "Bob");
            purchase(p, alice, "A-1", 2000_00, null);
            purchase(p, bob, "B-1", 400_00, null);
            clock.set(Instant.parse("2027-03-01T10:00:00Z"));
            alice = signIn(p, "alice@kindred.test");
            bob = signIn(p, "bob@kindred.test");
            assertEquals(0, runJob(p, "tier-review"), "policy never: the job does nothing");
            JsonNode a = me(alice);
            assertEquals("V3", a.path("tier").path("code").asText());
            assertEquals(2000, a.path("growth").asLong());
            assertTrue(a.path("tierReviewAt").isNull());

            policy(p, "yearly");
            purchase(p, bob, "B-2", 200_00, null);
            assertEquals("V1", me(bob).path("tier").path("code").asText(), "400 of last year no longer count");
            assertEquals(200, me(bob).path("growth").asLong());
            assertEquals("V3", me(alice).path("tier").path("code").asText(), "kept until her review");
            assertEquals(2, runJob(p, "tier-review"), "both are more than 12 months past their first growth");
            assertEquals("V1", me(alice).path("tier").path("code").asText());

            policy(p, "never");
            assertEquals("V3", me(alice).path("tier").path("code").asText(), "never: all growth counts again");
            Http.Response bad = p.admin().patch("/api/v1/admin/plugins/membership/settings", Map.of("downgrade", "monthly"));
            assertEquals(400, bad.status(), bad.body());
        }
    }
}
