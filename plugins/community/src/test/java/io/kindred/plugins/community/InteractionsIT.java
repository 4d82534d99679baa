package io.kindred.plugins.community;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Likes, comments, replies, mentions, bookmarks and shares: exact counts, the right people told. */
class InteractionsIT {

    static TestPlatform platform;
    static Http author;

    @BeforeAll
    static void boot() {
        platform = Fixture.start();
        author = platform.member("author@likes.test", "Author");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void fiftyMembersLikingAtOnceCountFifty() throws Exception {
        long id = Fixture.postOk(author, "Liked by many", "Body");
        List<Http> members = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            members.add(platform.member("liker" + i + "@likes.test", "Liker" + i));
        }
        List<Callable<Integer>> likes = members.stream()
                .<Callable<Integer>>map(m -> () -> m.post("/api/v1/community/posts/" + id + "/like", Map.of()).status()).toList();
        assertEquals(List.of(200), distinct(runAll(likes)));
        assertEquals(50, likes(id));
    }

    @Test
    void tenLikesByOneMemberAtOnceCountOne() throws Exception {
        long id = Fixture.postOk(author, "Liked by one", "Body");
        Http fan = platform.member("fan@likes.test", "Fan");
        List<Callable<Integer>> likes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            likes.add(() -> fan.post("/api/v1/community/posts/" + id + "/like", Map.of()).status());
        }
        assertEquals(List.of(200), distinct(runAll(likes)));
        assertEquals(1, likes(id));
        assertEquals(0, fan.delete("/api/v1/community/posts/" + id + "/like").json().path("like").path("likes").asLong());
        assertEquals(0, likes(id));
    }

    @Test
    void commentsHaveOneLevelOfRepliesAndTellTheAuthors() {
        long id = Fixture.postOk(author, "Questions welcome", "Ask me");
        Http asker = platform.member("asker@likes.test", "Asker");
        Http.Response c = asker.post("/api/v1/community/posts/" + id + "/comments", Map.of("body", "Does it smell?"));
        assertEquals(201, c.status(), c.body());
        long commentId = c.json().path("comment").path("id").asLong();
        Http.Response reply = author.post("/api/v1/community/posts/" + id + "/comments",
                Map.of("body", "Not at all", "parentId", commentId));
        assertEquals(201, reply.status(), reply.body());
        long replyId = reply.json().path("comment").path("id").asLong();
        Http.Response deeper = asker.post("/api/v1/community/posts/" + id + "/comments", Map.of("body", "ok", "parentId", replyId));
        assertEquals("reply_depth", deeper.json().path("error").path("code").asText());
        assertEquals(2, platform.http().get("/api/v1/community/posts/" + id).json().path("post").path("comments").asLong());
        assertTrue(titles(author).contains("Asker commented on \"Questions welcome\""), titles(author).toString());
        assertTrue(titles(asker).contains("Author replied to your comment"), titles(asker).toString());
    }

    @Test
    void aMentionTellsTheMemberOfThatName() {
        Http named = platform.member("mentioned@likes.test", "Mei_Lin");
        Fixture.postOk(author, "Thanks", "Thank you @Mei_Lin for the tip, and @nobody-at-all.");
        assertTrue(titles(named).contains("Author mentioned you"), titles(named).toString());
    }

    @Test
    void bookmarksAndSharesAreKeptOncePerMember() {
        long id = Fixture.postOk(author, "Keep me", "Worth keeping");
        Http reader = platform.member("reader@likes.test", "Reader");
        assertEquals(200, reader.post("/api/v1/community/posts/" + id + "/bookmark", Map.of()).status());
        assertEquals(200, reader.post("/api/v1/community/posts/" + id + "/bookmark", Map.of()).status());
        assertEquals(List.of("Keep me"), reader.get("/api/v1/community/bookmarks").json().path("items").findValuesAsText("title"));
        Http.Response share = reader.post("/api/v1/community/posts/" + id + "/share", Map.of());
        assertTrue(share.json().path("share").path("url").asText().startsWith("/community/posts/" + id), share.body());
        reader.post("/api/v1/community/posts/" + id + "/share", Map.of());
        assertEquals(1, platform.http().get("/api/v1/community/posts/" + id).json().path("post").path("shares").asLong());
    }

    @Test
    void aCommentLikeCountsOncePerMember() {
        long id = Fixture.postOk(author, "Comment likes", "Body");
        long commentId = author.post("/api/v1/community/posts/" + id + "/comments", Map.of("body", "first"))
                .json().path("comment").path("id").asLong();
        Http a = platform.member("cl1@likes.test", "Cl1");
        a.post("/api/v1/community/comments/" + commentId + "/like", Map.of());
        Http.Response again = a.post("/api/v1/community/comments/" + commentId + "/like", Map.of());
        assertEquals(1, again.json().path("like").path("likes").asLong(), again.body());
    }

    private static long likes(long postId) {
        return platform.http().get("/api/v1/community/posts/" + postId).json().path("post").path("likes").asLong();
    }

    private static List<String> titles(Http member) {
        return member.get("/api/v1/me/notifications").json().path("items").findValuesAsText("title");
    }

    private static List<Integer> runAll(List<Callable<Integer>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> distinct(List<Integer> statuses) {
        return statuses.stream().distinct().toList();
    }
}
