package io.kindred.core.security;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hole 1 of issue 20: any member could point their profile at another member's avatar file (only the
 * {@code /uploads/} prefix was checked, {@code /uploads/../kindred.db} passed too) and then delete it by removing
 * or replacing their own. Now a profile names only the member's own upload, by the id the server gave it.
 */
class AvatarOwnershipTest {

    static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x2f6f5e);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static Path stored(String url) {
        return platform.dataDir().resolve(url.substring(1));
    }

    private static String avatarOf(Http member) {
        return member.get("/api/v1/me").json().path("user").path("avatar").asText(null);
    }

    @Test
    void aMemberCannotPointTheirProfileAtAnotherMembersFileNorDeleteIt() throws IOException {
        Http victim = platform.member("victim@avatars.test", "Victim");
        Path picture = Files.write(Files.createTempFile("avatar", ".png"), png());
        assertEquals(303, victim.form("/account").submitFile("/account/avatar", "avatar", picture).status());
        String victimUrl = avatarOf(victim);
        assertTrue(Files.exists(stored(victimUrl)), victimUrl);

        Http attacker = platform.member("attacker@avatars.test", "Attacker");
        for (String value : new String[]{victimUrl, victimUrl.substring(victimUrl.lastIndexOf('/') + 1),
                "/uploads/../kindred.db", "/uploads/avatars/../../kindred.db", "../kindred.db"}) {
            Http.Response r = attacker.patch("/api/v1/me", Map.of("avatar", value));
            assertEquals(400, r.status(), value + ": " + r.body());
            assertEquals("avatar_not_yours", r.errorCode(), value);
        }
        assertEquals(null, avatarOf(attacker));

        // Whatever the attacker does with their own avatar, on the page or the API, the victim's file stays.
        assertEquals(303, attacker.submitForm("/account", "/account/avatar/remove", Map.of()).status());
        assertEquals(303, attacker.form("/account").submitFile("/account/avatar", "avatar", picture).status());
        assertEquals(200, attacker.patch("/api/v1/me", Map.of("avatar", "")).status());
        assertTrue(Files.exists(stored(victimUrl)), "the victim's file is still there");
        assertEquals(victimUrl, avatarOf(victim));
        if (platform.kindred().database.dialect().equals("sqlite")) {
            assertTrue(Files.exists(platform.dataDir().resolve("kindred.db")));
        }
    }

    @Test
    void aMemberUsesTheirOwnUploadByItsIdAndReplacingItDeletesTheOldFile() throws IOException {
        Http ivy = platform.member("ivy@avatars.test", "Ivy");
        Http.Response first = ivy.raw("PUT", "/api/v1/me/avatar", "application/octet-stream", png());
        String firstId = first.json().path("upload").path("id").asText();
        String firstUrl = first.json().path("upload").path("url").asText();
        assertEquals("/uploads/avatars/" + firstId, firstUrl);
        assertEquals(firstUrl, first.json().path("user").path("avatar").asText());

        Http.Response same = ivy.patch("/api/v1/me", Map.of("avatar", firstId, "displayName", "Ivy B"));
        assertEquals(200, same.status(), same.body());
        assertEquals(firstUrl, same.json().path("user").path("avatar").asText(), "its own upload, by id");
        assertEquals(200, ivy.patch("/api/v1/me", Map.of("avatar", firstUrl)).status(), "or by its path");

        String secondUrl = ivy.raw("PUT", "/api/v1/me/avatar", "image/png", png()).json().path("upload").path("url").asText();
        assertFalse(Files.exists(stored(firstUrl)), "the replaced file is deleted");
        assertEquals(400, ivy.patch("/api/v1/me", Map.of("avatar", firstId)).status(), "a deleted upload is nobody's");

        assertEquals(200, ivy.patch("/api/v1/me", Map.of("avatar", "")).status());
        assertFalse(Files.exists(stored(secondUrl)), "removing deletes the member's own file");
        assertEquals(null, avatarOf(ivy));
    }

    @Test
    void aFileThatIsNotAPictureIsRefused() {
        Http jo = platform.member("jo@avatars.test", "Jo");
        Http.Response r = jo.raw("PUT", "/api/v1/me/avatar", "image/png", "<svg onload=alert(1)>".getBytes());
        assertEquals(415, r.status());
        assertEquals("avatar_type", r.errorCode());
    }
}
