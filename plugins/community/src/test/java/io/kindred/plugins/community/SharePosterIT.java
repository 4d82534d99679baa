package io.kindred.plugins.community;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sharing a post from its page: the full link to copy or send, its QR code, and a share poster drawn by the core. */
class SharePosterIT {

    @Test
    void afterShareThePostPageOffersTheFullLinkItsQrCodeAndAPoster() throws Exception {
        try (TestPlatform p = Fixture.start()) {
            Http writer = p.member("writer@share.test", "Writer");
            long id = Fixture.postOk(writer, "Our autumn tea tasting was lovely", "Photos inside");
            Http reader = p.member("reader@share.test", "Reader");

            Http.Response shared = reader.submitForm("/community/posts/" + id, "/community/posts/" + id + "/share");
            assertEquals(303, shared.status(), shared.body());
            String page = reader.get("/community/posts/" + id + "?shared=1").body();
            assertTrue(page.contains("id=\"share-link\"") && page.contains("value=\"" + p.baseUrl() + "/community/posts/" + id),
                    "the full link to copy: " + page);
            assertTrue(page.contains("/share/qr.svg?path=%2Fcommunity%2Fposts%2F" + id), "its QR code");
            assertEquals(200, reader.get("/share/qr.svg?path=/community/posts/" + id).status());

            Http.Response poster = reader.get("/community/posts/" + id + "/poster.png");
            assertEquals(200, poster.status(), poster.body());
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(poster.bytes()));
            assertEquals(750, png.getWidth());
            assertEquals(1334, png.getHeight());
            assertTrue(new Http(p.baseUrl()).get("/community/posts/" + id + "/poster.png").status() != 200,
                    "a visitor has no link of their own to put on a poster");
        }
    }
}
