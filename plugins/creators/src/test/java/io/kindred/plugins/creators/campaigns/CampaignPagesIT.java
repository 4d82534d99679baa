package io.kindred.plugins.creators.campaigns;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.kindred.plugins.creators.campaigns.CampaignFixture.ID_NUMBER;
import static io.kindred.plugins.creators.campaigns.CampaignFixture.apply;
import static io.kindred.plugins.creators.campaigns.CampaignFixture.campaign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Member and console pages over HTTP: both languages, the sign-in link, the form without JavaScript, the console forms. */
class CampaignPagesIT {

    private static final Pattern MISSING_TEXT = Pattern.compile("creators\\.campaigns\\.[A-Za-z_.]+");
    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = CampaignFixture.platform(CampaignFixture.clock()).start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void everyPageRendersInEnglishAndChineseWithoutMissingTexts() {
        long campaign = campaign(admin, "Spring skincare", 10);
        Http lily = p.member("lily@kindred.test", "Lily");
        long id = apply(lily, campaign, "Lily").path("id").asLong();
        List<String> memberPages = List.of("/creators", "/creators/campaigns/" + campaign, "/");
        List<String> consolePages = List.of("/console/creators/campaigns", "/console/creators/campaigns/" + campaign,
                "/console/creators/applications", "/console/creators/applications?status=screening&campaign=" + campaign,
                "/console/creators/applications/" + id);
        for (String lang : List.of("en", "zh-CN")) {
            lily.header("Accept-Language", lang);
            admin.header("Accept-Language", lang);
            Http anonymous = p.http().header("Accept-Language", lang);
            for (String page : memberPages) {
                check(lily.get(page), page);
                check(anonymous.get(page), page);
            }
            for (String page : consolePages) {
                check(admin.get(page), page);
            }
        }
        String zh = lily.get("/creators").body();
        assertTrue(zh.contains("达人招募") && zh.contains("已提交"), zh);
        lily.header("Accept-Language", "en");
        admin.header("Accept-Language", "en");
    }

    @Test
    void anonymousVisitorsGetASignInLinkThatComesBack() {
        long campaign = campaign(admin, "Food lovers", 10);
        String page = p.http().get("/creators/campaigns/" + campaign).body();
        assertTrue(page.contains("/signin?next=%2Fcreators%2Fcampaigns%2F" + campaign), page);
        assertFalse(page.contains("name=\"phone\""), page);
    }

    @Test
    void theFormAppliesWithoutJavaScriptAndRefusesASecondTime() {
        long campaign = campaign(admin, "Digital makers", 10);
        Http sam = p.member("sam@kindred.test", "Sam");
        Http.Response r = sam.form("/creators/campaigns/" + campaign).submit("/creators/campaigns/" + campaign + "/apply",
                "name", "Sam Chen", "phone", "13800138000", "identityType", "passport", "identityNumber", "E12345678",
                "talents", "unboxing，reviews", "platform1", "bilibili", "handle1", "samtech", "followers1", "3,400",
                "sampleLinks", "https://example.com/a\nhttps://example.com/b");
        assertEquals(303, r.status(), r.body());
        assertEquals("/creators?notice=creators.campaigns.applied", r.headers().get("location"));
        String index = sam.get("/creators?notice=creators.campaigns.applied").body();
        assertTrue(index.contains("Digital makers") && index.contains("Your application was sent"), index);
        Http.Response mine = sam.get("/api/v1/creators/applications/mine");
        var a = mine.json().path("items").get(0).path("answers");
        assertEquals("E1*****78", a.path("identity").path("number").asText());
        assertEquals(2, a.path("talents").size());
        assertEquals(3400, a.path("socialAccounts").get(0).path("followers").asLong());
        assertEquals(2, a.path("sampleLinks").size());

        String again = sam.get("/creators/campaigns/" + campaign).body();
        assertFalse(again.contains("name=\"phone\""), again);
        Http.Response missing = p.member("joe@kindred.test", "Joe").form("/creators/campaigns/" + campaign)
                .submit("/creators/campaigns/" + campaign + "/apply", "name", "Joe");
        assertEquals(303, missing.status(), missing.body());
        String back = missing.headers().get("location");
        assertTrue(back.contains("error=missing_field&field=phone"), back);
        assertTrue(p.http().get(back).body().contains("role=\"alert\""));
    }

