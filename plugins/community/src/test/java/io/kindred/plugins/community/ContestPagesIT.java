package io.kindred.plugins.community;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;


import static io.kindred.plugins.community.ContestFixture.contest;
import static io.kindred.plugins.community.ContestFixture.create;
import static io.kindred.plugins.community.ContestFixture.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contest pages for members and the console: rendered, usable without JavaScript, and in a real browser. */
class ContestPagesIT {

    static MutableClock clock = ContestFixture.clock();
    static TestPlatform platform;
    static Http admin;

    @BeforeAll
    static void boot() {
        platform = ContestFixture.start(clock);
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void anyoneSeesTheContestWithItsRulesPrizesAndEntries() {
        long contest = create(admin, contest(clock, "pagelist", 3));
        entry(platform.member("author@pages.test", "Page author"), "A <b>bold</b> entry", "pagelist");
        Http visitor = platform.http();
        Http.Response list = visitor.get("/community/contests");
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("Best serum story pagelist"), list.body());
        Http.Response page = visitor.get("/community/contests/" + contest);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<strong>your</strong>"), "rules rendered");
        assertFalse(page.body().contains("<script>alert"), "rules sanitised");
        assertTrue(page.body().contains("A &lt;b&gt;bold&lt;/b&gt; entry"), "titles escaped");
        assertTrue(page.body().contains("Gold creator"));
        assertTrue(page.body().contains("href=\"/signin\""), "anonymous visitors are asked to sign in to vote");
    }

    @Test
    void aVoteFormCountsTheVoteAndRedirectsWithANotice() {
        long contest = create(admin, contest(clock, "pageform", 1));
        long post = entry(platform.member("author@form.test", "Form author"), "Form entry", "pageform");
        Http voter = platform.member("voter@form.test", "Form voter");
        String page = "/community/contests/" + contest;
        Http.Response r = voter.submitForm(page, page + "/entries/" + post + "/vote");
        assertEquals(303, r.status(), r.body());
        assertTrue(r.headers().getOrDefault("location", r.headers().getOrDefault("Location", "")).contains("notice=community.contests.voted"),
                r.headers().toString());
        Http.Response after = voter.get(page + "?notice=community.contests.voted");
        assertTrue(after.body().contains("Your vote is counted."), after.body());
        assertTrue(after.body().contains("/unvote"), "the entry now offers to take the vote back");
        assertEquals(1, ContestFixture.votesOf(voter, contest, post));
    }

    @Test
    void anOperatorCreatesEndsAndDecidesAContestInTheConsole() {
        assertEquals(200, admin.get("/console/community/contests").status());
        assertEquals(200, admin.get("/console/community/contests/new").status());
        String today = ContestFixture.today(clock).toString();
        Http.Response saved = admin.submitForm("/console/community/contests/new", "/console/community/contests",
                "title", "Console contest", "rules", "Be *kind*", "categoryId", "0", "tag", "consoletag",
                "startDay", today, "endDay", today, "entriesInWindow", "true", "voting", "true",
                "votingStartDay", today, "votingEndDay", today, "votesPerMember", "2",
                "prize1Points", "300", "prize1Title", "Console star", "prize2Points", "", "prize2Title", "");
        assertEquals(303, saved.status(), saved.body());
        String location = saved.headers().getOrDefault("location", saved.headers().get("Location"));
        String path = location.substring(0, location.indexOf('?'));
        long contest = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        Http winner = platform.member("winner@console.test", "Console winner");
        long post = entry(winner, "Console entry", "consoletag");
        clock.advance(java.time.Duration.ofMinutes(1));

        Http.Response bad = admin.submitForm(path, path, "title", "", "startDay", today, "endDay", today);
        assertEquals(200, bad.status(), "the form comes back with the error");
        assertTrue(bad.body().contains("role=\"alert\""), bad.body());

        assertEquals(303, admin.submitForm(path, path + "/end").status());
        Http.Response edit = admin.get(path);
        assertTrue(edit.body().contains("name=\"rank1\""), "the winners form is offered once the contest ended");
        assertEquals(303, admin.submitForm(path, path + "/winners", "rank1", String.valueOf(post)).status());
        assertEquals(300, ContestFixture.points(winner));
        assertTrue(admin.get(path).body().contains("Console star"));
        assertTrue(platform.http().get("/community/contests/" + contest).body().contains("Console winner"));
    }

    @Test
    void theContestPagesSpeakChinese() {
        long contest = create(admin, contest(clock, "chinese", 3));
        Http reader = platform.member("reader@chinese.test", "Reader");
        assertEquals(303, reader.submitForm("/community/contests", "/language", "lang", "zh-CN",
                "back", "/community/contests").status());
        String list = reader.get("/community/contests").body();
        assertTrue(list.contains("内容创作活动"), list);
        String page = reader.get("/community/contests/" + contest).body();
        assertTrue(page.contains("奖项") && page.contains("征稿中") && page.contains("剩余 3 票"), page);
    }

    @Test
    void aMemberVotesOnThePhoneInARealBrowser() {
        long contest = create(admin, contest(clock, "browser", 3));
        entry(platform.member("author@browser.test", "Browser author"), "Browser entry", "browser");
        platform.member("voter@browser.test", "Browser voter");
        try (Browser phone = Browser.open(Browser.PHONE)) {
            phone.signIn(platform.baseUrl(), "voter@browser.test", "member-password-1");
            phone.open(platform.baseUrl(), "/community/contests/" + contest);
            var button = phone.driver().findElement(By.cssSelector("article.entry form[action$='/vote'] button"));
            phone.clickAndWait(button);
            String text = phone.driver().findElement(By.tagName("main")).getText();
            assertTrue(text.contains("Your vote is counted."), text);
            assertTrue(text.contains("1 vote"), text);
            assertTrue(text.contains("2 votes left"), text);
        }
    }
}
