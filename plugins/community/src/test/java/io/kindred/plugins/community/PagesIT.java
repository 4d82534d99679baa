package io.kindred.plugins.community;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The member and console pages: every one renders in both languages; the whole story in a real browser. */
class PagesIT {

    static TestPlatform platform;

    @BeforeAll
    static void boot() {
        platform = Fixture.start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void everyPageRendersInEnglishAndChineseWithoutMissingTexts() {
        Http alice = platform.member("alice@pages.test", "Alice");
        long id = Fixture.postOk(alice, "Hello <b>board</b>", "First **post**", List.of("hello"));
        alice.post("/api/v1/community/posts/" + id + "/comments", Map.of("body", "self comment"));
        Http admin = platform.admin();
        List<String> memberPages = List.of("/", "/community", "/community?sort=hot", "/community?sort=featured",
                "/community?category=recommendations", "/community?tag=hello", "/community?q=post", "/community/posts/" + id,
                "/community/new", "/community/posts/" + id + "/edit", "/community/members/" + Fixture.userId(alice),
                "/community/bookmarks", "/community/feed?sort=latest");
        List<String> consolePages = List.of("/console/community", "/console/community/categories",
                "/console/community/featured", "/console/community/import");
        for (String lang : List.of("en", "zh-CN")) {
            String word = lang.equals("en") ? "Community" : "社区";
            alice.header("Accept-Language", lang);
            admin.header("Accept-Language", lang);
            for (String path : memberPages) {
                assertRendered(alice.get(path), lang + " " + path, path.startsWith("/community/feed") ? "Hello" : word);
            }
            for (String path : consolePages) {
                assertRendered(admin.get(path), lang + " " + path, word);
            }
        }
        assertFalse(alice.get("/community").body().contains("<b>board</b>"), "titles are escaped");
        Http.Form list = alice.form("/community?sort=hot");
        Http.Response liked = list.submit("/community/posts/" + id + "/like", "back", list.field("back"));
        assertEquals(303, liked.status(), "a like without JavaScript");
        assertEquals("/community?sort=hot", liked.headers().get("location"), "returns to the list it was given on");
        assertEquals(200, platform.http().get("/community/posts/" + id).status(), "anyone may read");
        Http.Response anonymous = platform.http().get("/community/new");
        assertEquals(303, anonymous.status(), "writing needs an account");
        assertTrue(anonymous.headers().get("location").contains("/signin"), anonymous.headers().toString());
    }

    @Test
    void aMemberPostsAPictureAnotherLikesAndCommentsAndTheOperatorPutsItOnTheHomePage() throws Exception {
        Browser.requireChromium();
        platform.member("writer@pages.test", "Writer");
        platform.member("reader@pages.test", "Reader");
        Path picture = Files.createTempFile("community-", ".png");
        Files.write(picture, Fixture.png(640, 480));
        String base = platform.baseUrl();
        long postId;
        try (Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.signIn(base, "writer@pages.test", "member-password-1");
            b.open(base, "/community");
            b.clickAndWait(d.findElement(By.cssSelector(".community-head a.button")));
            new Select(d.findElement(By.name("categoryId"))).selectByVisibleText("Recommendations");
            d.findElement(By.name("title")).sendKeys("Sunset serum");
            d.findElement(By.name("body")).sendKeys("My **favourite** for dry skin.");
            d.findElement(By.name("images")).sendKeys(picture.toString());
            d.findElement(By.name("tags")).sendKeys("serum, skin");
            b.clickAndWait(d.findElement(By.cssSelector("form.composer button[type=submit]")));
            assertTrue(d.getCurrentUrl().contains("/community/posts/"), d.getCurrentUrl());
            assertEquals("Your post is published.", d.findElement(By.cssSelector(".notice")).getText());
            postId = Long.parseLong(d.getCurrentUrl().replaceAll(".*/community/posts/(\\d+).*", "$1"));
            assertEquals(1, d.findElements(By.cssSelector(".gallery img")).size());
            assertEquals("favourite", d.findElement(By.cssSelector(".post-body strong")).getText());
        }
        try (Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.signIn(base, "reader@pages.test", "member-password-1");
            b.open(base, "/community/posts/" + postId);
            d.findElement(By.cssSelector("form.like button")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class) // htmx swaps the form between find and read
                    .until(x -> x.findElement(By.cssSelector("form.like .likes")).getText().equals("1"));
            d.findElement(By.id("comment-body")).sendKeys("Bought it, thanks!");
            b.clickAndWait(d.findElement(By.cssSelector("form.comment-form button")));
            assertTrue(d.findElement(By.cssSelector(".comments")).getText().contains("Bought it, thanks!"));
        }
        try (Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.signIn(base, TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            b.open(base, "/community/posts/" + postId);
            d.findElement(By.cssSelector(".operator-tools input[name=featured]")).click();
            d.findElement(By.cssSelector(".operator-tools input[name=pinHome]")).click();
            b.clickAndWait(d.findElement(By.cssSelector(".operator-tools button")));
            b.open(base, "/");
            assertTrue(d.findElement(By.id("home-post-" + postId)).getText().contains("Sunset serum"));
            b.screenshot(Path.of("target/screenshots/community-home.png"));
        }
        var post = platform.http().get("/api/v1/community/posts/" + postId).json().path("post");
        assertEquals(1, post.path("likes").asInt());
        assertEquals(1, post.path("comments").asInt());
        assertTrue(post.path("pinnedHome").asBoolean());
    }

    @Test
    void pagesFitAPhoneAndADesktopInBothLanguagesWithoutSidewaysScrolling() throws Exception {
        Browser.requireChromium();
        Http wide = platform.member("wide@pages.test", "Wide");
        long id = Fixture.postOk(wide, "A very long title that should wrap nicely on a small phone screen without pushing it",
                "https://brand.example/a/very/long/link/that/must/not/push/the/page/sideways/on/a/phone/" + "x".repeat(80),
                List.of("supercalifragilistic", "serum"));
        wide.post("/api/v1/community/posts/" + id + "/comments", Map.of("body", "y".repeat(300)));
        List<String> paths = List.of("/community", "/community?sort=hot", "/community/posts/" + id, "/community/new",
                "/community/members/" + Fixture.userId(wide), "/community/bookmarks", "/community/contests",
                "/console/community", "/console/community/categories", "/console/community/featured",
                "/console/community/import", "/console/community/moderation", "/console/community/contests");
        // An operator of its own: switching the language is saved on the account, which other tests must not see.
        assertEquals(200, platform.admin().put("/api/v1/admin/users/" + Fixture.userId(wide) + "/roles",
                Map.of("roles", List.of("operator"))).status());
        for (org.openqa.selenium.Dimension size : List.of(Browser.PHONE, new org.openqa.selenium.Dimension(1280, 800))) {
            try (Browser b = Browser.open(size)) {
                WebDriver d = b.driver();
                b.signIn(platform.baseUrl(), "wide@pages.test", "member-password-1");
                for (String lang : List.of("en", "zh-CN")) {
                    b.open(platform.baseUrl(), "/community");
                    new Select(d.findElement(By.id("lang-select"))).selectByValue(lang);
                    b.clickAndWait(d.findElement(By.cssSelector("form.lang-switch button")));
                    for (String path : paths) {
                        b.open(platform.baseUrl(), path);
                        Object overflow = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                        assertEquals(0L, ((Number) overflow).longValue(), size + " " + lang + " " + path + " scrolls sideways");
                    }
                }
            }
        }
    }

    private static void assertRendered(Http.Response r, String what, String word) {
        assertEquals(200, r.status(), what + ": " + r.body());
        assertTrue(r.body().contains(word), what + " shows '" + word + "'");
        String text = r.body().replaceAll("community\\.[0-9a-f]{10}\\.css|community\\.css", "");
        assertFalse(text.contains("community."), what + " has a missing text: " + r.body());
    }
}
