package io.kindred.plugins.community;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.kindred.plugins.community.Fixture.postOk;
import static io.kindred.plugins.community.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code member.merged}: posts follow the merged member; likes and bookmarks both gave count once. */
class MergeIT {

    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = Fixture.start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aMergeMovesPostsAndKeepsOneLikeAndOneBookmarkPerPerson() {
        Http author = platform.member("author@community-merge.test", "Author");
        Http stays = platform.member("stays@community-merge.test", "Stays");
        Http goes = platform.member("goes@community-merge.test", "Goes");
        long liked = postOk(author, "Our new tea", "Try the oolong.");
        long own = postOk(goes, "My first post", "Hello from the shop account.");
        for (Http h : new Http[]{stays, goes}) {
            assertEquals(200, h.post("/api/v1/community/posts/" + liked + "/like", Map.of()).status());
            assertEquals(200, h.post("/api/v1/community/posts/" + liked + "/bookmark", Map.of()).status() / 100 * 100);
        }
        assertEquals(2, post(liked).path("likes").asLong());

        Http admin = platform.admin();
        Http.Response merged = admin.post("/api/v1/admin/users/" + userId(stays) + "/merge", Map.of("from", userId(goes)));
        assertEquals(200, merged.status(), merged.body());
        admin.post("/api/v1/admin/users/" + userId(stays) + "/merge", Map.of("from", userId(goes)));
        platform.awaitEvents();

        assertEquals(1, post(liked).path("likes").asLong(), "one person, one like");
        assertEquals(userId(stays), post(own).path("authorId").asLong());
        assertEquals(1, stays.get("/api/v1/community/bookmarks").json().path("items").size());
        assertEquals(200, stays.delete("/api/v1/community/posts/" + liked + "/like").status(), "the like is the target's");
        assertEquals(0, post(liked).path("likes").asLong());
    }

    private static com.fasterxml.jackson.databind.JsonNode post(long id) {
        Http.Response r = platform.admin().get("/api/v1/community/posts/" + id);
        assertEquals(200, r.status(), r.body());
        return r.json().path("post");
    }
}
