package io.kindred.plugins.welcome;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The welcome gift's part of a member's export and of the erasure of their account (section {@code welcome}). */
class WelcomePersonalDataIT {

    private static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));

    @Test
    void exportShowsTheGiftAndErasureKeepsItSoTheGiftIsNeverGivenTwice() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            Http member = p.member("lin@kindred.test", "Lin");
            p.awaitEvents();
            long id = member.get("/api/v1/me").json().path("user").path("id").asLong();

            JsonNode before = section(p, id);
            assertEquals(50, before.path("gift").path("points").asLong(), before.toString());
            assertEquals("points", before.path("gift").path("asset").asText());
            assertTrue(before.path("gift").path("givenAt").asText().endsWith("Z"), before.toString());
            assertTrue(section(p, p.admin().get("/api/v1/me").json().path("user").path("id").asLong()).isEmpty(),
                    "the administrator created at setup got no gift: an empty section");

            erase(p, id);
            assertEquals(before, section(p, id), "the gift credited points: it stays");
            assertEquals(50, p.kindred().ledger.balance(id, "points"));
            assertTrue(p.kindred().invariants.check().isEmpty(), String.valueOf(p.kindred().invariants.check()));
            erase(p, id);
            assertEquals(before, section(p, id), "a second erasure changes nothing");
        }
    }

    private static JsonNode section(TestPlatform p, long userId) {
        return p.exportOf(userId).path("plugins").path("welcome");
    }

    private static void erase(TestPlatform p, long userId) {
        p.erase(userId);
    }
}
