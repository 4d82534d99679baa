package io.kindred.plugins.creators.candidates;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.kindred.plugins.creators.candidates.CandidatesFixture.csvIds;
import static io.kindred.plugins.creators.candidates.CandidatesFixture.member;
import static io.kindred.plugins.creators.candidates.CandidatesFixture.userId;
import static io.kindred.plugins.creators.candidates.CandidatesFixture.userIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The candidates view end to end through PF4J, with the real check-in, membership, community and distribution plugins:
 * seeded purchases, posts, likes, comments, check-ins and fans; the RFM ranking, each creator filter, invitations.
 */
class CandidatesIT {

    private static final Pattern MISSING_TEXT = Pattern.compile("(?<![/\\w])candidates\\.[a-zA-Z]+");
    private static MutableClock clock;
    private static TestPlatform p;
    private static Http shop;
    /** Members by name; their sessions. */
    private static final Map<String, Http> M = new HashMap<>();
    private static final Map<String, Long> ID = new HashMap<>();
    /** Each buyer's purchases as {day offset, amount}. */
    private static final Map<String, List<long[]>> BOUGHT = new HashMap<>();

    @BeforeAll
    static void seed() {
        clock = new MutableClock(CandidatesFixture.START);
        p = CandidatesFixture.platform(clock).start();
        shop = p.apiClient("shop");
        Http admin = p.admin();
        for (String n : List.of("amy", "bob", "cai", "dan", "eve")) {
            M.put(n, member(p, n + "@kindred.test", n.substring(0, 1).toUpperCase() + n.substring(1), null));
            ID.put(n, userId(M.get(n)));
        }
        // fans: Amy is a distributor and two members sign up with her code
        assertEquals(201, admin.post("/api/v1/admin/distribution/distributors", Map.of("userId", ID.get("amy"))).status());
        String code = M.get("amy").get("/api/v1/distribution/me").json().path("code").asText();
        for (String n : List.of("fan1", "fan2")) {
            M.put(n, member(p, n + "@kindred.test", n, code));
            ID.put(n, userId(M.get(n)));
        }
        // community: Bob posts twice and gets 4 likes, Cai once; Dan comments twice, Amy once
        long b1 = post(M.get("bob"), "Lipstick review");
        long b2 = post(M.get("bob"), "Serum review");
        post(M.get("cai"), "Noodles");
        for (String n : List.of("amy", "cai", "dan")) {
            assertEquals(200, M.get(n).post("/api/v1/community/posts/" + b1 + "/like", Map.of()).status());
        }
        assertEquals(200, M.get("cai").post("/api/v1/community/posts/" + b2 + "/like", Map.of()).status());
        for (String n : List.of("dan", "dan", "amy")) {
            assertEquals(201, M.get(n).post("/api/v1/community/posts/" + b1 + "/comments", Map.of("body", "Nice " + n)).status());
        }
        // purchases on different days (offsets from START): distinct R, F and M
        buy("amy", 0, 100_00);
        buy("bob", 2, 50_00);
        buy("cai", 4, 300_00);
        buy("dan", 6, 20_00);
        buy("bob", 8, 60_00);
        buy("eve", 10, 80_00);
        buy("amy", 12, 10_00);
        buy("bob", 14, 40_00);
        clock.set(CandidatesFixture.START.plus(Duration.ofDays(15)));
        // check-ins: Cai on days 15 and 16 (a current streak of 2)
        assertTrue(M.get("cai").post("/api/v1/checkins", Map.of()).status() < 300);
        clock.set(CandidatesFixture.START.plus(Duration.ofDays(16)));
        assertTrue(M.get("cai").post("/api/v1/checkins", Map.of()).status() < 300);
        p.awaitEvents();
        assertEquals(200, p.admin().post("/api/v1/admin/rfm/recompute", Map.of()).status());
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    private static long post(Http member, String title) {
        Http.Response r = member.post("/api/v1/community/posts", Map.of("categoryId", 1, "title", title, "body", title + " body text"));
        assertEquals(201, r.status(), r.body());
        return r.json().path("post").path("id").asLong();
    }

    private static void buy(String name, int day, long amount) {
        clock.set(CandidatesFixture.START.plus(Duration.ofDays(day)));
        BOUGHT.computeIfAbsent(name, k -> new ArrayList<>()).add(new long[]{day, amount});
        CandidatesFixture.purchase(p, shop, ID.get(name), "O-" + name + "-" + day, amount);
    }

    /** The documented rule, computed here from the seeded purchases alone. */
    private static List<Long> expectedRanking() {
        List<String> buyers = new ArrayList<>(BOUGHT.keySet());
        Map<String, long[]> v = new HashMap<>(); // {last day offset, count, spent}
        buyers.forEach(b -> v.put(b, new long[]{BOUGHT.get(b).stream().mapToLong(x -> x[0]).max().orElseThrow(),
                BOUGHT.get(b).size(), BOUGHT.get(b).stream().mapToLong(x -> x[1]).sum()}));
        int n = buyers.size();
        Map<String, Integer> total = new HashMap<>();
        buyers.forEach(b -> total.put(b, 0));
        for (int d = 0; d < 3; d++) {
            int dim = d;
            List<Long> sorted = buyers.stream().map(b -> v.get(b)[dim]).sorted().toList();
            for (String b : buyers) {
                int score = 1;
                for (int k = 1; k <= 4; k++) {
                    if (v.get(b)[dim] >= sorted.get(k * n / 5)) {
                        score++;
                    }
                }
                total.merge(b, score, Integer::sum);
            }
        }
        return buyers.stream().sorted(Comparator.<String>comparingInt(total::get).reversed()
                        .thenComparing(Comparator.<String>comparingLong(b -> v.get(b)[2]).reversed())
                        .thenComparingLong(ID::get))
                .map(ID::get).toList();
    }

    @Test
    void theListRanksBuyersByRPlusFPlusMThenSpendingThenIdAndNonBuyersLast() {
        List<Long> expected = expectedRanking();
        List<Long> all = csvIds(p.admin(), "");
        assertEquals(expected, all.subList(0, expected.size()), "buyers first, by the documented RFM rule");
        assertTrue(all.containsAll(List.of(ID.get("fan1"), ID.get("fan2"))), "members who never bought come after");
        assertEquals(expected, csvIds(p.admin(), "minPurchases=1"));
        List<Long> api = new ArrayList<>();
        Http.Response page1 = p.admin().get("/api/v1/admin/creators/candidates?minPurchases=1&limit=3");
        page1.json().path("items").forEach(i -> api.add(i.path("id").asLong()));
        p.admin().get("/api/v1/admin/creators/candidates?minPurchases=1&limit=3&cursor=" + page1.json().path("nextCursor").asText())
                .json().path("items").forEach(i -> api.add(i.path("id").asLong()));
        assertEquals(expected, api, "the JSON list pages through the same ranking");
        JsonNode top = page1.json().path("items").get(0);
        assertEquals(top.path("r").asInt() + top.path("f").asInt() + top.path("m").asInt(), top.path("rfm").asInt());
    }

    @Test
    void eachCreatorFilterKeepsTheRightMembers() {
        Http admin = p.admin();
        assertEquals(Set.of(ID.get("bob"), ID.get("cai")), Set.copyOf(userIds(admin, "minPosts=1")));
        assertEquals(List.of(ID.get("bob")), userIds(admin, "minPosts=2"));
        assertEquals(List.of(ID.get("bob")), userIds(admin, "minLikesReceived=4"));
        assertEquals(List.of(), userIds(admin, "minLikesReceived=5"));
        assertEquals(List.of(ID.get("dan")), userIds(admin, "minComments=2"));
        assertEquals(List.of(ID.get("amy")), userIds(admin, "minFans=2"));
        assertEquals(List.of(ID.get("cai")), userIds(admin, "minStreak=2"));
        assertEquals(Set.of(ID.get("bob"), ID.get("cai")), Set.copyOf(csvIds(admin, "minPosts=1")));
        assertEquals(List.of(ID.get("cai")), csvIds(admin, "minPosts=1&minStreak=2"));
        String[] bob = admin.get("/console/creators/candidates.csv?minPosts=2").body().split("\r?\n")[1].replace("\"", "").split(",");
        assertEquals(List.of("2", "4", "0"), List.of(bob[11], bob[12], bob[13]), "posts, likes received, fans");
        String[] amy = admin.get("/console/creators/candidates.csv?minFans=2").body().split("\r?\n")[1].replace("\"", "").split(",");
        assertEquals(List.of("0", "0", "2"), List.of(amy[11], amy[12], amy[13]));
        Http.Response json = admin.get("/api/v1/admin/creators/candidates?minPosts=2");
        assertEquals(200, json.status(), json.body());
        assertEquals(ID.get("bob"), json.json().path("items").get(0).path("id").asLong());
        assertEquals(4, json.json().path("items").get(0).path("likesReceived").asLong());
        assertEquals("invalid_field", admin.get("/api/v1/admin/creators/candidates?minFans=0").errorCode());
        for (String bad : List.of("minPosts=x", "minLikesReceived=0", "minComments=-1", "minFans=abc")) {
            Http.Response r = admin.get("/api/v1/admin/users?" + bad);
            assertEquals(400, r.status(), bad);
            assertEquals("invalid_field", r.errorCode(), bad);
        }
    }

    @Test
    void theConsolePageShowsCountsAndRendersInBothLanguages() {
        Http admin = p.admin();
        for (String lang : List.of("en", "zh-CN")) {
            admin.header("Accept-Language", lang);
            Http.Response r = admin.get("/console/creators/candidates?minPosts=1");
            assertEquals(200, r.status(), r.body());
            assertFalse(MISSING_TEXT.matcher(r.body()).find(), lang + ": a text is missing: " + r.body());
            for (String field : List.of("name=\"minPosts\"", "name=\"minLikesReceived\"", "name=\"minComments\"",
                    "name=\"minFans\"", "name=\"minStreak\"", "name=\"tier\"", "data-id=\"" + ID.get("bob") + "\"")) {
                assertTrue(r.body().contains(field), lang + " " + field);
            }
            assertFalse(r.body().contains("data-id=\"" + ID.get("amy") + "\""), "Amy has no posts");
            String save = r.body().substring(r.body().indexOf("/console/segments?"), r.body().indexOf("id=\"save-segment\""));
            assertTrue(save.startsWith("/console/segments?minPosts=1&preview=1"), "save as segment keeps the filters: " + save);
        }
        admin.header("Accept-Language", "en");
        Http.Response segment = admin.get("/console/segments?minPosts=1&preview=1");
        assertEquals(200, segment.status());
        assertTrue(segment.body().contains("Bob"), "the core's segment form previews the same members, ready to save");
        assertTrue(admin.get("/console/creators/candidates?minPosts=x").body().contains("minPosts"), "a bad value is told, no 500");
    }

    @Test
    void thePageFitsAPhoneInBothLanguagesWithoutSidewaysScrolling() {
        Browser.requireChromium();
        Http viewer = member(p, "layout@kindred.test", "Layout", null);
        assertEquals(200, p.admin().put("/api/v1/admin/users/" + userId(viewer) + "/roles", Map.of("roles", List.of("operator"))).status());
        try (Browser b = Browser.open(Browser.PHONE)) {
            var d = b.driver();
            b.signIn(p.baseUrl(), "layout@kindred.test", "member-password-1");
            for (String lang : List.of("en", "zh-CN")) {
                b.open(p.baseUrl(), "/console/creators/candidates");
                new Select(d.findElement(By.id("lang-select"))).selectByValue(lang);
                b.clickAndWait(d.findElement(By.cssSelector("form.lang-switch button")));
                b.open(p.baseUrl(), "/console/creators/candidates?minPosts=1");
                assertEquals(2, d.findElements(By.cssSelector("#candidates tbody tr")).size(), lang);
                Object overflow = ((JavascriptExecutor) d).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertEquals(0L, ((Number) overflow).longValue(), lang + ": the page scrolls sideways");
                d.findElement(By.id("f-minLikesReceived")).sendKeys("4");
                b.clickAndWait(d.findElement(By.cssSelector("#candidate-filters button")));
                assertEquals(1, d.findElements(By.cssSelector("#candidates tbody tr")).size(), lang + ": the form narrows");
            }
        }
    }

    @Test
    void invitingSendsOneNotificationPerMemberAndCampaignEvenWhenRepeated() {
        long campaign = CandidatesFixture.openCampaign(p, "Beauty creators 2026");
        Http admin = p.admin();
        String page = "/console/creators/candidates?minPosts=1";
        Http.Response ticked = admin.form(page).submit("/console/creators/candidates/invite", "minPosts", "1",
                "campaign", String.valueOf(campaign), "member", String.valueOf(ID.get("bob")));
        assertEquals(303, ticked.status(), ticked.body());
        assertTrue(CandidatesFixture.location(ticked).contains("invited=1"), CandidatesFixture.location(ticked));
        Http.Response everyone = admin.form(page).submit("/console/creators/candidates/invite", "minPosts", "1",
                "campaign", String.valueOf(campaign));
        assertTrue(CandidatesFixture.location(everyone).contains("invited=1"), "Cai only: Bob was invited already");
        Http.Response again = admin.form(page).submit("/console/creators/candidates/invite", "minPosts", "1",
                "campaign", String.valueOf(campaign));
        assertTrue(CandidatesFixture.location(again).contains("invited=0"), CandidatesFixture.location(again));
        for (String n : List.of("bob", "cai")) {
            List<JsonNode> invites = new ArrayList<>();
            M.get(n).get("/api/v1/me/notifications?limit=100").json().path("items").forEach(x -> {
                if (x.path("type").asText().equals("creators.invited")) {
                    invites.add(x);
                }
            });
            assertEquals(1, invites.size(), n);
            assertEquals("/creators/campaigns/" + campaign, invites.get(0).path("link").asText());
            assertTrue(invites.get(0).path("title").asText().contains("Beauty creators 2026"));
        }
        Http.Response audit = admin.get("/api/v1/admin/audit?limit=50&target=creators:campaign:" + campaign);
        assertEquals(3, audit.json().path("items").size(), audit.body());
        Http.Response closed = admin.form(page).submit("/console/creators/candidates/invite", "campaign", "999");
        assertTrue(CandidatesFixture.location(closed).contains("error="), "no such open campaign");
    }
}
