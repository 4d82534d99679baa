package io.kindred.testkit;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A real headless Chromium for page tests: Debian's {@code /usr/bin/chromium} driven through
 * {@code /usr/bin/chromedriver}, named explicitly (Selenium Manager cannot download anything here), with a
 * fresh profile. Where Chromium is missing the test is skipped with a notice, except when {@code CI} is set:
 * there a missing browser fails the run.
 *
 * <pre>{@code
 * try (Browser b = Browser.open(Browser.PHONE)) {
 *     b.signIn(platform.baseUrl(), "mei@example.com", "member-password-1");
 *     b.open(platform.baseUrl(), "/points");
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1280, 800);
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test (or fails it under CI) when Chromium is not installed. */
    public static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String notice = "Browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install -y chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(notice + ": missing under CI");
            }
            System.err.println("NOTICE: skipped. " + notice);
            Assumptions.abort(notice);
        }
    }

    public static Browser open(Dimension size) {
        requireChromium();
        try {
            Path profile = Files.createTempDirectory("kindred-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--window-size=" + size.getWidth() + "," + size.getHeight());
            if (size.getWidth() < 600) {
                // Headless windows have a minimum width; emulate the phone's viewport instead.
                options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                        java.util.Map.of("width", size.getWidth(), "height", size.getHeight(), "pixelRatio", 1.0)));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Clicks an element that submits a form or follows a link, and waits until the next page has replaced it. The
     * element is scrolled to the middle of the window first, as a member's thumb would: near the bottom of a phone's
     * screen it would lie under the tab bar.
     */
    public void clickAndWait(org.openqa.selenium.WebElement element) {
        centre(element);
        element.click();
        waitForNextPage(element);
    }

    /** Scrolls {@code element} to the middle of the window (a fixed tab bar covers the bottom of a phone's screen). */
    public void centre(org.openqa.selenium.WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    }

    /** Waits until {@code element} has left the page (a form was submitted, a link followed) and the next page is loaded. */
    public void waitForNextPage(org.openqa.selenium.WebElement element) {
        org.openqa.selenium.support.ui.WebDriverWait wait =
                new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                // stale, or Chromium's "node does not belong to the document" while the next page replaces it
                return true;
            }
        });
        wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }

    /** @return how many CSS pixels the page is wider than the window (0 when nothing scrolls sideways) */
    public long sidewaysScroll() {
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return ((Number) overflow).longValue();
    }

    /** Fails when the page scrolls sideways, as a page for phones must not. @param what the page, for the message */
    public void assertFits(String what) {
        long overflow = sidewaysScroll();
        if (overflow != 0) {
            throw new AssertionError(what + " scrolls sideways by " + overflow + " px");
        }
    }

    /** Opens a path of the site and waits for the page. */
    public void open(String baseUrl, String path) {
        driver.get(baseUrl + path);
    }

    /** Signs in through the sign-in page as a member does: types the email and password, submits, waits for the next page. */
    public void signIn(String baseUrl, String email, String password) {
        driver.get(baseUrl + "/signin");
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(password);
        clickAndWait(driver.findElement(By.cssSelector("form[action='/signin'] button[type=submit]")));
    }

    /** Signs up through the sign-up page: opens {@code /signup}, then {@link #submitSignUp}. */
    public void signUp(String baseUrl, String displayName, String email, String password) {
        driver.get(baseUrl + "/signup");
        submitSignUp(displayName, email, password);
    }

    /**
     * Fills in the sign-up form of the page open now (an invite link {@code /signup?ref=…}, say), submits it and
     * waits for the next page.
     */
    public void submitSignUp(String displayName, String email, String password) {
        driver.findElement(By.name("displayName")).sendKeys(displayName);
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.name("consent")).click();
        clickAndWait(driver.findElement(By.cssSelector("form[action='/signup'] button[type=submit]")));
    }

    /**
     * Saves a picture of the current page for the tour: {@code target/screenshots/<name>.png}, and also into the folder
     * named by the system property {@code kindred.tour.dir} when it is set (the docs' screenshots are regenerated with
     * {@code -Dkindred.tour.dir=$PWD/docs/screenshots}; see docs/tour.md).
     *
     * @param name e.g. {@code me-phone}
     */
    public void tourShot(String name) {
        Path shot = screenshot(Path.of("target/screenshots", name + ".png"));
        String tour = System.getProperty("kindred.tour.dir", "");
        if (!tour.isBlank()) {
            try {
                Files.createDirectories(Path.of(tour));
                Files.copy(shot, Path.of(tour, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Saves a PNG of the current page to {@code file}. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp profile; the OS cleans up
            }
        }
    }
}
