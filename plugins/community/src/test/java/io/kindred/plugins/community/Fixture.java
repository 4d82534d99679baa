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
        return relaxed(TestPlatform.builder().plugin(JAR)).start();
    }

    /**
     * Lifts the new-member and rate limits of moderation (see {@code ModerationIT} for them), so that a test about
     * something else may have one member write as much as it needs.
     */
    static TestPlatform.Builder relaxed(TestPlatform.Builder builder) {
        return builder.setting("community.newMemberPostsPerDay", "1000").setting("community.newMemberCommentsPerDay", "10000")
                .setting("community.newMemberLinksPerPost", "100").setting("community.newMemberImagesPerPost", "9")
                .setting("community.postsPerTenMinutes", "1000").setting("community.commentsPerMinute", "1000");
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

    /** @return a PNG picture of the given size, one colour */
    static byte[] png(int width, int height) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Uploads a picture for a post. @return the response ({@code image.url} on success) */
    static Http.Response upload(Http member, String fileName, byte[] bytes) {
        io.kindred.testkit.Multipart body = new io.kindred.testkit.Multipart().file("image", fileName, bytes);
        return member.raw("POST", "/api/v1/community/images", body.contentType(), body.bytes());
    }

    static long userId(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }
}
