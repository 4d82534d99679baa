package io.kindred.plugins.activities;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three parts together, as a member meets them on a phone from {@code /activities}: she joins an event, answers
 * a questionnaire with a branch, and so completes the task "answer a questionnaire"; every point moved once.
 */
class ActivitiesBrowserIT {

    private static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));

    private static TestPlatform p;
    private static Http admin;
    private static long eventId;
    private static JsonNode survey;
    private static long taskId;

    @BeforeAll
    static void start() {
        p = TestPlatform.builder().plugin(JAR).clock(new MutableClock(Instant.parse("2026-03-10T04:00:00Z")))
                .setting("site.timezone", "UTC").start();
        admin = p.admin();
        Map<String, Object> event = new HashMap<>(Map.of("title", "Tea tasting by the lake", "description", "Bring a cup.",
                "city", "Hangzhou", "address", "1 West Lake Road", "startsAt", "2026-03-20T10:00:00Z",
                "endsAt", "2026-03-20T13:00:00Z", "capacity", 10, "pricePoints", 30));
        eventId = created(admin.post("/api/v1/admin/activities/events", event), "event").asLong();
        survey = created(admin.post("/api/v1/admin/surveys", Map.of("title", "Serum on the go", "intro", "Help us choose.",
                "startsOn", "2026-03-01", "endsOn", "2026-03-31", "status", "open", "anonymous", false, "rewardPoints", 25,
                "questions", List.of(
                        Map.of("kind", "single", "text", "Do you use our serum?", "required", true,
                                "options", List.of(Map.of("label", "Yes"), Map.of("label", "No", "goTo", "3"))),
                        Map.of("kind", "short_text", "text", "Since when?", "required", true),
                        Map.of("kind", "nps", "text", "How likely are you to recommend us?", "required", true)))), "survey");
        taskId = created(admin.post("/api/v1/admin/tasks", Map.of("kind", "surveys.answer", "target", 1, "reward", 20,
                "period", "once", "params", Map.of())), "task").asLong();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void onAPhoneAMemberJoinsAnEventAnswersAQuestionnaireAndSoCompletesATask() {
        Browser.requireChromium();
        Http mia = p.member("mia@activities.test", "Mia");
        long miaId = mia.get("/api/v1/me").json().path("user").path("id").asLong();
        assertEquals(201, admin.post("/api/v1/admin/ledger/adjustments", Map.of("userId", miaId, "asset", "points",
                "amount", 100, "reason", "adjustment")).status());
        long surveyId = survey.path("id").asLong();
        try (Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.signIn(p.baseUrl(), "mia@activities.test", "member-password-1");
            b.open(p.baseUrl(), "/activities");
            b.assertFits("/activities");
            assertTrue(d.findElement(By.id("overview-tasks")).getText().contains("0 of 1"),
                    "today's tasks show the one to do: " + d.findElement(By.id("overview-tasks")).getText());

            b.clickAndWait(d.findElement(By.cssSelector("#overview-events a[href='/activities/events/" + eventId + "']")));
            b.clickAndWait(d.findElement(By.id("join")));
            assertTrue(d.findElement(By.cssSelector("svg.ticket-qr")).isDisplayed(), "joined: the ticket shows");
            b.assertFits("the ticket");

            b.open(p.baseUrl(), "/activities");
            b.clickAndWait(d.findElement(By.cssSelector("#overview-surveys a[href='/activities/surveys/" + surveyId + "']")));
            d.findElement(By.cssSelector("#q-1 input[value='" + option(1, 2) + "']")).click();
            assertFalse(d.findElement(By.id("q-2")).isDisplayed(), "'No' skips question 2");
            d.findElement(By.cssSelector("#q-3 input[value='9']")).click();
            b.clickAndWait(d.findElement(By.id("send")));
            assertTrue(d.findElement(By.id("thanks")).getText().contains("25"), d.getPageSource());

            b.open(p.baseUrl(), "/activities/tasks");
            WebElement task = d.findElement(By.id("task-" + taskId));
            assertTrue(task.findElement(By.className("task-done")).isDisplayed(), task.getText());
            WebElement bar = task.findElement(By.tagName("progress"));
            assertEquals(bar.getAttribute("max"), bar.getAttribute("value"));
            b.assertFits("/activities/tasks");
        }
        assertEquals(100 - 30 + 25 + 20, mia.get("/api/v1/me/balances").json().path("balances").path("points").asLong(),
                "ticket paid once, questionnaire and task rewarded once");
        assertEquals("joined", mia.get("/api/v1/activities/events/" + eventId + "/ticket").json().path("ticket")
                .path("status").asText());
        assertTrue(admin.get("/api/v1/admin/ledger/check").json().path("ok").asBoolean(), "the ledger holds");
    }

    @Test
    void theOverviewFitsAPhoneAndADesktopInBothLanguagesForVisitorsAndMembers() {
        Browser.requireChromium();
        p.member("wide@activities.test", "Wide");
        for (Dimension size : List.of(Browser.PHONE, new Dimension(1280, 800))) {
            try (Browser b = Browser.open(size)) {
                WebDriver d = b.driver();
                b.open(p.baseUrl(), "/activities");
                b.assertFits(size + " visitor");
                assertEquals(0, d.findElements(By.id("overview-surveys")).size(), "questionnaires are for members");
                b.signIn(p.baseUrl(), "wide@activities.test", "member-password-1");
                for (String lang : List.of("en", "zh-CN")) {
                    b.open(p.baseUrl(), "/activities");
                    new Select(d.findElement(By.id("lang-select"))).selectByValue(lang);
                    b.clickAndWait(d.findElement(By.cssSelector("form.lang-switch button")));
                    b.open(p.baseUrl(), "/activities");
                    assertFalse(d.getPageSource().matches("(?s).*>\\s*activities\\.[a-z.]+\\s*<.*"), "a message key shows");
                    b.assertFits(size + " " + lang);
                }
            }
        }
    }

    private static long option(int question, int option) {
        return survey.path("questions").get(question - 1).path("options").get(option - 1).path("id").asLong();
    }

    private static JsonNode created(Http.Response r, String name) {
        assertEquals(201, r.status(), r.body());
        return "survey".equals(name) ? r.json().path(name) : r.json().path(name).path("id");
    }
}
