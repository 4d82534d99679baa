package ${package};

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.server.web.PluginRouter;
import io.kindred.testkit.Bundles;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kindred booted with this plugin loaded through PF4J from its built jar, as a real deployment loads it:
 * a real SQLite file in a temporary directory, the real server on a random port, real HTTP.
 * Failsafe runs it after the jar is built ({@code mvn verify}) and passes the jar as {@code kindred.plugin.jar}.
 */
class ${pluginName}PluginIT {

    private static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));

    @Test
    void thePluginStartsFromItsJar() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            JsonNode plugins = p.http().get("/healthz").json().path("plugins");
            boolean started = false;
            for (JsonNode plugin : plugins) {
                started |= plugin.path("id").asText().equals("${pluginId}") && plugin.path("state").asText().equals("STARTED");
            }
            assertTrue(started, plugins.toString());
        }
    }

    @Test
    void aNewMemberIsGreetedAndTheRouteSaysSo() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            assertEquals(401, p.http().get("/api/v1/${pluginId}/me").status(), "members only");

            Http alice = p.member("alice@example.com", "Alice");
            p.awaitEvents();                                        // the listener has run

            Http.Response mine = alice.get("/api/v1/${pluginId}/me");
            assertEquals(200, mine.status(), mine.body());
            assertTrue(mine.json().path("greeting").path("greeted").asBoolean(), mine.body());
            assertFalse(mine.json().path("greeting").path("at").asText().isBlank(), mine.body());
        }
    }

    @Test
    void aMembersGreetingIsInTheirExportAndGoneAfterTheirAccountIsErased() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            Http alice = p.member("alice@example.com", "Alice");
            p.awaitEvents();
            long id = alice.get("/api/v1/me").json().path("user").path("id").asLong();

            JsonNode before = p.admin().get("/api/v1/admin/users/" + id + "/export").json().path("plugins").path("${pluginId}");
            assertFalse(before.path("greeting").path("greetedAt").asText().isBlank(), before.toString());
            Http.Response erased = p.admin().post("/api/v1/admin/users/" + id + "/erase", java.util.Map.of());
            assertEquals(200, erased.status(), erased.body());
            JsonNode after = p.admin().get("/api/v1/admin/users/" + id + "/export").json().path("plugins").path("${pluginId}");
            assertTrue(after.isEmpty(), after.toString());
        }
    }

    @Test
    void everyApiRouteIsInTheApiDescription() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            JsonNode paths = p.http().get("/api/v1/openapi.json").json().path("paths");
            int routes = 0;
            for (PluginRouter.Declared r : p.kindred().router.declared()) {
                if (r.owner().equals("${pluginId}") && r.path().startsWith("/api/v1/")) {
                    routes++;
                    assertTrue(paths.path(r.path()).has(r.method().toLowerCase(Locale.ROOT)),
                            r.method() + " " + r.path() + " is not in src/main/resources/openapi/${pluginId}.json");
                }
            }
            assertTrue(routes > 0);
        }
    }

    @Test
    void thePageSpeaksEnglishAndChinese() {
        try (TestPlatform p = TestPlatform.builder().plugin(JAR).start()) {
            Http alice = p.member("alice@example.com", "Alice");
            p.awaitEvents();

            Http.Response english = alice.header("Accept-Language", "en").get("/${pluginId}");
            assertEquals(200, english.status(), english.body());
            assertTrue(english.body().contains("Hello, Alice! Welcome aboard."), english.body());

            Http.Response chinese = alice.header("Accept-Language", "zh-CN").get("/${pluginId}");
            assertEquals(200, chinese.status(), chinese.body());
            assertTrue(chinese.body().contains("您好，Alice！欢迎加入。"), chinese.body());
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Bundles.assertSameKeys(getClass().getClassLoader(), "messages/${pluginId}");
    }
}
