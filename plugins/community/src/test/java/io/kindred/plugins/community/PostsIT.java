package io.kindred.plugins.community;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writing, reading, editing and deleting posts through the plugin loaded from its jar. */
class PostsIT {

    static TestPlatform platform;

    @BeforeAll
    static void boot() {
        platform = Fixture.start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theThreeShippedCategoriesAreListed() {
        Http.Response r = platform.http().get("/api/v1/community/categories");
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of("recommendations", "best-sellers", "share-to-earn"),
                r.json().path("items").findValuesAsText("slug"));
    }

    @Test
    void aPostIsPublishedRenderedAndListed() {
        Http lily = platform.member("lily@posts.test", "Lily");
        Http.Response r = lily.post("/api/v1/community/posts", Map.of("categoryId", Fixture.RECOMMENDATIONS,
                "title", "My serum", "body", "It **works**. See https://brand.example/serum", "tags", List.of("#Serum", "skin")));
        assertEquals(201, r.status(), r.body());
        var post = r.json().path("post");
        assertTrue(post.path("bodyHtml").asText().contains("<strong>works</strong>"), post.toString());
        assertTrue(post.path("bodyHtml").asText().contains("nofollow"), post.toString());
        assertEquals("[\"serum\",\"skin\"]", post.path("tags").toString());
        assertEquals("Lily", post.path("author").path("displayName").asText());
        long id = post.path("id").asLong();
        Http.Response list = platform.http().get("/api/v1/community/posts?tag=serum");
        assertEquals(id, list.json().path("items").get(0).path("id").asLong(), list.body());
        assertEquals(200, platform.http().get("/api/v1/community/posts/" + id).status());
    }

    @Test
    void anEditKeepsTheFormerTextAsARevision() {
        Http author = platform.member("editor@posts.test", "Editor");
        long id = Fixture.postOk(author, "First title", "First body");
        Http.Response r = author.patch("/api/v1/community/posts/" + id, Map.of("body", "Second body"));
        assertEquals(200, r.status(), r.body());
        assertEquals("First title", r.json().path("post").path("title").asText());
        Http.Response revisions = author.get("/api/v1/community/posts/" + id + "/revisions");
        assertEquals("First body", revisions.json().path("items").get(0).path("body").asText(), revisions.body());
        Http other = platform.member("other@posts.test", "Other");
        assertEquals(403, other.patch("/api/v1/community/posts/" + id, Map.of("body", "x")).status());
    }

    @Test
    void aDeletedPostVanishesFromListsAndTheApi() {
        Http author = platform.member("deleter@posts.test", "Deleter");
        long id = Fixture.postOk(author, "Soon gone", "Temporary words");
        assertEquals(204, author.delete("/api/v1/community/posts/" + id).status());
        assertEquals(404, platform.http().get("/api/v1/community/posts/" + id).status());
        Http.Response list = platform.http().get("/api/v1/community/posts?limit=50");
        assertFalse(list.json().path("items").findValuesAsText("title").contains("Soon gone"));
    }

    @Test
    void badInputGetsClearErrors() {
        Http m = platform.member("bad@posts.test", "Bad");
        assertEquals("missing_field", m.post("/api/v1/community/posts", Map.of("categoryId", 1, "body", "x"))
                .json().path("error").path("code").asText());
        assertEquals(404, m.post("/api/v1/community/posts", Map.of("categoryId", 999, "title", "t", "body", "x")).status());
        assertEquals(403, m.post("/api/v1/community/posts", Map.of("categoryId", 2, "title", "t", "body", "x")).status());
        assertEquals(400, platform.http().get("/api/v1/community/posts?sort=random").status());
        assertEquals(400, m.post("/api/v1/community/posts", Map.of("categoryId", 1, "title", "t", "body", "x",
                "images", List.of("/uploads/community/not-mine.png"))).status());
        assertEquals(401, platform.http().post("/api/v1/community/posts", Map.of()).status());
    }
}
