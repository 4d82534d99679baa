package io.kindred.plugins.welcome;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The welcome plugin loaded through PF4J from its built jar, as the single jar loads it: started, routed,
 * migrated, fed with events, and switched off and on at run time by the operator.
 */
class WelcomePluginIT {

    private static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));

    @Test
    void pluginIsStartedInHealthAndInTheAdminList() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            assertEquals("STARTED", pluginIn(p.http().get("/healthz").json().path("plugins")).path("state").asText());

            JsonNode listed = pluginIn(p.admin().get("/api/v1/admin/plugins").json().path("items"));
            assertEquals("STARTED", listed.path("state").asText());
            assertTrue(listed.path("enabled").asBoolean());
            assertEquals("0.1.0", listed.path("version").asText());
            assertFalse(listed.path("description").asText().isBlank());
        }
    }

    @Test
    void migrationCreatesItsTableUnderThePluginsOwnName() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            assertTrue(p.hasTable("welcome_gifts"));
            List<String> applied = p.kindred().database.read(h -> h.createQuery(
                    "SELECT name FROM schema_migrations WHERE owner = 'plugin:welcome' ORDER BY version").mapTo(String.class).list());
            assertEquals(List.of("welcome_gifts"), applied);
        }
    }

    @Test
    void newMemberGetsTheWelcomePointsThroughTheLedger() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            p.awaitEvents();

            JsonNode entries = alice.get("/api/v1/me/ledger").json().path("items");
            assertEquals(1, entries.size(), entries.toString());
            assertEquals("welcome", entries.get(0).path("reason").asText());
            assertEquals("points", entries.get(0).path("asset").asText());
            assertEquals(50, entries.get(0).path("amount").asLong());
            assertEquals(50, alice.get("/api/v1/me/balances").json().path("balances").path("points").asLong());

            Http.Response mine = alice.get("/api/v1/welcome/me");
            assertEquals(200, mine.status(), mine.body());
            assertTrue(mine.json().path("received").asBoolean());
            assertEquals(50, mine.json().path("gift").path("points").asLong());
        }
    }

    @Test
    void pluginRouteAnswersOnlyTheRightCallers() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            p.awaitEvents();

            assertEquals(401, p.http().get("/api/v1/welcome/me").status());
            assertEquals(403, alice.get("/api/v1/admin/welcome/stats").status());
            Http.Response stats = p.admin().get("/api/v1/admin/welcome/stats");
            assertEquals(200, stats.status(), stats.body());
            long members = stats.json().path("stats").path("members").asLong();
            assertTrue(members >= 1, stats.body());
            assertEquals(50 * members, stats.json().path("stats").path("points").asLong());
        }
    }

    @Test
    void pluginListedInDisabledTxtAnswers404AndGivesNoGift() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).disabled("welcome").start()) {
            assertEquals("DISABLED", pluginIn(p.http().get("/healthz").json().path("plugins")).path("state").asText());
            assertFalse(pluginIn(p.admin().get("/api/v1/admin/plugins").json().path("items")).path("enabled").asBoolean());

            Http bob = p.member("bob@kindred.test", "Bob");
            p.awaitEvents();

            Http.Response route = bob.get("/api/v1/welcome/me");
            assertEquals(404, route.status(), route.body());
            assertEquals("not_found", route.errorCode());
            assertEquals(0, bob.get("/api/v1/me/ledger").json().path("items").size());
        }
    }

    @Test
    void enablingAtRunTimeBringsTheRouteBackAndKeepsEarlierGifts() throws Exception {
        Path dir = Files.createTempDirectory("kindred-welcome-");
        try (TestPlatform first = TestPlatform.builder().dataDir(dir).plugin(JAR).start()) {
            first.member("alice@kindred.test", "Alice");
            first.awaitEvents();
        }
        Files.write(dir.resolve("plugins/disabled.txt"), List.of("welcome"), StandardCharsets.UTF_8);
        try (TestPlatform p = TestPlatform.builder().dataDir(dir).start()) {
            Http admin = p.admin();
            Http alice = p.http();
            alice.post("/api/v1/auth/login", Map.of("email", "alice@kindred.test", "password", "member-password-1"));
            assertEquals(404, admin.get("/api/v1/admin/welcome/stats").status());
            Http bob = p.member("bob@kindred.test", "Bob");
            p.awaitEvents();
            assertEquals(0, bob.get("/api/v1/me/ledger").json().path("items").size(), "no gift while the plugin is off");

            Http.Response enabled = admin.post("/api/v1/admin/plugins/welcome/enable", Map.of());
            assertEquals(200, enabled.status(), enabled.body());
            assertEquals("STARTED", enabled.json().path("plugin").path("state").asText());
            assertTrue(enabled.json().path("plugin").path("enabled").asBoolean());
            p.awaitEvents();
            assertEquals(0, bob.get("/api/v1/me/ledger").json().path("items").size(),
                    "what happened while the plugin was off is not delivered when it is switched back on");
            Http carol = p.member("carol@kindred.test", "Carol");
            p.awaitEvents();
            assertEquals(1, carol.get("/api/v1/me/ledger").json().path("items").size(), "a member joining now gets the gift");

            Http.Response stats = admin.get("/api/v1/admin/welcome/stats");
            assertEquals(200, stats.status(), stats.body());
            Http.Response alices = alice.get("/api/v1/welcome/me");
            assertEquals(200, alices.status(), alices.body());
            assertTrue(alices.json().path("received").asBoolean(), "the gift given before the plugin was disabled is still there");
            assertFalse(Files.readAllLines(dir.resolve("plugins/disabled.txt")).contains("welcome"));
        } finally {
            deleteTree(dir);
        }
    }

    @Test
    void disablingAtRunTimeTakesEffectAtOnceAndIsRemembered() throws Exception {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            Http admin = p.admin();
            Http alice = p.member("alice@kindred.test", "Alice");
            p.awaitEvents();
            assertEquals(200, alice.get("/api/v1/welcome/me").status());

            Http.Response disabled = admin.post("/api/v1/admin/plugins/welcome/disable", Map.of());
            assertEquals(200, disabled.status(), disabled.body());
            assertEquals("DISABLED", disabled.json().path("plugin").path("state").asText());
            assertFalse(disabled.json().path("plugin").path("enabled").asBoolean());

            assertEquals(404, alice.get("/api/v1/welcome/me").status());
            Http bob = p.member("bob@kindred.test", "Bob");
            p.awaitEvents();
            assertEquals(0, bob.get("/api/v1/me/ledger").json().path("items").size());
            assertTrue(Files.readAllLines(p.dataDir().resolve("plugins/disabled.txt")).contains("welcome"));
            assertEquals("DISABLED", pluginIn(p.http().get("/healthz").json().path("plugins")).path("state").asText());
        }
    }

    @Test
    void disablingSurvivesARestart() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            p.admin().post("/api/v1/admin/plugins/welcome/disable", Map.of());
            p.restart();
            assertEquals("DISABLED", pluginIn(p.http().get("/healthz").json().path("plugins")).path("state").asText());
            assertEquals(404, p.admin().get("/api/v1/admin/welcome/stats").status());
        }
    }

    @Test
    void enablingOrDisablingAnUnknownPluginIs404() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            Http admin = p.admin();
            for (String action : List.of("enable", "disable")) {
                Http.Response r = admin.post("/api/v1/admin/plugins/nope/" + action, Map.of());
                assertEquals(404, r.status(), r.body());
                assertEquals("not_found", r.errorCode());
                assertFalse(r.json().path("error").path("message").asText().isBlank());
            }
        }
    }

    @Test
    void onlyAnAdministratorMaySwitchPlugins() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            assertEquals(403, alice.post("/api/v1/admin/plugins/welcome/disable", Map.of()).status());
            assertEquals(401, p.http().post("/api/v1/admin/plugins/welcome/disable", Map.of()).status());
            assertTrue(p.kindred().plugins.isStarted("welcome"));
        }
    }

    static JsonNode pluginIn(JsonNode plugins) {
        for (JsonNode n : plugins) {
            if (n.path("id").asText().equals("welcome")) {
                return n;
            }
        }
        throw new AssertionError("welcome is not listed: " + plugins);
    }

    @Test
    void anAdministratorChangesThePluginsSettingsThroughTheApiAndTheConsoleForm() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            Http admin = p.admin();
            Http.Response listed = admin.get("/api/v1/admin/plugins/welcome/settings");
            assertEquals(200, listed.status(), listed.body());
            assertEquals("50", listed.json().path("settings").get(0).path("value").asText());

            Http.Response bad = admin.patch("/api/v1/admin/plugins/welcome/settings", Map.of("points", "lots"));
            assertEquals(400, bad.status());
            assertEquals("invalid_field", bad.errorCode());
            assertEquals(400, admin.patch("/api/v1/admin/plugins/welcome/settings", Map.of("nope", 1)).status());

            Http.Response saved = admin.patch("/api/v1/admin/plugins/welcome/settings", Map.of("points", 80));
            assertEquals(200, saved.status(), saved.body());
            Http dan = p.member("dan@kindred.test", "Dan");
            p.awaitEvents();
            assertEquals(80, dan.get("/api/v1/me/balances").json().path("balances").path("points").asLong());

            Http.Response page = admin.get("/console/plugins/welcome/settings");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("name=\"points\"") && page.body().contains("value=\"80\""), page.body());
            assertEquals(403, dan.get("/api/v1/admin/plugins/welcome/settings").status());
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
