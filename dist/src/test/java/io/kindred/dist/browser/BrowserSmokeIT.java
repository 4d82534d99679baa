package io.kindred.dist.browser;

import io.kindred.testkit.Browser;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BrowserSmokeIT {

    @Test
    void theHomePageRendersInARealBrowser() {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start(); Browser b = Browser.open(Browser.PHONE)) {
            b.driver().get(p.baseUrl() + "/");
            assertEquals("Kindred", b.driver().findElement(By.cssSelector(".hero h1")).getText());
            b.screenshot(Path.of("target/screenshots/smoke-home-phone.png"));
        }
    }
}
