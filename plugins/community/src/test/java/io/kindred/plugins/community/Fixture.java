package io.kindred.plugins.community;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the community tests share: the plugin jar as the single jar loads it, and short ways to post. */
final class Fixture {

    static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));
    /** The id of the shipped category "Recommendations" (种草推荐), which every member may post in. */
    static final long RECOMMENDATIONS = 1;

    private Fixture() {
    }

    static TestPlatform start() {
        return TestPlatform.builder().plugin(JAR).start();
    }

    static Http.Response post(Http member, String title, String body) {
        return member.post("/api/v1/community/posts", Map.of("categoryId", RECOMMENDATIONS, "title", title, "body", body));
    }

    /** Writes a post and expects a 201. @return the post's id */
    static long postOk(Http member, String title, String body) {
        Http.Response r = post(member, title, body);
        assertEquals(201, r.status(), r.body());
        return r.json().path("post").path("id").asLong();
    }

    static long postOk(Http member, String title, String body, List<String> tags) {
        Http.Response r = member.post("/api/v1/community/posts", Map.of("categoryId", RECOMMENDATIONS, "title", title,
                "body", body, "tags", tags));
        assertEquals(201, r.status(), r.body());
        return r.json().path("post").path("id").asLong();
    }

    static long userId(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }
}
