package io.kindred.dist.browser;

import io.kindred.testkit.Browser;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator reads the API reference at {@code /console/api}: Swagger UI, loaded from its WebJar and started by
 * the theme's script under the strict Content-Security-Policy, renders the operations of the core and the plugins.
 */
class ApiReferenceBrowserIT {

    @Test
    void anOperatorReadsTheApiReferenceOfTheCoreAndThePlugins() {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start(); Browser b = Browser.open(Browser.DESKTOP)) {
            b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            b.open(p.baseUrl(), "/console/api");
            JavascriptExecutor js = (JavascriptExecutor) b.driver();
            js.executeScript("window.__cspViolations = [];"
                    + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
                    + "e.violatedDirective + ' ' + e.blockedURI));");
            new WebDriverWait(b.driver(), Duration.ofSeconds(30))
                    .until(d -> !d.findElements(By.cssSelector("#api-reference .opblock")).isEmpty());

            String text = b.driver().findElement(By.id("api-reference")).getText();
            assertTrue(text.contains("/api/v1/admin/users") && text.contains("/api/v1/checkins"), "core and plugin paths");
            assertEquals("[]", String.valueOf(js.executeScript("return JSON.stringify(window.__cspViolations);")),
                    "what the Content-Security-Policy blocked while rendering");
            b.screenshot(Path.of("target/screenshots/console-api-desktop.png"));
        }
    }
}
