package io.kindred.plugins.welcome;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugin that cannot start is marked FAILED, says why in one log line, and the platform runs on with the
 * plugins that work.
 */
class PluginFailureIT {

    private static final Path WELCOME = Path.of(System.getProperty("kindred.plugin.jar"));

    @TempDir
    Path jars;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureLog() {
        originalErr = System.err;
        System.setErr(new PrintStream(new Tee(originalErr, log), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        System.setErr(originalErr);
    }

    @Test
    void pluginThatThrowsInContributeIsFailedAndThePlatformRunsOn() {
        Path broken = PluginJars.write(jars, "broken", "1.0.0", BrokenPlugin.class.getName(), BrokenPlugin.class);
        try (TestPlatform p = TestPlatform.builder().plugin(broken).plugin(WELCOME).start()) {
            assertFailed(p, "broken", "broken on purpose");
            assertEquals(404, p.http().get("/api/v1/broken/ping").status(), "a route declared before the throw is not served");
            assertWelcomeWorks(p);
            assertEquals(1, logLinesAbout("broken"), logText());
        }
    }

    @Test
    void pluginWhosePluginClassIsMissingIsFailedAndThePlatformRunsOn() {
        Path ghost = PluginJars.write(jars, "ghost", "1.0.0", "io.kindred.plugins.ghost.GhostPlugin", BrokenPlugin.class);
        try (TestPlatform p = TestPlatform.builder().plugin(ghost).plugin(WELCOME).start()) {
            assertFailed(p, "ghost", "GhostPlugin");
            assertWelcomeWorks(p);
            assertEquals(1, logLinesAbout("ghost"), logText());
        }
    }

    @Test
    void pluginClassThatIsNoKindredPluginIsFailed() {
        Path stranger = PluginJars.write(jars, "stranger", "1.0.0", PluginJars.class.getName(), PluginJars.class);
        try (TestPlatform p = TestPlatform.builder().plugin(stranger).plugin(WELCOME).start()) {
            assertFailed(p, "stranger", "");
            assertWelcomeWorks(p);
        }
    }

    @Test
    void enablingAFailedPluginAgainFailsAgainWithoutHarm() {
        Path broken = PluginJars.write(jars, "broken", "1.0.0", BrokenPlugin.class.getName(), BrokenPlugin.class);
        try (TestPlatform p = TestPlatform.builder().plugin(broken).plugin(WELCOME).start()) {
            Http admin = p.admin();
            Http.Response r = admin.post("/api/v1/admin/plugins/broken/enable", Map.of());
            assertEquals(200, r.status(), r.body());
            assertEquals("FAILED", r.json().path("plugin").path("state").asText());
            assertEquals(404, p.http().get("/api/v1/broken/ping").status());
            assertEquals(200, admin.post("/api/v1/admin/plugins/broken/disable", Map.of()).status());
            assertEquals("DISABLED", find(admin.get("/api/v1/admin/plugins").json().path("items"), "broken").path("state").asText());
            assertWelcomeWorks(p);
        }
    }

    private static void assertFailed(TestPlatform p, String id, String reasonContains) {
        assertEquals("ok", p.http().get("/healthz").json().path("status").asText());
        assertEquals("FAILED", find(p.http().get("/healthz").json().path("plugins"), id).path("state").asText());
        JsonNode listed = find(p.admin().get("/api/v1/admin/plugins").json().path("items"), id);
        assertEquals("FAILED", listed.path("state").asText());
        assertTrue(listed.path("error").asText().contains(reasonContains), listed.toString());
        assertFalse(p.kindred().plugins.classLoaderOf(id).isPresent(), "a failed plugin is unloaded");
    }

    private static void assertWelcomeWorks(TestPlatform p) {
        assertEquals("STARTED", find(p.http().get("/healthz").json().path("plugins"), "welcome").path("state").asText());
        Http alice = p.member("alice@kindred.test", "Alice");
        p.awaitEvents();
        assertEquals(200, alice.get("/api/v1/welcome/me").status());
        assertEquals(50, alice.get("/api/v1/me/balances").json().path("balances").path("points").asLong());
    }

    private static JsonNode find(JsonNode plugins, String id) {
        for (JsonNode n : plugins) {
            if (n.path("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " is not listed: " + plugins);
    }

    private long logLinesAbout(String id) {
        List<String> lines = logText().lines().toList();
        return lines.stream().filter(l -> l.contains(id) || l.startsWith("\tat ") || l.startsWith("Caused by")).count();
    }

    private String logText() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Writes to the real stderr and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final ByteArrayOutputStream b;

        Tee(OutputStream a, ByteArrayOutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) {
            try {
                a.write(c);
            } catch (java.io.IOException ignored) {
                // the copy is what matters
            }
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            try {
                a.write(buf, off, len);
            } catch (java.io.IOException ignored) {
                // the copy is what matters
            }
            synchronized (b) {
                b.write(buf, off, len);
            }
        }
    }
}
