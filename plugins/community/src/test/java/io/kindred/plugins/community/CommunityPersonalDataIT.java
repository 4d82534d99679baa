package io.kindred.plugins.community;

import com.fasterxml.jackson.databind.JsonNode;
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

/** A member's export shows what they wrote; erasure deletes it, from the search index and the disk too. */
class CommunityPersonalDataIT {

    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = Fixture.start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void erasureDeletesPostsCommentsLikesAndPicturesAndLeavesNoTokenInTheSearchIndex() throws Exception {
        Http other = p.member("pd-other@kindred.test", "Other PD");
        long othersPost = Fixture.postOk(other, "Spring serum", "Light and fresh.");
        Http zq = p.member("pd-zq@kindred.test", "Member PD");
        long userId = Fixture.userId(zq);
        Http.Response upload = Fixture.upload(zq, "zq7x-photo.png", Fixture.png(40, 30));
        assertEquals(201, upload.status(), upload.body());
        String picture = upload.json().path("image").path("url").asText();
        Http.Response created = zq.post("/api/v1/community/posts", Map.of("categoryId", Fixture.RECOMMENDATIONS,
                "title", "zq7x-title night cream", "body", "zq7x-note my skin loves it", "tags", List.of("zq7xtag"),
                "images", List.of(picture)));
        assertEquals(201, created.status(), created.body());
        long post = created.json().path("post").path("id").asLong();
        Http.Response comment = zq.post("/api/v1/community/posts/" + othersPost + "/comments",
                Map.of("body", "zq7x-comment where to buy"));
        assertEquals(201, comment.status(), comment.body());
        Http.Response like = zq.post("/api/v1/community/posts/" + othersPost + "/like", Map.of());
        assertTrue(like.status() == 200 || like.status() == 201, like.body());
        assertEquals(1, search("zq7x-note").size());

        JsonNode before = section(userId);
        assertEquals("zq7x-note my skin loves it", before.path("posts").path(0).path("body").asText());
        assertEquals("zq7x-comment where to buy", before.path("comments").path(0).path("body").asText());
        assertEquals(othersPost, before.path("likedPosts").path(0).path("postId").asLong());
        assertEquals(picture, before.path("uploads").path(0).path("url").asText());

        erase(userId);
        JsonNode after = section(userId);
        assertEquals("deleted", after.path("posts").path(0).path("status").asText());
        assertEquals("", after.path("posts").path(0).path("body").asText());
        assertEquals("", after.path("comments").path(0).path("body").asText());
        assertEquals(0, after.path("likedPosts").size());
        assertEquals(0, after.path("uploads").size());
        assertEquals(0, after.path("postPictures").size());
        assertEquals(404, p.http().get("/api/v1/community/posts/" + post).status());
        JsonNode others = p.http().get("/api/v1/community/posts/" + othersPost).json().path("post");
        assertEquals(0, others.path("likes").asLong());
        assertEquals(0, others.path("comments").asLong());
        assertEquals(0, search("zq7x-note").size());
        assertEquals(404, p.http().get(picture).status(), "the picture's file is deleted");

        erase(userId);
        assertEquals(after, section(userId));
        // "zq7": the first trigram of the member's words, as the FTS5 index stores its terms.
        assertNotInDatabase("zq7");
    }

    private static JsonNode search(String q) {
        Http.Response r = p.http().get("/api/v1/community/posts?q=" + q);
        assertEquals(200, r.status(), r.body());
        return r.json().path("items");
    }

    private static JsonNode section(long userId) {
        Http.Response r = admin.get("/api/v1/admin/users/" + userId + "/export");
        assertEquals(200, r.status(), r.body());
        JsonNode s = r.json().path("plugins").path("community");
        assertTrue(s.isObject(), r.body());
        return s;
    }

    private static void erase(long userId) {
        p.erase(userId);
    }

    /** Reads the bytes of the database file and its write-ahead log after a checkpoint, as an attacker with a copy would. */
    private static void assertNotInDatabase(String... needles) throws Exception {
        String file = p.databaseText();
        for (String needle : needles) {
            assertFalse(file.contains(needle), needle + " is still in the database file or its write-ahead log");
        }
    }
}
