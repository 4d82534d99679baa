package io.kindred.plugins.community;

import io.kindred.testkit.Http;
import io.kindred.testkit.Multipart;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pictures of posts (checks, thumbnails, nine at most) and the import of official content. */
class ImportAndImagesIT {

    static TestPlatform platform;
    static Http member;

    @BeforeAll
    static void boot() {
        platform = Fixture.start();
        member = platform.member("pictures@import.test", "Pictures");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void anUploadedPictureGetsASmallThumbnailAndBelongsToItsUploader() {
        Http.Response r = Fixture.upload(member, "big.png", Fixture.png(1600, 1200));
        assertEquals(201, r.status(), r.body());
        String url = r.json().path("image").path("url").asText();
        String thumb = r.json().path("image").path("thumbUrl").asText();
        assertNotEquals(url, thumb);
        byte[] thumbBytes = platform.http().get(thumb).bytes();
        assertTrue(thumbBytes.length > 0 && thumbBytes.length < Fixture.png(1600, 1200).length * 4);
        Http.Response post = member.post("/api/v1/community/posts", Map.of("categoryId", 1, "title", "With a picture",
                "body", "See", "images", List.of(url)));
        assertEquals(201, post.status(), post.body());
        assertEquals(thumb, post.json().path("post").path("images").get(0).path("thumbUrl").asText());
        Http thief = platform.member("thief@import.test", "Thief");
        Http.Response stolen = thief.post("/api/v1/community/posts", Map.of("categoryId", 1, "title", "Not mine",
                "body", "x", "images", List.of(url)));
        assertEquals(400, stolen.status(), stolen.body());
    }

    @Test
    void aScriptOrATenthPictureIsRefused() {
        Http.Response script = Fixture.upload(member, "x.png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, script.status(), script.body());
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            urls.add(Fixture.upload(member, "p" + i + ".png", Fixture.png(20, 20)).json().path("image").path("url").asText());
        }
        Http.Response ten = member.post("/api/v1/community/posts", Map.of("categoryId", 1, "title", "Ten", "body", "x",
                "images", urls));
        assertEquals("too_many_images", ten.json().path("error").path("code").asText(), ten.body());
    }

    @Test
    void officialContentIsImportedOnceFromJsonAndCsv() {
        String picture = platform.baseUrl() + Fixture.upload(member, "feed.png", Fixture.png(300, 300))
                .json().path("image").path("url").asText();
        Map<String, Object> feed = Map.of("items", List.of(
                Map.of("title", "Our story", "body", "How the brand **began**.", "date", "2025-05-01",
                        "images", List.of(picture), "tags", List.of("story")),
                Map.of("title", "Best sellers", "body", "Top three", "category", "best-sellers", "date", "2025-06-01T08:00:00Z"),
                Map.of("title", "Bad date", "body", "x", "date", "yesterday")));
        Http.Response first = platform.admin().post("/api/v1/admin/community/import", feed);
        assertEquals(200, first.status(), first.body());
        assertEquals(2, first.json().path("import").path("imported").asInt(), first.body());
        assertEquals(3, first.json().path("import").path("failed").get(0).path("row").asInt(), first.body());
        Http.Response again = platform.admin().post("/api/v1/admin/community/import", feed);
        assertEquals(2, again.json().path("import").path("skipped").asInt(), again.body());
        var story = platform.http().get("/api/v1/community/posts?tag=story").json().path("items").get(0);
        assertTrue(story.path("official").asBoolean());
        assertEquals("2025-05-01", story.path("createdAt").asText().substring(0, 10));
        assertTrue(story.path("images").get(0).path("url").asText().startsWith("/uploads/community/"), story.toString());

        String csv = "title,body,images,date,category,tags\n\"Our story\",\"How the brand **began**.\",,2025-05-01,,\n"
                + "\"From the CSV\",\"Imported, with a comma\",,2025-07-01,share-to-earn,\"csv,import\"\n";
        Multipart body = new Multipart().file("file", "feed.csv", csv.getBytes(StandardCharsets.UTF_8));
        Http.Response fromCsv = platform.admin().raw("POST", "/api/v1/admin/community/import", body.contentType(), body.bytes());
        assertEquals(200, fromCsv.status(), fromCsv.body());
        assertEquals(1, fromCsv.json().path("import").path("imported").asInt(), fromCsv.body());
        assertEquals(1, fromCsv.json().path("import").path("skipped").asInt(), fromCsv.body());
        assertEquals("Imported, with a comma", platform.http().get("/api/v1/community/posts?tag=csv").json()
                .path("items").get(0).path("body").asText());
        Multipart broken = new Multipart().file("file", "x.csv", "just,a,line\n".getBytes(StandardCharsets.UTF_8));
        Http.Response bad = platform.admin().raw("POST", "/api/v1/admin/community/import", broken.contentType(), broken.bytes());
        assertEquals("invalid_import", bad.json().path("error").path("code").asText(), bad.body());
        assertEquals(403, member.post("/api/v1/admin/community/import", feed).status());
    }

    @Test
    void aServerImportsWithAnApiKeyAndTheAuditLogNamesTheKey() {
        Http.Response r = platform.apiClient("cms-sync").post("/api/v1/admin/community/import", Map.of("items",
                List.of(Map.of("title", "From the CMS", "body", "Synced", "date", "2025-08-01"))));
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().path("import").path("imported").asInt(), r.body());
        Http.Response audit = platform.admin().get("/api/v1/admin/audit?limit=5");
        assertTrue(audit.body().contains("\"actor\":\"API key cms-sync\""), audit.body());
    }
}
