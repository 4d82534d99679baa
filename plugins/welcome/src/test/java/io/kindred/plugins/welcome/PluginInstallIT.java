package io.kindred.plugins.welcome;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.plugins.welcome.sink.SinkPlugin;
import io.kindred.testkit.Http;
import io.kindred.testkit.PluginJars;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugin's life without a restart, through the admin API of one running platform: installed from an uploaded jar
 * and used at once, upgraded to a version with a new migration, kept running when an upgrade breaks, removed with
 * its data kept and installed again, removed with its data dropped, installed by copying its jar into the plugins
 * folder; and the jars that are refused, each with its reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginInstallIT {

    private static final Pattern STYLESHEET = Pattern.compile("/plugins/sink/assets/css/sink\\.[0-9a-f]{10}\\.css");

    private static TestPlatform platform;
    private static Http admin;
    private static Http member;
    private static Path jars;

    @BeforeAll
    static void start() throws IOException {
        jars = Files.createTempDirectory("kindred-install-");
        platform = TestPlatform.builder().start();
        admin = platform.admin();
        member = platform.member("ann@kindred.test", "Ann");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static PluginJars.Builder sink(String version) {
        return PluginJars.plugin("sink", version, SinkPlugin.class).withPackage().resources("sink-plugin");
    }

    private static Http.Response upload(Path jar) throws IOException {
        return admin.postMultipart("/api/v1/admin/plugins", Map.of(), "jar", jar);
    }

    private static boolean tableExists(String name) {
        return platform.hasTable(name);
    }

    @Test
    @Order(1)
    void anUploadedPluginRunsAtOnceWithItsRoutesPagesAndAssets() throws IOException {
        assertEquals(404, member.get("/api/v1/sink/notes").status(), "not there before");
        Http.Response r = upload(sink("1.0.0").write(jars));
        assertEquals(201, r.status(), r.body());
        assertEquals("STARTED", r.json().path("plugin").path("state").asText());
        assertEquals("1.0.0", r.json().path("plugin").path("version").asText());

        assertEquals(201, member.post("/api/v1/sink/notes", Map.of("text", "first")).status());
        assertEquals(200, member.get("/sink").status());
        String home = member.get("/").body();
        Matcher css = STYLESHEET.matcher(home);
        assertTrue(css.find(), "the plugin's stylesheet is linked from the page head");
        Http.Response file = member.get(css.group());
        assertEquals(200, file.status());
        assertTrue(file.headers().getOrDefault("content-type", "").startsWith("text/css"), file.headers().toString());
        assertTrue(file.headers().getOrDefault("cache-control", "").contains("immutable"), file.headers().toString());
        assertTrue(file.body().contains(".sink-note"));
        Http.Response plain = member.get("/plugins/sink/assets/css/sink.css");
        assertEquals(200, plain.status());
        assertEquals("no-cache", plain.headers().get("cache-control"));
        assertEquals(404, member.get("/plugins/sink/assets/css/sink.0123456789.css").status(), "a wrong fingerprint");
        assertEquals(404, member.get("/plugins/sink/assets/db/sink/V1__notes.sql").status(), "only the assets folder is served");
    }

    @Test
    @Order(2)
    void aNewerVersionReplacesItAndRunsItsNewMigration() throws IOException {
        Path v2 = sink("1.1.0").file("db/sink/V2__tags.sql", "CREATE TABLE sink_tags (id ${id}, note_id BIGINT NOT NULL, tag TEXT NOT NULL);")
                .write(jars);
        Http.Response r = upload(v2);
        assertEquals(200, r.status(), r.body());
        assertEquals("1.1.0", r.json().path("plugin").path("version").asText());
        assertEquals("STARTED", r.json().path("plugin").path("state").asText());
        assertTrue(tableExists("sink_tags"), "the new version's migration ran");
        assertEquals(1, member.get("/api/v1/sink/notes").json().path("items").size(), "the note written before is there");
    }

    @Test
    @Order(3)
    void aBrokenUpgradeLeavesTheRunningVersion() throws IOException {
        Path v3 = sink("1.2.0").file("db/sink/V2__tags.sql", "CREATE TABLE sink_tags (id ${id}, note_id BIGINT NOT NULL, tag TEXT NOT NULL);")
                .file("db/sink/V3__broken.sql", "ALTER TABLE no_such_table ADD COLUMN x TEXT;").write(jars);
        Http.Response r = upload(v3);
        assertEquals(422, r.status(), r.body());
        assertEquals("upgrade_failed", r.errorCode());
        JsonNode now = admin.get("/api/v1/admin/plugins/sink").json().path("plugin");
        assertEquals("1.1.0", now.path("version").asText());
        assertEquals("STARTED", now.path("state").asText());
        assertEquals(201, member.post("/api/v1/sink/notes", Map.of("text", "after the failed upgrade")).status());
        assertTrue(Files.exists(platform.dataDir().resolve("plugins/sink-1.1.0.jar")));
        assertFalse(Files.exists(platform.dataDir().resolve("plugins/sink-1.2.0.jar")));
    }

    @Test
    @Order(4)
    void jarsThatDoNotFitAreRefusedWithTheirReason() throws IOException {
        Http.Response same = upload(sink("1.1.0").write(jars.resolve("again")));
        assertEquals(409, same.status(), same.body());
        assertEquals("plugin_exists", same.errorCode());

        Http.Response future = upload(PluginJars.plugin("future", "1.0.0", SinkPlugin.class).manifest("Plugin-Requires", ">=99.0.0")
                .write(jars));
        assertEquals(422, future.status(), future.body());
        assertEquals("incompatible_plugin", future.errorCode());
        assertTrue(future.json().path("error").path("message").asText().contains(">=99.0.0"), future.body());

        Path notAJar = Files.writeString(jars.resolve("notes.jar"), "just text");
        Http.Response text = upload(notAJar);
        assertEquals(400, text.status(), text.body());
        assertEquals("invalid_plugin", text.errorCode());

        Http.Response noFile = admin.raw("POST", "/api/v1/admin/plugins", "application/json", "{}");
        assertEquals(400, noFile.status(), noFile.body());
        assertEquals(403, member.raw("POST", "/api/v1/admin/plugins", "application/json", "{}").status(), "members may not");
        assertEquals(404, admin.get("/api/v1/admin/plugins/future").status());
    }

    @Test
    @Order(5)
    void removingKeepsItsDataUnlessAskedAndConfirmed() throws IOException {
        Http.Response removed = admin.delete("/api/v1/admin/plugins/sink");
        assertEquals(200, removed.status(), removed.body());
        assertEquals(404, member.get("/api/v1/sink/notes").status(), "its routes are gone");
        assertEquals(404, member.get("/plugins/sink/assets/css/sink.css").status(), "its assets are gone");
        assertFalse(STYLESHEET.matcher(member.get("/").body()).find());
        assertTrue(tableExists("sink_notes"), "its data is kept");

        assertEquals(201, upload(sink("1.1.0").file("db/sink/V2__tags.sql",
                "CREATE TABLE sink_tags (id ${id}, note_id BIGINT NOT NULL, tag TEXT NOT NULL);").write(jars.resolve("back"))).status());
        assertEquals(2, member.get("/api/v1/sink/notes").json().path("items").size(), "installed again, it finds its notes");

        Http.Response unconfirmed = admin.delete("/api/v1/admin/plugins/sink?dropData=true&confirm=sin");
        assertEquals(400, unconfirmed.status(), unconfirmed.body());
        assertEquals("confirmation_mismatch", unconfirmed.errorCode());
        assertEquals("STARTED", admin.get("/api/v1/admin/plugins/sink").json().path("plugin").path("state").asText());

        Http.Response dropped = admin.delete("/api/v1/admin/plugins/sink?dropData=true&confirm=sink");
        assertEquals(200, dropped.status(), dropped.body());
        assertTrue(dropped.body().contains("sink_notes"), dropped.body());
        assertFalse(tableExists("sink_notes"));
        assertFalse(tableExists("sink_tags"));

        String audit = admin.get("/api/v1/admin/audit?target=plugin:sink").body();
        for (String act : new String[]{"plugin.installed", "plugin.upgraded", "plugin.upgrade_failed", "plugin.removed"}) {
            assertTrue(audit.contains(act), act + " in " + audit);
        }
    }

    @Test
    @Order(6)
    void aJarCopiedIntoThePluginsFolderIsInstalledWithinSeconds() throws Exception {
        Path jar = sink("2.0.0").write(jars.resolve("folder"));
        Path tmp = platform.dataDir().resolve("plugins/.copying");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, platform.dataDir().resolve("plugins/sink-2.0.0.jar"));
        long deadline = System.currentTimeMillis() + 20_000;
        String state = "";
        while (System.currentTimeMillis() < deadline && !state.equals("STARTED")) {
            Thread.sleep(200);
            state = admin.get("/api/v1/admin/plugins/sink").json().path("plugin").path("state").asText();
        }
        assertEquals("STARTED", state);
        assertEquals(200, member.get("/api/v1/sink/notes").status());

        Files.delete(platform.dataDir().resolve("plugins/sink-2.0.0.jar"));
        deadline = System.currentTimeMillis() + 20_000;
        int status = 200;
        while (System.currentTimeMillis() < deadline && status != 404) {
            Thread.sleep(200);
            status = admin.get("/api/v1/admin/plugins/sink").status();
        }
        assertEquals(404, status, "a jar deleted from the folder removes its plugin");
        assertEquals(404, member.get("/api/v1/sink/notes").status());
    }

    @Test
    @Order(7)
    void aPluginWhoseUpgradeWasCutShortByACrashComesBackOnTheNextStart() throws Exception {
        assertEquals(201, upload(sink("3.0.0").write(jars.resolve("crash"))).status());
        // The state a crash leaves between moving the old jar aside and putting the new one in place.
        Path previous = Files.createDirectories(platform.dataDir().resolve("plugins/.previous"));
        Files.move(platform.dataDir().resolve("plugins/sink-3.0.0.jar"), previous.resolve("sink-3.0.0.jar"));
        platform.restart();
        admin = platform.admin();
        member = platform.http();
        assertEquals(200, member.post("/api/v1/auth/login", Map.of("email", "ann@kindred.test", "password", "member-password-1")).status());
        assertEquals("STARTED", admin.get("/api/v1/admin/plugins/sink").json().path("plugin").path("state").asText());
        assertTrue(Files.exists(platform.dataDir().resolve("plugins/sink-3.0.0.jar")));
        assertEquals(200, member.get("/api/v1/sink/notes").status());
    }
}
