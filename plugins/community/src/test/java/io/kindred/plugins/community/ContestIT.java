package io.kindred.plugins.community;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import static io.kindred.plugins.community.ContestFixture.contest;
import static io.kindred.plugins.community.ContestFixture.create;
import static io.kindred.plugins.community.ContestFixture.entry;
import static io.kindred.plugins.community.ContestFixture.vote;
import static io.kindred.plugins.community.ContestFixture.votesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contests through the plugin loaded from its jar: creating, entering, voting and the limits of voting. */
class ContestIT {

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

    @Test
    void postsWithTheContestsTagAreEntriesRankedByVotes() {
        long contest = create(admin, contest(clock, "serumstory", 3));
        Http ann = platform.member("ann@contest.test", "Ann");
        Http bob = platform.member("bob@contest.test", "Bob");
        Http voter = platform.member("voter@contest.test", "Voter");
        long first = entry(ann, "Ann's serum", "serumstory");
        long second = entry(bob, "Bob's serum", "serumstory");
        long elsewhere = Fixture.postOk(ann, "Not an entry", "No tag here");

        assertEquals(200, vote(voter, contest, second).status());
        assertEquals(ContestError.NOT_AN_ENTRY.code(), vote(voter, contest, elsewhere).errorCode());

        var c = ContestFixture.contestOf(voter, contest).json().path("contest");
        assertEquals("open", c.path("status").asText());
        assertEquals(2, c.path("entryCount").asInt(), c.toString());
        assertEquals(List.of(second, first), List.of(c.path("entries").get(0).path("postId").asLong(),
                c.path("entries").get(1).path("postId").asLong()));
        assertTrue(c.path("entries").get(0).path("voted").asBoolean());
        assertEquals(2, c.path("votesLeft").asInt());
        assertTrue(c.path("rulesHtml").asText().contains("<strong>your</strong>"), c.toString());
        assertFalse(c.path("rulesHtml").asText().contains("<script"), c.toString());
        assertEquals("Gold creator", c.path("prizes").get(0).path("title").asText());
        assertTrue(platform.http().get("/api/v1/community/contests?limit=50").json().path("items").findValuesAsText("title")
                .contains("Best serum story serumstory"));
    }

    @Test
    void votingTwiceForAnEntryCountsOnceAndAVoteCanBeTakenBack() {
        long contest = create(admin, contest(clock, "twice", 2));
        long post = entry(platform.member("author@twice.test", "Author"), "Twice", "twice");
        Http voter = platform.member("voter@twice.test", "Voter");
        assertEquals(200, vote(voter, contest, post).status());
        Http.Response again = vote(voter, contest, post);
        assertEquals(1, again.json().path("vote").path("votes").asInt(), again.body());
        assertEquals(1, again.json().path("vote").path("votesLeft").asInt(), again.body());
        Http.Response back = voter.delete("/api/v1/community/contests/" + contest + "/entries/" + post + "/vote");
        assertEquals(200, back.status(), back.body());
        assertEquals(0, back.json().path("vote").path("votes").asInt());
        assertEquals(2, back.json().path("vote").path("votesLeft").asInt());
    }

    @Test
    void anAuthorMayNotVoteForTheirOwnEntry() {
        long contest = create(admin, contest(clock, "ownentry", 3));
        Http author = platform.member("author@own.test", "Own");
        long post = entry(author, "Mine", "ownentry");
        Http.Response r = vote(author, contest, post);
        assertEquals(403, r.status(), r.body());
        assertEquals("own_entry", r.errorCode());
    }

    @Test
    void aMemberHasNoMoreVotesThanTheContestGives() {
        long contest = create(admin, contest(clock, "limit", 2));
        Http author = platform.member("author@limit.test", "Limit author");
        long a = entry(author, "A", "limit");
        long b = entry(author, "B", "limit");
        long c = entry(author, "C", "limit");
        Http voter = platform.member("voter@limit.test", "Limit voter");
        assertEquals(200, vote(voter, contest, a).status());
        assertEquals(200, vote(voter, contest, b).status());
        Http.Response third = vote(voter, contest, c);
        assertEquals(409, third.status(), third.body());
        assertEquals("vote_limit", third.errorCode());
    }

