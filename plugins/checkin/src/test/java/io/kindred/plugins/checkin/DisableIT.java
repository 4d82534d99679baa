package io.kindred.plugins.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.api.ui.NavEntry;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.kindred.plugins.checkin.Fixture.checkIn;
import static io.kindred.plugins.checkin.Fixture.checkInOk;
import static io.kindred.plugins.checkin.Fixture.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A disabled check-in plugin answers 404 and vanishes from pages; enabled again, its history is intact. */
class DisableIT {

    private static final String UTC = "UTC";
    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);

    private static void assertGone(TestPlatform p, Http member) {
        Http.Response api = checkIn(member);
        assertEquals(404, api.status(), api.body());
        assertEquals("not_found", api.errorCode());
        assertEquals(404, member.get("/api/v1/checkins/me").status());
        assertEquals(404, p.admin().get("/api/v1/admin/checkins/rules").status());
        assertEquals(404, member.get("/checkin").status());

        String home = member.get("/").body();
        assertFalse(home.contains("id=\"widget-checkin\""), home);
        assertFalse(home.contains("checkin-button"), home);
        assertFalse(home.contains("href=\"/checkin\""), "the member nav entry is gone");
        assertFalse(hasConsoleEntry(p), "the console nav entry is gone");
    }

    private static boolean hasConsoleEntry(TestPlatform p) {
        return p.kindred().ui.nav(NavEntry.Place.CONSOLE).stream().anyMatch(n -> n.path().equals("/console/checkin"));
    }

    private static void assertPresent(TestPlatform p, Http member) {
        String home = member.get("/").body();
        assertTrue(home.contains("id=\"widget-checkin\""), home);
        assertTrue(home.contains("href=\"/checkin\""), home);
        assertTrue(hasConsoleEntry(p));
    }

    @Test
    void disabledInDisabledTxtItsApiAnswers404AndItsWidgetAndNavAreGone() {
        try (TestPlatform p = TestPlatform.builder().plugin(Fixture.JAR).disabled("checkin")
                .clock(Fixture.clockAt(MARCH_10, UTC)).start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            assertGone(p, alice);
        }
    }

    @Test
    void enabledAgainTheHistoryIsIntact() throws Exception {
        Path dir = Files.createTempDirectory("kindred-checkin-");
        MutableClock clock = Fixture.clockAt(MARCH_10, UTC);
        try {
            try (TestPlatform first = TestPlatform.builder().dataDir(dir).plugin(Fixture.JAR).clock(clock).start()) {
                Fixture.rules(first, Fixture.PLAIN_RULES);
                Http alice = first.member("alice@kindred.test", "Alice");
                checkInOk(alice);
                assertPresent(first, alice);
            }
            Files.write(dir.resolve("plugins/disabled.txt"), List.of("checkin"), StandardCharsets.UTF_8);
            try (TestPlatform p = TestPlatform.builder().dataDir(dir).clock(clock).start()) {
                Http alice = p.http();
                assertEquals(200, alice.post("/api/v1/auth/login", Map.of("email", "alice@kindred.test",
                        "password", "member-password-1")).status());
                assertGone(p, alice);

                Http.Response enabled = p.admin().post("/api/v1/admin/plugins/checkin/enable", Map.of());
                assertEquals("STARTED", enabled.json().path("plugin").path("state").asText(), enabled.body());

                JsonNode me = alice.get("/api/v1/checkins/me").json();
                assertTrue(me.path("checkedInToday").asBoolean(), me.toString());
                assertEquals("2026-03-10", me.path("month").get(0).asText());
                assertEquals(10, points(alice));
                assertEquals("already_checked_in", checkIn(alice).errorCode());
                assertPresent(p, alice);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void disablingAtRunTimeRemovesTheWidgetAtOnce() {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(MARCH_10, UTC), UTC)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            assertPresent(p, alice);
            assertEquals(200, p.admin().post("/api/v1/admin/plugins/checkin/disable", Map.of()).status());
            assertGone(p, alice);
        }
    }
}
