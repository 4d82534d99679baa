package io.kindred.dist.browser;

import io.kindred.dist.memo.MemoPlugin;
import io.kindred.testkit.Browser;
import io.kindred.testkit.PluginJars;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator installs a plugin jar from the console's plugins page in a real browser (the file chooser, the
 * CSRF token of the form), sees it running and in the recent changes, then runs a job from the jobs page.
 */
class PluginConsoleBrowserIT {

    @TempDir
    Path tmp;

    @Test
    void anAdministratorInstallsAPluginFromTheConsoleAndRunsAJobNow() {
        Browser.requireChromium();
        Path jar = PluginJars.plugin("memo", "1.0.0", MemoPlugin.class).withPackage()
                .file("db/memo/V1__notes.sql", "CREATE TABLE memo_notes (id ${id}, user_id BIGINT NOT NULL, text TEXT NOT NULL);")
                .write(tmp);
        try (TestPlatform p = TestPlatform.builder().start(); Browser b = Browser.open(Browser.DESKTOP)) {
            b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            b.open(p.baseUrl(), "/console/plugins");
            b.driver().findElement(By.cssSelector("input[type=file][name=jar]")).sendKeys(jar.toAbsolutePath().toString());
            b.clickAndWait(b.driver().findElement(By.cssSelector("form[action='/console/plugins/install'] button[type=submit]")));

            assertTrue(b.driver().getCurrentUrl().contains("notice=console_plugin_installed"), b.driver().getCurrentUrl());
            String card = b.driver().findElement(By.id("plugin-memo")).getText();
            assertTrue(card.contains("memo") && card.contains("1.0.0") && card.contains("Running"), card);
            assertTrue(b.driver().findElement(By.id("audit-h")).findElement(By.xpath("..")).getText().contains("Installed memo 1.0.0"));
            b.screenshot(Path.of("target/screenshots/console-plugins-desktop.png"));
            assertEquals("STARTED", p.admin().get("/api/v1/admin/plugins/memo").json().path("plugin").path("state").asText());

            b.open(p.baseUrl(), "/console/jobs");
            b.clickAndWait(b.driver().findElement(By.cssSelector("#job-core-purge-sessions button[type=submit]")));
            String notice = b.driver().findElement(By.cssSelector("p.notice")).getText();
            assertTrue(notice.contains("core/purge-sessions") && notice.contains("0"), notice);
            b.screenshot(Path.of("target/screenshots/console-jobs-desktop.png"));
        }
    }

    @Test
    void thePluginsAndJobsPagesFitAPhoneInChinese() {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start(); Browser b = Browser.open(Browser.PHONE)) {
            b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            b.open(p.baseUrl(), "/");
            b.driver().manage().addCookie(new org.openqa.selenium.Cookie("kindred_lang", "zh-CN"));
            for (String page : new String[]{"/console/plugins", "/console/jobs"}) {
                b.open(p.baseUrl(), page);
                assertTrue(b.driver().findElement(By.tagName("h1")).getText().matches(".*[\\u4e00-\\u9fff].*"),
                        page + " is in Chinese");
                Object sideways = ((org.openqa.selenium.JavascriptExecutor) b.driver())
                        .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
                assertEquals(Boolean.FALSE, sideways, page + " scrolls sideways on a phone");
                b.screenshot(Path.of("target/screenshots/console" + page.replace("/console", "").replace('/', '-') + "-phone-zh.png"));
            }
        }
    }
}