    @Test
    void fiftyParallelVotesByOneMemberOverTenEntriesCountThree() throws Exception {
        long contest = create(admin, contest(clock, "fifty", 3));
        Http author = platform.member("author@fifty.test", "Fifty author");
        List<Long> posts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            posts.add(entry(author, "Entry " + i, "fifty"));
        }
        Http voter = platform.member("voter@fifty.test", "Fifty voter");
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long post = posts.get(i % 10);
            tasks.add(() -> vote(voter, contest, post).status());
        }
        List<Integer> statuses = ContestFixture.parallel(tasks);
        // a repeat for an entry already voted for answers 200 and counts nothing; a fourth entry gets 409 vote_limit
        assertTrue(java.util.Set.of(200, 409).containsAll(statuses), statuses.toString());
        long counted = 0;
        for (long post : posts) {
            counted += votesOf(admin, contest, post);
        }
        assertEquals(3, counted);
        assertEquals(0, ContestFixture.contestOf(voter, contest).json().path("contest").path("votesLeft").asInt());
    }

    @Test
    void twentyParallelMembersVotingForOneEntryCountTwenty() throws Exception {
        long contest = create(admin, contest(clock, "twenty", 1));
        long post = entry(platform.member("author@twenty.test", "Twenty author"), "Popular", "twenty");
        List<Http> voters = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            voters.add(platform.member("voter" + i + "@twenty.test", "Voter " + i));
        }
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (Http v : voters) {
            tasks.add(() -> vote(v, contest, post).status());
        }
        assertEquals(List.of(200), ContestFixture.parallel(tasks).stream().distinct().toList());
        assertEquals(20, votesOf(admin, contest, post));
    }

    @Test
    void votesOnlyCountWhileVotingIsOpen() {
        Map<String, Object> noVoting = contest(clock, "novote", 3);
        noVoting.put("voting", false);
        long closed = create(admin, noVoting);
        Map<String, Object> later = contest(clock, "latervote", 3);
        later.put("votingStartDay", ContestFixture.today(clock).plusDays(7).toString());
        long notYet = create(admin, later);
        Http author = platform.member("author@window.test", "Window author");
        long p1 = entry(author, "No vote", "novote");
        long p2 = entry(author, "Later vote", "latervote");
        Http voter = platform.member("voter@window.test", "Window voter");
        assertEquals("voting_closed", vote(voter, closed, p1).errorCode());
        assertEquals("voting_closed", vote(voter, notYet, p2).errorCode());
    }

    @Test
    void aPostPublishedAfterTheEndIsNoEntry() {
        Map<String, Object> body = contest(clock, "lateentry", 3);
        body.put("startDay", ContestFixture.today(clock).minusDays(10).toString());
        body.put("endDay", ContestFixture.today(clock).minusDays(1).toString());
        body.put("votingStartDay", ContestFixture.today(clock).minusDays(10).toString());
        long contest = create(admin, body);
        long late = entry(platform.member("author@late.test", "Late"), "Too late", "lateentry");
        assertEquals("not_an_entry", vote(platform.member("voter@late.test", "Late voter"), contest, late).errorCode());
        assertEquals("ended", ContestFixture.contestOf(admin, contest).json().path("contest").path("status").asText());
    }

    @Test
    void theContestEndsOnItsLastDayInTheSiteTimeZone() {
        long contest = create(admin, contest(clock, "clockend", 3));
        clock.advance(Duration.ofDays(7));
        try {
            assertEquals("ended", ContestFixture.contestOf(admin, contest).json().path("contest").path("status").asText());
        } finally {
            clock.advance(Duration.ofDays(-7));
        }
    }

    @Test
    void badInputGetsClearErrors() {
        assertEquals("missing_field", admin.post("/api/v1/admin/community/contests", Map.of("title", "No dates")).errorCode());
        Map<String, Object> noTarget = contest(clock, "x", 3);
        noTarget.remove("tag");
        assertEquals("missing_field", admin.post("/api/v1/admin/community/contests", noTarget).errorCode());
        Map<String, Object> backwards = contest(clock, "backwards", 3);
        backwards.put("endDay", "2020-01-01");
        assertEquals("invalid_field", admin.post("/api/v1/admin/community/contests", backwards).errorCode());
        Map<String, Object> badPrize = contest(clock, "badprize", 3);
        badPrize.put("prizes", List.of(Map.of("rank", 0, "points", 5)));
        assertEquals("invalid_field", admin.post("/api/v1/admin/community/contests", badPrize).errorCode());
        Map<String, Object> badDay = contest(clock, "badday", 3);
        badDay.put("startDay", "tomorrow");
        assertEquals(400, admin.post("/api/v1/admin/community/contests", badDay).status());
        assertEquals("contest_not_found", platform.http().get("/api/v1/community/contests/999999").errorCode());
        assertEquals(400, admin.post("/api/v1/admin/community/contests/1/winners", Map.of("winners", "first")).status());
        assertEquals(401, platform.http().post("/api/v1/community/contests/1/entries/1/vote", null).status());
        Http member = platform.member("nobody@bad.test", "Nobody");
        assertEquals(403, member.post("/api/v1/admin/community/contests", contest(clock, "y", 3)).status());
    }

    @Test
    void anApiKeyMayRunAContestAndTheAuditLogNamesIt() {
        Http server = platform.apiClient("contests");
        Http.Response r = server.post("/api/v1/admin/community/contests", contest(clock, "apikey", 3));
        assertEquals(201, r.status(), r.body());
        long id = r.json().path("contest").path("id").asLong();
        Http.Response audit = admin.get("/api/v1/admin/audit?target=community:contest:" + id);
        assertEquals(200, audit.status(), audit.body());
        assertTrue(audit.body().contains("community.contest_created") && audit.body().contains("API key"), audit.body());
    }

    @Test
    void everyContestRouteIsDescribedInTheOpenApiDocument() {
        Http.Response doc = platform.http().get("/api/v1/openapi.json");
        assertEquals(200, doc.status());
        TreeSet<String> described = new TreeSet<>();
        doc.json().path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> described.add(m + " " + p.getKey())));
        TreeSet<String> missing = new TreeSet<>();
        for (var r : platform.kindred().router.declared()) {
            String path = r.path().replaceAll("<(\\w+)>", "{$1}");
            if (path.startsWith("/api/v1/") && path.contains("/contests")) {
                String op = r.method().toLowerCase(java.util.Locale.ROOT) + " " + path;
                if (!described.contains(op)) {
                    missing.add(op);
                }
            }
        }
        assertTrue(described.contains("post /api/v1/admin/community/contests/{id}/winners"), described.toString());
        assertEquals(new TreeSet<>(), missing);
    }
}
