package io.kindred.plugins.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Bundles;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.kindred.plugins.checkin.Fixture.checkInOk;
import static io.kindred.plugins.checkin.Fixture.nextDay;
import static io.kindred.plugins.checkin.Fixture.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The member pages, the home widget and the console pages: rendered, in both languages, usable without JavaScript. */
class PagesIT {

    private static final String UTC = "UTC";
    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);
    private static long createChallenge(TestPlatform p) {
        Http.Response r = p.admin().post("/api/v1/admin/checkins/challenges", Map.of("title", "7-day <b>challenge</b>",
                "startDay", "2026-03-09", "endDay", "2026-03-15", "daysRequired", 3, "rewardPoints", 30));
        assertEquals(201, r.status(), r.body());
        return r.json().path("challenge").path("id").asLong();
    }

    @Test
    void theGenericPluginSettingsFormShowsAndSavesTheRulesAsText() {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(MARCH_10, UTC), UTC)) {
            io.kindred.testkit.Http admin = p.admin();
            io.kindred.testkit.Http.Response listed = admin.get("/api/v1/admin/plugins/checkin/settings");
            assertEquals(200, listed.status(), listed.body());
            String milestones = null;
            for (var f : listed.json().path("settings")) {
                if (f.path("name").asText().equals("streakMilestones")) {
                    milestones = f.path("value").asText();
                }
            }
            assertEquals("3:5,7:20", milestones);
            assertEquals(200, admin.patch("/api/v1/admin/plugins/checkin/settings",
                    java.util.Map.of("streakMilestones", milestones, "pointsPerCheckin", "7")).status());
            assertEquals(7, admin.get("/api/v1/admin/checkins/rules").json().path("rules").path("pointsPerCheckin").asInt(),
                    "the rules API sees what the settings form saved");
        }
    }

    @Test
    void everyPageRendersInEnglishAndChineseWithoutMissingTexts() {
        MutableClock clock = Fixture.clockAt(MARCH_10, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            long id = createChallenge(p);
            Http alice = p.member("alice@kindred.test", "Alice");
            checkInOk(alice);
            Http admin = p.admin();
            List<String> memberPages = List.of("/", "/checkin", "/checkin?month=2026-02", "/checkin/challenges",
                    "/checkin/challenges/" + id, "/checkin/leaderboard");
            List<String> consolePages = List.of("/console/checkin", "/console/checkin/rules", "/console/checkin/challenges",
                    "/console/checkin/challenges/new", "/console/checkin/challenges/" + id);
            for (String lang : List.of("en", "zh-CN")) {
                String word = lang.equals("en") ? "Check" : "签到";
                alice.header("Accept-Language", lang);
                admin.header("Accept-Language", lang);
                for (String path : memberPages) {
                    assertRendered(alice.get(path), lang + " " + path, word);
                }
                for (String path : consolePages) {
                    assertRendered(admin.get(path), lang + " " + path, lang.equals("en") ? "Check" : "打卡活动");
                }
            }
            String detail = alice.get("/checkin/challenges/" + id).body();
            assertFalse(detail.contains("<b>challenge</b>"), "titles are escaped");
        }
    }

    private static void assertRendered(Http.Response r, String what, String word) {
        assertEquals(200, r.status(), what + ": " + r.body());
        assertTrue(r.body().contains(word), what + " shows '" + word + "'");
        assertFalse(r.body().contains("checkin."), what + " has a missing text: " + r.body());
    }

    @Test
    void homeWidgetChecksInWithOneTapWithoutJavaScript() {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(MARCH_10, UTC), UTC)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            String before = alice.get("/").body();
            assertTrue(before.contains("id=\"checkin-button\""), before);
            assertTrue(before.contains("You have not checked in today."), before);
            assertTrue(before.contains("id=\"checkin-streak\">0<"), before);

            Http.Response tapped = alice.submitForm("/", "/checkin", Map.of("back", "/"));
            assertEquals(303, tapped.status(), tapped.body());
            assertEquals("/?notice=checkin.done", tapped.headers().get("location"));

            String after = alice.get("/?notice=checkin.done").body();
            assertTrue(after.contains("id=\"checkin-streak\">1<"), after);
            assertFalse(after.contains("id=\"checkin-button\""));
            assertFalse(after.contains("You have not checked in today."));
            assertTrue(after.contains("Checked in. See you tomorrow!"), after);
            assertTrue(after.contains("id=\"checkin-balance\">5<"), after);
            assertEquals(5, points(alice));

            Http.Response again = alice.submitForm("/checkin", "/checkin", Map.of("back", "/checkin"));
            assertEquals("/checkin?notice=checkin.already_checked_in", again.headers().get("location"));
            Http.Response elsewhere = alice.submitForm("/checkin", "/checkin", Map.of("back", "https://evil.example/"));
            assertEquals("/?notice=checkin.already_checked_in", elsewhere.headers().get("location"));
        }
    }

    @Test
    void formWithoutCsrfTokenIsRefused() {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(MARCH_10, UTC), UTC)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            alice.header("X-Requested-With", null);
            Http.Response r = alice.raw("POST", "/checkin", "application/x-www-form-urlencoded", "back=%2F");
            assertEquals(403, r.status());
            assertEquals(0, points(alice));
        }
    }

    @Test
    void calendarOffersMakeUpsOnlyForDaysMissedSinceJoiningAndTheButtonMakesOneUp() {
        MutableClock clock = Fixture.clockAt(MARCH_10, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, Fixture.PLAIN_RULES);
            Http alice = p.member("alice@kindred.test", "Alice");
            checkInOk(alice);
            String joinDay = alice.get("/checkin").body();
            assertFalse(joinDay.contains("action=\"/checkin/makeup\""), "a member who joined today has no day to make up");
            assertEquals(409, Fixture.makeUp(alice, MARCH_10.minusDays(1)).status(), "nor through the API");

            Fixture.noonOf(clock, MARCH_10.plusDays(2), UTC);
            checkInOk(alice);
            String calendar = alice.get("/checkin").body();
            assertTrue(calendar.contains("name=\"day\" value=\"2026-03-11\""), calendar);
            assertFalse(calendar.contains("name=\"day\" value=\"2026-03-09\""), "the day before joining");
            assertFalse(calendar.contains("name=\"day\" value=\"2026-03-12\""), "today is checked in");
            assertFalse(calendar.contains("name=\"day\" value=\"2026-03-13\""), "the future cannot be made up");

            Http.Response r = alice.submitForm("/checkin", "/checkin/makeup", Map.of("day", "2026-03-11"));
            assertEquals(303, r.status(), r.body());
            assertEquals("/checkin?notice=checkin.makeup_done", r.headers().get("location"));
            String after = alice.get("/checkin").body();
            assertTrue(after.contains("Made up"), after);
            assertFalse(after.contains("name=\"day\" value=\"2026-03-11\""));
            assertEquals(3, alice.get("/api/v1/checkins/me").json().path("streak").asInt());

            Http.Response refused = alice.submitForm("/checkin", "/checkin/makeup", Map.of("day", "2026-03-12"));
            assertEquals("/checkin?notice=checkin.not_allowed", refused.headers().get("location"));
            assertTrue(alice.get("/checkin?notice=checkin.not_allowed").body().contains("That day cannot be made up."));
        }
    }

    @Test
    void challengePagesShowProgressAndTheJoinButtonJoins() {
        MutableClock clock = Fixture.clockAt(MARCH_10, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            long id = createChallenge(p);
            Http alice = p.member("alice@kindred.test", "Alice");
            checkInOk(alice);
            String page = "/checkin/challenges/" + id;
            assertTrue(alice.get(page).body().contains("action=\"/checkin/challenges/" + id + "/join\""));

            Http.Response joined = alice.submitForm(page, page + "/join");
            assertEquals(page + "?notice=checkin.joined", joined.headers().get("location"));
            String detail = alice.get(page).body();
            assertTrue(detail.contains("Progress: 1 of 3 days"), detail);
            assertTrue(detail.contains("<progress max=\"3\" value=\"1\">"), detail);
            assertTrue(alice.get("/checkin/challenges").body().contains("Progress: 1 of 3 days"));
        }
    }

    @Test
    void leaderboardShowsDisplayNamesOnlyAndLeavesOutMembersWhoOptedOut() {
        MutableClock clock = Fixture.clockAt(MARCH_10, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Http alice = p.member("alice@kindred.test", "Alice Wang");
            Http bob = p.member("bob@kindred.test", "Bob Li");
            Http carol = p.member("carol@kindred.test", "Carol Zhang");
            for (Http m : List.of(alice, bob, carol)) {
                checkInOk(m);
            }
            nextDay(clock);
            checkInOk(carol);
            assertTrue(bob.get("/api/v1/me/preferences").json().path("preferences").path("checkin.leaderboard").asBoolean(),
                    "members are on the board unless they opt out");
            assertEquals(200, bob.patch("/api/v1/me/preferences", Map.of("checkin.leaderboard", false)).status());

            Http.Response board = alice.get("/api/v1/checkins/leaderboard");
            assertEquals(200, board.status(), board.body());
            List<String> names = new ArrayList<>();
            for (JsonNode e : board.json().path("items")) {
                names.add(e.path("displayName").asText());
                assertEquals(List.of("days", "displayName", "longestStreak", "rank"),
                        iterator(e).stream().sorted().collect(Collectors.toList()), "display names only");
            }
            assertEquals(List.of("Carol Zhang", "Alice Wang"), names);
            assertEquals(2, board.json().path("items").get(0).path("longestStreak").asInt());

            String html = alice.get("/checkin/leaderboard").body();
            assertTrue(html.contains("Carol Zhang") && html.contains("Alice Wang"), html);
            assertFalse(html.contains("Bob Li"));
            assertFalse(html.contains("@kindred.test"), "no emails on the board");
        }
    }

    private static List<String> iterator(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void consoleFormsSaveRulesAndChallengesAndShowErrorsInPlace() {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(MARCH_10, UTC), UTC)) {
            Http admin = p.admin();
            Http.Response saved = admin.submitForm("/console/checkin/rules", "/console/checkin/rules", Map.of(
                    "pointsPerCheckin", "8", "streakMilestones", "3:5", "monthlyMilestones", "", "cycle", "weekly",
                    "makeupsPerMonth", "3", "makeupCost", "20"));
            assertEquals(303, saved.status(), saved.body());
            JsonNode rules = admin.get("/api/v1/admin/checkins/rules").json().path("rules");
            assertEquals(8, rules.path("pointsPerCheckin").asInt());
            assertEquals("weekly", rules.path("cycle").asText());
            assertEquals("", rules.path("monthlyMilestones").asText());

            Http.Response bad = admin.submitForm("/console/checkin/rules", "/console/checkin/rules", Map.of(
                    "pointsPerCheckin", "lots"));
            assertEquals(200, bad.status());
            assertTrue(bad.body().contains("role=\"alert\""), bad.body());
            assertEquals(8, admin.get("/api/v1/admin/checkins/rules").json().path("rules").path("pointsPerCheckin").asInt());

            Http.Response created = admin.submitForm("/console/checkin/challenges/new", "/console/checkin/challenges", Map.of(
                    "title", "周末打卡", "description", "", "startDay", "2026-03-14", "endDay", "2026-03-15",
                    "daysRequired", "2", "rewardPoints", "40", "badge", "", "consecutive", "true"));
            assertEquals(303, created.status(), created.body());
            String location = created.headers().get("location");
            assertTrue(location.startsWith("/console/checkin/challenges/"), location);
            String editPath = location.substring(0, location.indexOf('?'));
            JsonNode challenge = admin.get("/api/v1/admin/checkins/challenges").json().path("items").get(0);
            assertEquals("周末打卡", challenge.path("title").asText());
            assertTrue(challenge.path("consecutive").asBoolean());
            assertFalse(challenge.path("autoJoin").asBoolean());

            Http.Response invalid = admin.submitForm(editPath, editPath, Map.of("title", "周末打卡", "startDay", "2026-03-14",
                    "endDay", "2026-03-15", "daysRequired", "5", "rewardPoints", "40"));
            assertEquals(200, invalid.status());
            assertTrue(invalid.body().contains("daysRequired"), invalid.body());

            Http.Response deleted = admin.submitForm(editPath, editPath + "/delete");
            assertEquals("/console/checkin/challenges?notice=checkin.challenge_deleted", deleted.headers().get("location"));
            assertEquals(0, admin.get("/api/v1/admin/checkins/challenges").json().path("items").size());
        }
    }

    @Test
    void statsCountCheckInsPerDayForThirtyDaysAndLiveStreaks() {
        MutableClock clock = Fixture.clockAt(MARCH_10, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            Http bob = p.member("bob@kindred.test", "Bob");
            checkInOk(alice);
            checkInOk(bob);
            nextDay(clock);
            checkInOk(alice);

            Http.Response r = p.admin().get("/api/v1/admin/checkins/stats");
            assertEquals(200, r.status(), r.body());
            JsonNode stats = r.json().path("stats");
            JsonNode perDay = stats.path("perDay");
            assertEquals(30, perDay.size());
            assertEquals("2026-03-11", perDay.get(29).path("day").asText());
            assertEquals(1, perDay.get(29).path("count").asLong());
            assertEquals(2, perDay.get(28).path("count").asLong());
            assertEquals(1, stats.path("checkinsToday").asLong());
            Map<String, Long> buckets = new java.util.HashMap<>();
            stats.path("streaks").forEach(b -> buckets.put(b.path("bucket").asText(), b.path("members").asLong()));
            assertEquals(1, buckets.get("1"), "Bob's run is alive until today ends");
            assertEquals(1, buckets.get("2"));
            assertEquals(403, alice.get("/api/v1/admin/checkins/stats").status());

            String page = p.admin().get("/console/checkin").body();
            assertTrue(page.contains("data-values=\""), page);
            assertTrue(page.contains("/assets/bar-chart.js"));
            assertEquals(200, p.http().get("/assets/bar-chart.js").status());
        }
    }

    @Test
    void bundlesHaveTheSameKeysInEnglishAndChinese() {
        Bundles.assertSameKeys(CheckinPlugin.class.getClassLoader(), "messages/checkin");
    }
}
