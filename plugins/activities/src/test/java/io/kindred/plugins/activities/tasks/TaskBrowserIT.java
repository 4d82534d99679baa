package io.kindred.plugins.activities.tasks;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task centre in a browser: on a phone a member sends a proof, sees it wait, and sees the task done with a full
 * progress bar once approved; every task page, member and console, fits a phone and a desktop in both languages.
 */
class TaskBrowserIT {

    private static TestPlatform p;
    private static long follow;
    private static long streak;
    private static long share;

    @BeforeAll
    static void start() {
        p = TaskFixture.withCheckins(new MutableClock(TaskFixture.START));
        follow = TaskFixture.task(p, "tasks.follow", 1, 50, "once",
                Map.of("platform", "Weibo", "account", "@kindred_brand_" + "x".repeat(60)));
        streak = TaskFixture.task(p, "checkin.streak", 3, 30, "once", Map.of());
        share = TaskFixture.task(p, "tasks.share", 2, 5, "daily", Map.of("url", "/"));
        TaskFixture.task(p, "tasks.profile", 1, 20, "once", Map.of());
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void onAPhoneAMemberSendsAProofAndSeesTheTaskDoneOnceApproved() {
        Browser.requireChromium();
        Http amy = p.member("amy@browser.test", "Amy");
        try (Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.signIn(p.baseUrl(), "amy@browser.test", "member-password-1");
            b.open(p.baseUrl(), "/activities/tasks");
            WebElement card = d.findElement(By.id("task-" + follow));
            card.findElement(By.name("handle")).sendKeys("amy_on_weibo");
            b.clickAndWait(card.findElement(By.cssSelector("button[type=submit]")));
            assertTrue(d.findElement(By.id("task-" + follow)).getText().contains("waiting for review"));

            long proof = p.admin().get("/api/v1/admin/tasks/proofs").json().path("items").path(0).path("id").asLong();
            assertEquals(200, p.admin().post("/api/v1/admin/tasks/proofs/" + proof + "/approve", Map.of()).status());

            b.open(p.baseUrl(), "/activities/tasks");
            WebElement done = d.findElement(By.id("task-" + follow));
            assertTrue(done.findElement(By.className("task-done")).isDisplayed());
            WebElement bar = done.findElement(By.tagName("progress"));
            assertEquals(bar.getAttribute("max"), bar.getAttribute("value"));
            assertEquals(50, TaskFixture.points(amy));

            b.clickAndWait(d.findElement(By.id("task-" + share)).findElement(By.cssSelector("button[type=submit]")));
            WebElement link = d.findElement(By.id("share-" + share + "-link"));
            assertTrue(link.getAttribute("value").contains("/activities/tasks/s/"), link.getAttribute("value"));
            WebElement copy = d.findElement(By.cssSelector("#share-" + share + " button[data-copy]"));
            assertTrue(copy.isDisplayed(), "the copy button shows with JavaScript");
            copy.click();
        }
    }

    @Test
    void everyTaskPageFitsAPhoneAndADesktopInBothLanguages() {
        Browser.requireChromium();
        Http wide = p.member("wide@browser.test", "Wide" + "Supercalifragilistic".repeat(2));
        long id = TaskFixture.userId(wide);
        assertEquals(200, p.admin().put("/api/v1/admin/users/" + id + "/roles", Map.of("roles", List.of("operator")))
                .status());
        wide.post("/api/v1/tasks/" + follow + "/proofs", Map.of());
        List<String> paths = List.of("/", "/activities/tasks", "/console/activities/tasks",
                "/console/activities/tasks/" + follow, "/console/activities/tasks/" + streak,
                "/console/activities/tasks/proofs");
        for (Dimension size : List.of(Browser.PHONE, new Dimension(1280, 800))) {
            try (Browser b = Browser.open(size)) {
                WebDriver d = b.driver();
                b.signIn(p.baseUrl(), "wide@browser.test", "member-password-1");
                for (String lang : List.of("en", "zh-CN")) {
                    b.open(p.baseUrl(), "/activities/tasks");
                    new Select(d.findElement(By.id("lang-select"))).selectByValue(lang);
                    b.clickAndWait(d.findElement(By.cssSelector("form.lang-switch button")));
                    for (String path : paths) {
                        b.open(p.baseUrl(), path);
                        b.assertFits(size + " " + lang + " " + path);
                        // a key without a text shows as itself; the built-in kinds' codes (tasks.follow …) are shown on purpose
                        assertTrue(!d.getPageSource().matches("(?s).*>\\s*tasks\\.(?!profile<|phone<|follow<|share<)[a-z.]+\\s*<.*"),
                                path + " shows a message key");
                    }
                }
            }
        }
    }
}
