package io.kindred.plugins.welcome;

import io.kindred.plugins.welcome.flaky.FlakyPlugin;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugin that fails at any step of its start leaves nothing behind: no route, no subscription receiving events,
 * no job, no service, no navigation entry. Each case installs the same plugin, set to fail at one step, through the
 * API; the last case lets it start, so that every check is shown to see a plugin that did stay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplyFailureIT {

    private static TestPlatform platform;
    private static Http admin;
    private static Path jars;
    private static int members;

    @BeforeAll
    static void start() throws IOException {
        jars = Files.createTempDirectory("kindred-flaky-");
        platform = TestPlatform.builder().start();
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        System.clearProperty("flaky.failAt");
        platform.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"migrations", "services", "routes", "jobs", "assets", "widgets"})
    @Order(1)
    void aPluginFailingAtThisStepLeavesNothingRunning(String step) throws Exception {
        System.setProperty("flaky.failAt", step);
        Http.Response r = install();
        assertEquals(422, r.status(), step + ": " + r.body());
        assertEquals("plugin_failed", r.errorCode(), r.body());
        assertEquals(404, admin.get("/api/v1/admin/plugins/flaky").status(), "a plugin that failed to install is not kept");

        long handled = Long.getLong("flaky.handled", 0);
        long ticks = Long.getLong("flaky.ticks", 0);
        assertEquals(404, platform.http().get("/api/v1/flaky/ping").status(), step + ": its route is gone");
        Http member = platform.member("member" + (++members) + "@kindred.test", "Member");
        platform.awaitEvents();
        Thread.sleep(1500);
        assertEquals(handled, Long.getLong("flaky.handled", 0), step + ": its subscription received an event");
        assertEquals(ticks, Long.getLong("flaky.ticks", 0), step + ": its job ran");
        assertFalse(admin.get("/api/v1/admin/jobs").body().contains("\"flaky\""), step + ": its job is listed");
        assertFalse(member.get("/").body().contains("href=\"/flaky\""), step + ": its navigation entry shows");
        assertTrue(admin.get("/api/v1/admin/audit?target=plugin:flaky").body().contains("plugin.install_failed"));
    }

    @Test
    @Order(2)
    void theSamePluginWithoutAFailureStartsAndEverythingOfItRuns() throws Exception {
        System.setProperty("flaky.failAt", "");
        Http.Response r = install();
        assertEquals(201, r.status(), r.body());
        assertEquals("STARTED", r.json().path("plugin").path("state").asText());
        long handled = Long.getLong("flaky.handled", 0);
        long ticks = Long.getLong("flaky.ticks", 0);
        assertEquals(200, platform.http().get("/api/v1/flaky/ping").status());
        Http member = platform.member("member" + (++members) + "@kindred.test", "Member");
        platform.awaitEvents();
        Thread.sleep(1500);
        assertEquals(handled + 1, Long.getLong("flaky.handled", 0), "its subscription received the event");
        assertTrue(Long.getLong("flaky.ticks", 0) > ticks, "its job ran");
        assertTrue(admin.get("/api/v1/admin/jobs").body().contains("\"flaky\""), "its job is listed");
        assertTrue(member.get("/").body().contains("href=\"/flaky\""), "its navigation entry shows");
    }

    private static Http.Response install() throws IOException {
        Path jar = io.kindred.testkit.PluginJars.plugin("flaky", "1.0.0", FlakyPlugin.class).classes(FlakyPlugin.Greeter.class)
                .file("db/flaky/V1__broken.sql", "CREATE TABLE flaky_rows (id ${id},);")
                .file("templates/widget.peb", "<p>flaky</p>")
                .file("messages/flaky.properties", "flaky.nav=Flaky\n")
                .write(jars);
        return admin.postMultipart("/api/v1/admin/plugins", Map.of(), "jar", jar);
    }
}
