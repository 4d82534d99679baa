package io.kindred.plugins.community;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static io.kindred.plugins.community.ContestFixture.contest;
import static io.kindred.plugins.community.ContestFixture.create;
import static io.kindred.plugins.community.ContestFixture.entry;
import static io.kindred.plugins.community.ContestFixture.points;
import static io.kindred.plugins.community.ContestFixture.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Picking a contest's winners: after the end only, prizes paid exactly once however often the award is sent. */
class ContestAwardsIT {

    static MutableClock clock = ContestFixture.clock();
    static TestPlatform platform;
    static Http admin;

    @BeforeAll
    static void boot() {
        platform = ContestFixture.start(clock);
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static Map<String, Object> picks(long first, long second, long third) {
        return Map.of("winners", List.of(Map.of("postId", first, "rank", 1), Map.of("postId", second, "rank", 2),
                Map.of("postId", third, "rank", 3)));
    }

    private static Http.Response award(long contest, Map<String, Object> picks) {
        return admin.post("/api/v1/admin/community/contests/" + contest + "/winners", picks);
    }

    /** Ends the contest a minute later than its entries were posted (the test clock stands still otherwise). */
    private static void end(long contest) {
        clock.advance(java.time.Duration.ofMinutes(1));
        Http.Response r = admin.patch("/api/v1/admin/community/contests/" + contest, Map.of("ended", true));
        assertEquals(200, r.status(), r.body());
        assertEquals("ended", r.json().path("contest").path("status").asText());
    }

    @Test
    void winnersArePaidOnceWhenTheAwardIsRetriedAndSentInParallel() throws Exception {
        long contest = create(admin, contest(clock, "paidonce", 3));
        Http gold = platform.member("gold@award.test", "Gold");
        Http silver = platform.member("silver@award.test", "Silver");
        Http bronze = platform.member("bronze@award.test", "Bronze");
        long g = entry(gold, "Gold entry", "paidonce");
        long s = entry(silver, "Silver entry", "paidonce");
        long b = entry(bronze, "Bronze entry", "paidonce");
        assertEquals(200, vote(silver, contest, g).status());

        Http.Response early = award(contest, picks(g, s, b));
        assertEquals(409, early.status(), early.body());
        assertEquals("contest_not_ended", early.errorCode());
        end(contest);

        List<Callable<Http.Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> award(contest, picks(g, s, b)));
        }
        List<Http.Response> answers = ContestFixture.parallel(tasks);
        answers.add(award(contest, picks(g, s, b)));
        String first = answers.get(0).json().path("results").toString();
        for (Http.Response r : answers) {
            assertEquals(200, r.status(), r.body());
            assertEquals(first, r.json().path("results").toString());
        }
        var winners = answers.get(0).json().path("results").path("winners");
        assertEquals(3, winners.size(), first);
        assertEquals(g, winners.get(0).path("postId").asLong());
        assertEquals(1, winners.get(0).path("votes").asInt());
        assertEquals("Gold creator", winners.get(0).path("prizeTitle").asText());

        assertEquals(500, points(gold));
        assertEquals(200, points(silver));
        assertEquals(0, points(bronze));
        assertTrue(platform.kindred().invariants.check().isEmpty(), String.valueOf(platform.kindred().invariants.check()));

        var c = ContestFixture.contestOf(platform.http(), contest).json().path("contest");
        assertEquals("decided", c.path("status").asText());
        assertEquals(3, c.path("results").size(), c.toString());
        assertEquals("voting_closed", vote(bronze, contest, g).errorCode());
        Http.Response notices = gold.get("/api/v1/me/notifications");
        assertTrue(notices.body().contains("community.contest_won"), notices.body());
    }

    @Test
    void otherWinnersAfterTheDecisionAreRefusedAndNothingMoreIsPaid() {
        long contest = create(admin, contest(clock, "decided", 3));
        Http one = platform.member("one@decided.test", "One");
        Http two = platform.member("two@decided.test", "Two");
        long a = entry(one, "A", "decided");
        long b = entry(two, "B", "decided");
        end(contest);
        Map<String, Object> picks = Map.of("winners", List.of(Map.of("postId", a, "rank", 1), Map.of("postId", b, "rank", 2)));
        assertEquals(200, award(contest, picks).status());
        Map<String, Object> swapped = Map.of("winners", List.of(Map.of("postId", b, "rank", 1), Map.of("postId", a, "rank", 2)));
        Http.Response r = award(contest, swapped);
        assertEquals(409, r.status(), r.body());
        assertEquals("contest_decided", r.errorCode());
        assertEquals(500, points(one));
        assertEquals(200, points(two));
        Http.Response edit = admin.patch("/api/v1/admin/community/contests/" + contest, Map.of("title", "Changed"));
        assertEquals("contest_decided", edit.errorCode());
    }

    @Test
    void onlyEntriesWinAndEachRankOnce() {
        long contest = create(admin, contest(clock, "onlyentries", 3));
        Http author = platform.member("author@only.test", "Only");
        long a = entry(author, "Entry", "onlyentries");
        long outsider = Fixture.postOk(author, "Outsider", "Not tagged");
        end(contest);
        assertEquals("not_an_entry", award(contest, Map.of("winners", List.of(Map.of("postId", outsider, "rank", 1))))
                .errorCode());
        assertEquals("invalid_field", award(contest, Map.of("winners", List.of(Map.of("postId", a, "rank", 1),
                Map.of("postId", a, "rank", 2)))).errorCode());
        assertEquals("missing_field", award(contest, Map.of("winners", List.of())).errorCode());
        assertEquals(0, points(author));
        assertTrue(platform.kindred().invariants.check().isEmpty());
    }
}
