package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site has an icon in its brand colour and a manifest, so that a phone can keep it on its home screen. */
class AppIconsTest {

    @Test
    void everyPageLinksTheIconAndTheManifestWhichNameTheSiteInItsBrandColour() throws IOException {
        try (TestPlatform p = TestPlatform.builder().setting("site.name", "Tea Club")
                .setting("site.brand-color", "#aa3366").start()) {
            Http visitor = p.http();
            String home = visitor.get("/").body();
            assertTrue(home.contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">")
                    && home.contains("<link rel=\"icon\" href=\"/favicon.svg\""), home);
            assertTrue(p.admin().get("/console").body().contains("href=\"/favicon.svg\""), "the console too");

            Http.Response manifest = visitor.get("/manifest.webmanifest");
            assertEquals(200, manifest.status());
            assertTrue(manifest.headers().get("content-type").startsWith("application/manifest+json"));
            JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.body());
            assertEquals("Tea Club", m.path("name").asText());
            assertEquals("standalone", m.path("display").asText());
            assertEquals("#aa3366", m.path("theme_color").asText());
            for (JsonNode icon : m.path("icons")) {
                assertEquals(200, visitor.get(icon.path("src").asText()).status(), icon.toString());
            }
            assertTrue(visitor.get("/favicon.svg").body().contains("fill=\"#aa3366\""));
            for (int size : new int[]{192, 512}) {
                Http.Response png = visitor.get("/icon-" + size + ".png");
                assertEquals("image/png", png.headers().get("content-type"));
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
                assertEquals(size, image.getWidth());
                assertEquals(0xaa3366, image.getRGB(size / 2, size / 10) & 0xffffff, "the brand colour");
            }
            assertEquals(200, visitor.get("/favicon.ico").status(), "browsers that ask for it get an icon, not a 404");
        }
    }
}
