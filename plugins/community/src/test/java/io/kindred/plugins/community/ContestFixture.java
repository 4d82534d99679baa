package io.kindred.plugins.community;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the contest tests share: a platform on a movable clock (UTC days), and short ways to run a contest. */
final class ContestFixture {

    private ContestFixture() {
    }

    static TestPlatform start(MutableClock clock) {
        return Fixture.relaxed(TestPlatform.builder().plugin(Fixture.JAR)).clock(clock).setting("site.timezone", "UTC").start();
    }

    static MutableClock clock() {
        return new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
    }

    static LocalDate today(MutableClock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** @return the body of a contest for posts tagged {@code tag}, running from today for a week, voting on */
    static Map<String, Object> contest(MutableClock clock, String tag, int votesPerMember) {
        LocalDate today = today(clock);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Best serum story " + tag);
        m.put("rules", "Write **your** story. <script>alert(1)</script>");
        m.put("tag", tag);
        m.put("startDay", today.toString());
        m.put("endDay", today.plusDays(6).toString());
        m.put("voting", true);
        m.put("votingEndDay", today.plusDays(13).toString());
        m.put("votesPerMember", votesPerMember);
        m.put("prizes", List.of(Map.of("rank", 1, "points", 500, "title", "Gold creator"),
                Map.of("rank", 2, "points", 200), Map.of("rank", 3, "title", "Bronze")));
        return m;
    }

    /** Creates a contest as the administrator and expects a 201. @return its id */
    static long create(Http admin, Map<String, Object> body) {
        Http.Response r = admin.post("/api/v1/admin/community/contests", body);
        assertEquals(201, r.status(), r.body());
        return r.json().path("contest").path("id").asLong();
    }

    static long entry(Http member, String title, String tag) {
        return Fixture.postOk(member, title, "My entry: " + title, List.of(tag));
    }

    static Http.Response vote(Http member, long contest, long post) {
        return member.post("/api/v1/community/contests/" + contest + "/entries/" + post + "/vote", null);
    }

    static Http.Response contestOf(Http who, long contest) {
        Http.Response r = who.get("/api/v1/community/contests/" + contest);
        assertEquals(200, r.status(), r.body());
        return r;
    }

    static long votesOf(Http who, long contest, long post) {
        for (var e : contestOf(who, contest).json().path("contest").path("entries")) {
            if (e.path("postId").asLong() == post) {
                return e.path("votes").asLong();
            }
        }
        throw new AssertionError("post " + post + " is not listed as an entry of contest " + contest);
    }

    static long points(Http member) {
        return member.get("/api/v1/me/balances").json().path("balances").path("points").asLong();
    }

    /** Runs the tasks all at once, on as many threads. @return their results, in order */
    static <T> List<T> parallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
