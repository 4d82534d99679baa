package io.kindred.core;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console says where each setting's value comes from, and a console value never hides kindred.properties
 * silently: it says so and offers the file's value back.
 */
class SettingSourceTest {

    static TestPlatform platform;
    static Http admin;

    @BeforeAll
    static void start() throws IOException {
        Path data = Files.createTempDirectory("setting-source-");
        Files.writeString(data.resolve("kindred.properties"), "site.name=File Club\nsite.registration=open\n",
                StandardCharsets.UTF_8);
        platform = TestPlatform.builder().dataDir(data).env("KINDRED_SITE_TIMEZONE", "Asia/Shanghai").start();
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void everyFieldSaysWhereItsValueComesFromAndAConsoleValueOverridingTheFileCanBeUndone() {
        String page = admin.get("/console/settings").body();
        assertTrue(source(page, "site-name").contains("From kindred.properties."), page);
        assertTrue(source(page, "site-timezone").contains("Set by the environment."), page);
        assertTrue(source(page, "site-brand-color").contains("Default value."), page);
        assertTrue(platform.http().get("/").body().contains("File Club"), "the visitor home, rendered before the change");

        Http.Response saved = admin.submitForm("/console/settings", "/console/settings", Map.of("site.name", "Console Club"));
        assertEquals(303, saved.status(), saved.body());
        String after = admin.get("/console/settings").body();
        assertTrue(source(after, "site-name").contains("Saved here in the console.")
                && source(after, "site-name").contains("It overrides kindred.properties, which says “File Club”."), after);
        assertTrue(platform.http().get("/").body().contains("Console Club"));

        Http.Response reset = admin.submitForm("/console/settings", "/console/settings", Map.of("_reset", "site.name"));
        assertEquals(303, reset.status(), reset.body());
        assertEquals("/console/settings?notice=console_settings_reset", reset.headers().get("location"));
        assertTrue(source(admin.get("/console/settings").body(), "site-name").contains("From kindred.properties."));
        assertTrue(platform.http().get("/").body().contains("File Club"), "the file's value applies again");
        assertFalse(platform.kindred().settings.consoleOverridesOfFile().contains("site.name"));
    }

    /** @return the text of the source line under the field {@code id} */
    private static String source(String page, String id) {
        int at = page.indexOf("id=\"source-" + id.replace("site-", "site.").replace('.', '-') + "\"");
        if (at < 0) {
            at = page.indexOf("id=\"source-" + id + "\"");
        }
        assertTrue(at >= 0, "no source line for " + id + ": " + page);
        return page.substring(at, page.indexOf("</p>", at));
    }
}