    @Test
    void operatorsCreateACampaignAndMoveApplicationsWithConsoleForms() {
        Http.Response created = admin.form("/console/creators/campaigns").submit("/console/creators/campaigns",
                "title", "Parenting voices", "category", "parenting", "startsOn", "2026-03-01", "endsOn", "2026-03-20",
                "quota", "5", "status", "open", "description", "Mums and dads", "field_name", "on", "required_name", "on",
                "field_phone", "on", "required_phone", "on", "field_identity", "on");
        assertEquals(303, created.status(), created.body());
        assertFalse(created.headers().get("location").contains("error="), created.headers().get("location"));
        var c = p.http().get("/api/v1/creators/campaigns").json().path("items");
        long id = -1;
        for (var x : c) {
            if (x.path("title").asText().equals("Parenting voices")) {
                id = x.path("id").asLong();
                assertEquals(3, x.path("form").size(), x.toString());
            }
        }
        assertTrue(id > 0);
        long app = apply(p.member("mum@kindred.test", "Mum"), id, "Mum").path("id").asLong();
        Http.Response board = admin.form("/console/creators/applications").submit("/console/creators/applications/bulk",
                "ids", String.valueOf(app), "to", "screening", "from", "submitted", "note", "bulk");
        assertEquals(303, board.status(), board.body());
        assertFalse(board.headers().get("location").contains("error="), board.headers().get("location"));
        String detail = admin.get("/console/creators/applications/" + app).body();
        assertTrue(detail.contains(ID_NUMBER), "the detail shows the identity number in full");
        Http.Response scored = admin.form("/console/creators/applications/" + app).submit(
                "/console/creators/applications/" + app + "/score", "score_content", "7", "score_reach", "7", "score_fit", "7");
        assertEquals(303, scored.status(), scored.body());
        assertFalse(scored.headers().get("location").contains("error="), scored.headers().get("location"));
        Http.Response approved = admin.form("/console/creators/applications/" + app).submit(
                "/console/creators/applications/" + app + "/approve", "category", "parenting", "level", "koc",
                "title", "Parenting voice", "points", "100");
        assertEquals(303, approved.status(), approved.body());
        assertFalse(approved.headers().get("location").contains("error="), approved.headers().get("location"));
        var json = admin.get("/api/v1/admin/creators/applications/" + app).json().path("application");
        assertEquals("approved", json.path("status").asText());
        assertEquals(70, json.path("score").asInt());
        assertFalse(admin.get("/console/creators/applications?status=screening").body().contains(ID_NUMBER));
    }

    @Test
    void everyRouteOfThePartIsDescribedInTheOpenApiDocument() {
        var paths = p.http().get("/api/v1/openapi.json").json().path("paths");
        Map<String, List<String>> routes = Map.of(
                "/api/v1/creators/campaigns", List.of("get"),
                "/api/v1/creators/campaigns/{id}", List.of("get"),
                "/api/v1/creators/campaigns/{id}/applications", List.of("post"),
                "/api/v1/creators/applications/mine", List.of("get"),
                "/api/v1/admin/creators/campaigns", List.of("get", "post"),
                "/api/v1/admin/creators/campaigns/{id}", List.of("get", "put", "delete"),
                "/api/v1/admin/creators/campaign-options", List.of("get"),
                "/api/v1/admin/creators/applications", List.of("get"),
                "/api/v1/admin/creators/applications/bulk", List.of("post"),
                "/api/v1/admin/creators/applications/{id}", List.of("get"));
        routes.forEach((path, methods) -> methods.forEach(m -> assertTrue(paths.path(path).has(m), m + " " + path)));
        for (String action : List.of("transition", "score", "approve")) {
            assertTrue(paths.path("/api/v1/admin/creators/applications/{id}/" + action).has("post"), action);
        }
    }

    private static void check(Http.Response r, String page) {
        assertEquals(200, r.status(), page + ": " + r.body());
        Matcher m = MISSING_TEXT.matcher(r.body());
        assertFalse(m.find(), page + " shows a message key: " + (m.find(0) ? m.group() : ""));
        assertFalse(r.body().contains(ID_NUMBER) && !page.matches("/console/creators/applications/[0-9]+"), page);
    }
}
