package io.kindred.plugins.activities.surveys;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.activities.surveys.SurveyFixture.answer;
import static io.kindred.plugins.activities.surveys.SurveyFixture.answers;
import static io.kindred.plugins.activities.surveys.SurveyFixture.body;
import static io.kindred.plugins.activities.surveys.SurveyFixture.create;
import static io.kindred.plugins.activities.surveys.SurveyFixture.option;
import static io.kindred.plugins.activities.surveys.SurveyFixture.optionId;
import static io.kindred.plugins.activities.surveys.SurveyFixture.question;
import static io.kindred.plugins.activities.surveys.SurveyFixture.questionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a browser: a member answers a branching questionnaire on a phone (the skipped question hides, the answers are
 * recorded with it "not asked"), and every questionnaire page, member and console, fits a phone and a desktop in
 * English and Chinese.
 */
class SurveyPagesIT {

    private static final java.util.regex.Pattern MESSAGE_KEY = java.util.regex.Pattern.compile("surveys\\.(?!css)[a-zA-Z]");
    private static final Path IT_PLUGINS = Path.of(System.getProperty("kindred.it.plugins"));
    private static TestPlatform p;
    private static Http admin;
    private static long wideId;

    @BeforeAll
    static void start() {
        p = SurveyFixture.platform(SurveyFixture.clock())
                .plugin(IT_PLUGINS.resolve("kindred-plugin-membership.jar")).start();
        admin = p.admin();
        JsonNode wide = create(admin, body("A questionnaire about our spring skincare line with a very long title "
                + "Supercalifragilisticexpialidocious".repeat(2), 30, false, List.of(
                question("single", "Which " + "verylongwordwithoutspaces".repeat(4) + "?", true,
                        option("Yes " + "x".repeat(60)), option("No", "3")),
                question("image", "Which bottle do you prefer?", false,
                        Map.of("label", "Green", "imageUrl", "/uploads/surveys/green.png"),
                        Map.of("label", "Blue", "imageUrl", "/uploads/surveys/blue.png")),
                question("multiple", "Which sizes?", false, option("30 ml"), option("50 ml")),
                question("scale", "How soft is it?", false),
                question("nps", "Recommend us?", false),
                question("long_text", "Tell us more", false))));
        wideId = wide.path("id").asLong();
        for (int i = 0; i < 3; i++) {
            Http m = p.member("r" + i + "@pages.test", "R" + i);
            assertEquals(201, answer(m, wideId, answers(questionId(wide, 1), List.of(optionId(wide, 1, 1 + i % 2)),
                    questionId(wide, 5), 8 + i, questionId(wide, 6), "Lovely " + "y".repeat(120))).status());
        }
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aMemberAnswersABranchingQuestionnaireOnAPhoneAndTheSkippedQuestionIsRecordedAsNotAsked() {
        Browser.requireChromium();
        JsonNode s = create(admin, body("Serum on the go", 25, false, List.of(
                question("single", "Do you use our serum?", true, option("Yes"), option("No", "3")),
                question("short_text", "Since when?", true),
                question("long_text", "What would make you try it?", false))));
        long id = s.path("id").asLong();
        p.member("phone@pages.test", "Phone");
        try (Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.signIn(p.baseUrl(), "phone@pages.test", "member-password-1");
            b.open(p.baseUrl(), "/activities/surveys");
            b.assertFits("/activities/surveys");
            b.clickAndWait(d.findElement(By.cssSelector("a.button[href='/activities/surveys/" + id + "']")));
            b.assertFits("/activities/surveys/" + id);
            assertTrue(d.findElement(By.id("q-2")).isDisplayed());
            d.findElement(By.cssSelector("#q-1 input[value='" + optionId(s, 1, 2) + "']")).click();
            assertFalse(d.findElement(By.id("q-2")).isDisplayed(), "question 2 is skipped by the answer No");
            d.findElement(By.cssSelector("#q-3 textarea")).sendKeys("A smaller bottle");
            b.clickAndWait(d.findElement(By.id("send")));
            assertTrue(d.findElement(By.id("thanks")).getText().contains("25"), d.getPageSource());
            b.assertFits("/activities/surveys/" + id + "?done=1");
        }
        String csv = admin.get("/api/v1/admin/surveys/" + id + "/results.csv").body();
        assertTrue(csv.contains("\"No\",\"(not asked)\",\"A smaller bottle\""), csv);
    }

    @Test
    void everyQuestionnairePageFitsAPhoneAndADesktopInBothLanguages() {
        Browser.requireChromium();
        assertTrue(admin.get("/console/activities/surveys").body().contains("value=\"tier\""), "tiers with membership on");
        List<String> paths = List.of("/activities/surveys", "/activities/surveys/" + wideId, "/console/activities/surveys",
                "/console/activities/surveys/" + wideId, "/console/activities/surveys/" + wideId + "/results");
        for (Dimension size : List.of(Browser.PHONE, new Dimension(1280, 800))) {
            try (Browser b = Browser.open(size)) {
                WebDriver d = b.driver();
                b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
                for (String lang : List.of("en", "zh-CN")) {
                    b.open(p.baseUrl(), "/activities/surveys");
                    new Select(d.findElement(By.id("lang-select"))).selectByValue(lang);
                    b.clickAndWait(d.findElement(By.cssSelector("form.lang-switch button")));
                    for (String path : paths) {
                        b.open(p.baseUrl(), path);
                        assertFalse(MESSAGE_KEY.matcher(d.getPageSource()).find(), lang + " " + path + " shows a message key");
                        b.assertFits(size + " " + lang + " " + path);
                    }
                }
            }
        }
    }
}
