package io.kindred.plugins.community;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.Multipart;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Script, {@code javascript:} links, event handlers and style payloads in titles, bodies, comments, tags, image names,
 * report notes and display names render inert everywhere: in the API's {@code bodyHtml}, on the operators'
 * moderation page, and on the member pages {@code /community} and {@code /community/posts/{id}} (see
 * {@link #memberPagesShowEveryPayloadInert()}: it runs once those pages exist). Every payload carries the marker
 * {@code KX<n>}.
 */
class XssIT {

    /** 40 payloads; {M} becomes the payload's marker. */
    static final List<String> PAYLOADS = List.of(
            "<script>alert('{M}')</script>",
            "<SCRIPT SRC=//evil.example/{M}.js></SCRIPT>",
            "<img src=x onerror=alert('{M}')>",
            "<img src=\"x\" onerror=\"alert('{M}')\">",
            "<svg onload=alert('{M}')>",
            "<svg><script>alert('{M}')</script></svg>",
            "<iframe src=\"javascript:alert('{M}')\"></iframe>",
            "<iframe srcdoc=\"<script>alert('{M}')</script>\"></iframe>",
            "<a href=\"javascript:alert('{M}')\">click</a>",
            "<a href=\"JaVaScRiPt:alert('{M}')\">click</a>",
            "<a href=\"&#106;avascript:alert('{M}')\">click</a>",
            "<a href=\"jav&#x09;ascript:alert('{M}')\">click</a>",
            "[click](javascript:alert('{M}'))",
            "[click](JaVaScRiPt:alert('{M}'))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==#{M})",
            "![picture](javascript:alert('{M}'))",
            "<javascript:alert('{M}')>",
            "<a href=\"data:text/html,<script>alert('{M}')</script>\">x</a>",
            "<div style=\"background:url(javascript:alert('{M}'))\">x</div>",
            "<style>body{background:url(\"javascript:alert('{M}')\")}</style>",
            "<p style=\"color:red;behavior:url({M}.htc)\">x</p>",
            "--><script>alert('{M}')</script><!--",
            "\"><script>alert('{M}')</script>",
            "'><img src=x onerror=alert('{M}')>",
            "\" onmouseover=\"alert('{M}')\" x=\"",
            "{{ 7*7 }} {% include 'layout' %} {M}",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert('{M}')>",
            "<object data=\"javascript:alert('{M}')\"></object>",
            "<embed src=\"javascript:alert('{M}')\">",
            "<form action=\"javascript:alert('{M}')\"><button>x</button></form>",
            "<body onload=alert('{M}')>",
            "<input autofocus onfocus=alert('{M}')>",
            "<details open ontoggle=alert('{M}')>",
            "<base href=\"javascript:alert('{M}')//\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('{M}')\">",
            "<a href=\"vbscript:msgbox('{M}')\">x</a>",
            "<scr<script>ipt>alert('{M}')</scr</script>ipt>",
            "<a href=\"https://ok.example\" onclick=\"alert('{M}')\">ok</a>",
            "[ok](https://ok.example \"title\\\" onmouseover=alert('{M}')\")",
            "<<script>script>alert('{M}')<</script>/script>");

    private static final Pattern URL = Pattern.compile("/uploads/community/[A-Za-z0-9._/-]+");
    private static final List<Integer> NAMED_PICTURES = List.of(2, 4, 12, 16, 23, 25, 26, 30, 32);

    static TestPlatform platform;
    static Http writer;
    static Http reader;
    static List<Long> postIds = new ArrayList<>();

    @BeforeAll
    static void boot() {
        platform = Fixture.relaxed(TestPlatform.builder().plugin(Fixture.JAR))
                .setting("community.autoHideReports", "0").start();
        writer = platform.member("writer@xss.test", "Writer");
        reader = platform.member("reader@xss.test", "Reader");
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String p = payload(i);
            Http.Response r = writer.post("/api/v1/community/posts", Map.of("categoryId", Fixture.RECOMMENDATIONS,
                    "title", p.length() > 120 ? p.substring(0, 120) : p, "body", "Body " + p + "\n\n" + p));
            assertEquals(201, r.status(), r.body());
            postIds.add(r.json().at("/post/id").asLong());
        }
        postIds.add(pictures());
    }

    /** File names cannot hold '/', so the payloads without one name nine pictures of one post. @return its id */
    private static long pictures() {
        List<String> urls = new ArrayList<>();
        for (int i : NAMED_PICTURES) {
            Multipart body = new Multipart().file("image", payload(i) + ".png", Fixture.png(8, 8));
            Http.Response r = writer.raw("POST", "/api/v1/community/images", body.contentType(), body.bytes());
            assertEquals(201, r.status(), r.body());
            urls.add(r.json().at("/image/url").asText());
        }
        Http.Response post = writer.post("/api/v1/community/posts", Map.of("categoryId", Fixture.RECOMMENDATIONS,
                "title", "Named pictures", "body", "Nine pictures with payloads for names", "images", urls));
        assertEquals(201, post.status(), post.body());
        return post.json().at("/post/id").asLong();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static String payload(int i) {
        return PAYLOADS.get(i).replace("{M}", "KX." + i);
    }

    @Test
    void thereAreAtLeastThirtyPayloads() {
        assertTrue(PAYLOADS.size() >= 30, "payloads: " + PAYLOADS.size());
    }

    @Test
    void postBodiesRenderInertInTheApi() {
        for (int i = 0; i < PAYLOADS.size(); i++) {
            Http.Response r = platform.http().get("/api/v1/community/posts/" + postIds.get(i));
            assertTrue(r.headers().getOrDefault("content-type", "").startsWith("application/json"), r.headers().toString());
            JsonNode post = r.json().path("post");
            assertInert(post.path("bodyHtml").asText(), "body of payload " + i);
            assertEquals(payload(i).length() > 120 ? payload(i).substring(0, 120) : payload(i), post.path("title").asText(),
                    "the API returns the title as written; pages escape it");
        }
        String pebble = platform.http().get("/api/v1/community/posts/" + postIds.get(25)).json().at("/post/bodyHtml").asText();
        assertTrue(pebble.contains("7*7") && !pebble.contains("49"), "template-looking text stays text: " + pebble);
    }

    @Test
    void listsAndSearchCarryTheSameInertHtml() {
        JsonNode items = platform.http().get("/api/v1/community/posts?limit=50").json().path("items");
        assertTrue(items.size() >= 30);
        items.forEach(item -> assertInert(item.path("bodyHtml").asText(), "list item " + item.path("id")));
        platform.http().get("/api/v1/community/posts?q=alert").json().path("items")
                .forEach(item -> assertInert(item.path("bodyHtml").asText(), "search item " + item.path("id")));
    }

    @Test
    void commentsRenderInert() {
        long post = postIds.get(0);
        for (int i = 0; i < PAYLOADS.size(); i++) {
            Http.Response r = reader.post("/api/v1/community/posts/" + post + "/comments", Map.of("body", payload(i)));
            assertEquals(201, r.status(), r.body());
            assertInert(r.json().at("/comment/bodyHtml").asText(), "comment " + i);
        }
        platform.http().get("/api/v1/community/posts/" + post + "/comments?limit=200").json().path("items")
                .forEach(c -> assertInert(c.path("bodyHtml").asText(), "listed comment " + c.path("id")));
    }

    @Test
    void tagsRefuseAnythingButLettersDigitsAndDashes() {
        for (int i = 0; i < 10; i++) {
            Http.Response r = writer.post("/api/v1/community/posts", Map.of("categoryId", Fixture.RECOMMENDATIONS,
                    "title", "Tagged", "body", "x", "tags", List.of(payload(i))));
            assertEquals(400, r.status(), r.body());
            assertEquals("invalid_field", r.errorCode());
        }
    }

    @Test
    void imageNamesAreKeptAsTextAndNeverBecomeTheAddress() {
        JsonNode images = platform.http().get("/api/v1/community/posts/" + postIds.get(postIds.size() - 1)).json()
                .at("/post/images");
        assertEquals(NAMED_PICTURES.size(), images.size(), images.toString());
        for (JsonNode image : images) {
            assertTrue(URL.matcher(image.path("url").asText()).matches(), image.toString());
            assertTrue(URL.matcher(image.path("thumbUrl").asText()).matches(), image.toString());
            assertTrue(image.path("name").asText().contains("KX."), image.toString());
        }
    }

    @Test
    void theModerationPageShowsReportedPayloadsInert() {
        Http evil = platform.member("evil@xss.test", payload(3).substring(0, Math.min(40, payload(3).length())));
        for (int i = 0; i < 12; i++) {
            long post = postIds.get(i);
            Http reporter = platform.member("reporter" + i + "@xss.test", "Reporter " + i);
            assertEquals(201, reporter.post("/api/v1/community/reports", Map.of("postId", post, "reason", "other",
                    "note", payload(i))).status());
        }
        long evilPost = Fixture.postOk(evil, payload(23), payload(24));
        assertEquals(201, reader.post("/api/v1/community/reports", Map.of("postId", evilPost, "reason", "spam")).status());
        Http operator = platform.admin();
        Http.Response page = operator.get("/console/community/moderation");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("KX.0"), "the queue shows the reported posts");
        assertInertPage(page.body(), "/console/community/moderation");
        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            browser.signIn(platform.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            browser.open(platform.baseUrl(), "/console/community/moderation");
            assertNoAlert(browser);
        }
    }

    @Test
    void contestPagesShowTheirRulesAndEntriesInert() {
        Http operator = platform.admin();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", "Contest " + payload(0));
        body.put("rules", payload(2) + "\n\n" + payload(12) + "\n\n" + payload(18));
        body.put("tag", "xsscontest");
        body.put("startDay", today.minusDays(1).toString());
        body.put("endDay", today.plusDays(6).toString());
        body.put("voting", true);
        body.put("votingEndDay", today.plusDays(13).toString());
        body.put("votesPerMember", 3);
        body.put("prizes", List.of(Map.of("rank", 1, "points", 10, "title", payload(4))));
        Http.Response created = operator.post("/api/v1/admin/community/contests", body);
        assertEquals(201, created.status(), created.body());
        long contest = created.json().at("/contest/id").asLong();
        for (int i = 20; i < 30; i++) {
            Http.Response r = writer.post("/api/v1/community/posts", Map.of("categoryId", Fixture.RECOMMENDATIONS,
                    "title", payload(i).length() > 120 ? payload(i).substring(0, 120) : payload(i), "body", payload(i),
                    "tags", List.of("xsscontest")));
            assertEquals(201, r.status(), r.body());
        }
        for (String path : List.of("/community/contests", "/community/contests/" + contest)) {
            Http.Response page = reader.get(path);
            assertEquals(200, page.status(), path);
            assertTrue(page.body().contains("KX."), path + " shows payloads");
            assertInertPage(page.body(), path);
        }
    }

    /**
     * THE MEMBER PAGES: every payload inert on {@code /community} and {@code /community/posts/{id}}. Skipped while
     * the community pages do not exist on this branch (404); it runs as soon as they are merged.
     */
    @Test
    void memberPagesShowEveryPayloadInert() {
        Http.Response home = reader.get("/community");
        Assumptions.assumeTrue(home.status() != 404, "the /community pages are not on this branch yet");
        assertEquals(200, home.status());
        assertInertPage(home.body(), "/community");
        for (String path : List.of("/community?sort=hot", "/community?q=alert", "/community/members/" + Fixture.userId(writer))) {
            Http.Response page = reader.get(path);
            assertEquals(200, page.status(), path);
            assertTrue(page.body().contains("KX."), path + " shows payloads");
            assertInertPage(page.body(), path);
        }
        for (int i = 0; i < postIds.size(); i++) {
            String path = "/community/posts/" + postIds.get(i);
            Http.Response page = reader.get(path);
            assertEquals(200, page.status(), path);
            assertTrue(page.body().contains("KX."), path + " shows its payloads");
            assertInertPage(page.body(), path);
            assertFalse(page.body().contains("<img src=x onerror"), path);
        }
        try (Browser browser = Browser.open(Browser.DESKTOP)) {
            for (long id : postIds.subList(0, 6)) {
                browser.open(platform.baseUrl(), "/community/posts/" + id);
                assertNoAlert(browser);
            }
            browser.open(platform.baseUrl(), "/community");
            assertNoAlert(browser);
        }
    }

    // ---- helpers ----

    private static void assertInert(String html, String what) {
        List<String> problems = InertHtml.problems(html, "KX.", true);
        assertTrue(problems.isEmpty(), what + ": " + problems + "\n" + html);
        assertFalse(html.contains(" style="), what + ": " + html);
    }

    private static void assertInertPage(String html, String what) {
        List<String> problems = InertHtml.problems(html, "KX.", false);
        assertTrue(problems.isEmpty(), what + ": " + problems);
    }

    private static void assertNoAlert(Browser browser) {
        try {
            String text = browser.driver().switchTo().alert().getText();
            throw new AssertionError("an alert appeared: " + text);
        } catch (NoAlertPresentException expected) {
            // inert
        }
    }

}
