package io.kindred.core;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.web.Access;
import io.kindred.testkit.Http;
import io.kindred.testkit.PluginJars;
import io.kindred.testkit.TestPlatform;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator console as a browser meets it: HTML forms with the page's CSRF token (no helper header),
 * redirects after each change, and roles checked on every page. One platform, with a small plugin built
 * at test time and {@code home.widgets} fixed by the environment, serves the whole class.
 */
class ConsolePagesTest {

    static final List<String> PAGES = List.of("/console", "/console/members", "/console/members/1", "/console/members.csv",
            "/console/members/import", "/console/plugins", "/console/settings", "/console/apikeys", "/console/events", "/console/api",
            "/console/webhooks");
    static final List<String> FORMS = List.of("/console/members/1/adjust", "/console/members/1/labels",
            "/console/members/import", "/console/plugins/sample/disable", "/console/settings", "/console/apikeys",
            "/console/events/dead-letters/1/retry", "/console/webhooks", "/console/webhooks/1/test");
    static final String PASSWORD = "member-password-1";

    static TestPlatform platform;
    static Http admin;

    @BeforeAll
    static void start() throws IOException {
        Path jars = Files.createTempDirectory("console-plugin-");
        platform = TestPlatform.builder().plugin(PluginJars.build(jars, "sample", SamplePlugin.class))
                .setting("home.widgets", "welcome").start();
        admin = signIn(TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** Registers a member and returns their browser, signed in. */
    static Http member(String email, String name) {
        platform.member(email, name);
        return signIn(email, PASSWORD);
    }

    static long idOf(String email) {
        return platform.kindred().users.byEmail(email).orElseThrow().id();
    }

    static Http operator(String email) {
        platform.member(email, "Operator " + email);
        Http api = platform.admin();
        Http.Response r = api.put("/api/v1/admin/users/" + idOf(email) + "/roles", Map.of("roles", List.of("operator")));
        assertEquals(200, r.status(), r.body());
        return signIn(email, PASSWORD);
    }

    /** A browser: its own cookies, no {@code X-Requested-With} header, redirects not followed so that tests see them. */
    static Http browser() {
        return platform.http().header("X-Requested-With", null);
    }

    /** Signs in through the sign-in form, which has no token field: signing in needs no session. */
    static Http signIn(String email, String password) {
        Http b = browser();
        Http.Response r = b.raw("POST", "/signin", "application/x-www-form-urlencoded",
                urlEncoded(Map.of("email", email, "password", password)));
        assertEquals(303, r.status(), "sign-in of " + email);
        return b;
    }

    @Test
    void aMemberIsForbiddenEveryConsolePageFormAndConsoleApi() {
        Http m = member("nosy@console.test", "Nosy");
        for (String page : PAGES) {
            assertEquals(403, m.get(page).status(), page);
        }
        for (String form : FORMS) {
            assertEquals(403, m.submitForm("/", form, "label", "x").status(), form);
        }
        Http api = platform.http();
        api.post("/api/v1/auth/login", Map.of("email", "nosy@console.test", "password", PASSWORD));
        for (String path : List.of("/api/v1/admin/users", "/api/v1/admin/plugins", "/api/v1/admin/apikeys",
                "/api/v1/admin/events", "/api/v1/admin/events/dead-letters", "/api/v1/admin/webhooks")) {
            assertEquals(403, api.get(path).status(), path);
        }
        assertEquals(403, api.post("/api/v1/admin/ledger/adjustments",
                Map.of("userId", 1, "asset", "points", "amount", 5, "reason", "me")).status());
    }

    @Test
    void anAnonymousBrowserIsSentToSignInAndBack() {
        Http anonymous = browser();
        for (String page : PAGES) {
            Http.Response r = anonymous.get(page);
            assertEquals(303, r.status(), page);
            assertEquals("/signin?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8), r.headers().get("location"), page);
        }
    }

    @Test
    void theApiReferencePageRendersTheDescriptionWithSwaggerUiFromItsWebJarAndNoInlineScript() {
        Http op = operator("op-api@console.test");
        Http.Response page = op.get("/console/api");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("href=\"/console/api\""), "in the console navigation");
        assertTrue(page.body().contains("data-url=\"/api/v1/openapi.json\""));
        assertFalse(page.body().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script");
        for (String asset : List.of("/webjars/swagger-ui/swagger-ui-bundle.js", "/webjars/swagger-ui/swagger-ui.css",
                "/assets/api-reference.js")) {
            assertTrue(page.body().contains(asset), asset);
            assertEquals(200, op.get(asset).status(), asset);
        }
        Http.Response doc = platform.http().get("/api/v1/openapi.json");
        assertEquals(200, doc.status());
        assertEquals("3.1.0", doc.json().path("openapi").asText());
        assertTrue(doc.json().path("paths").path("/api/v1/admin/users").has("get"));
    }

    @Test
    void anOperatorSeesTheConsoleButNotTheAdminSections() {
        Http op = operator("op-sections@console.test");
        Http.Response dashboard = op.get("/console");
        assertEquals(200, dashboard.status());
        assertTrue(dashboard.body().contains("id=\"stat-members\""), "member figures");
        assertTrue(dashboard.body().contains("/webjars/chart.js/dist/chart.umd.min.js"), "the chart library from its WebJar");
        assertTrue(dashboard.body().contains("data-chart=\"daily\""), "the 30-day chart");
        assertTrue(dashboard.body().contains("href=\"/console/sample\""), "a plugin's console entry");
        assertFalse(dashboard.body().contains("href=\"/console/plugins\""), "no admin entries for an operator");
        assertEquals(200, op.get("/console/events").status());
        for (String adminOnly : List.of("/console/plugins", "/console/settings", "/console/apikeys",
                "/console/webhooks")) {
            assertEquals(403, op.get(adminOnly).status(), adminOnly);
        }
        assertEquals(200, op.get("/webjars/chart.js/dist/chart.umd.min.js").status());
        assertEquals(200, op.get("/assets/console.js").status());
        assertEquals(200, op.get("/assets/console.css").status());
    }

    @Test
    void theConsoleSpeaksChinese() {
        Http zh = operator("op-zh@console.test").header("Accept-Language", "zh-CN");
        String body = zh.get("/console/members").body();
        assertTrue(body.contains("运营后台") && body.contains("会员") && body.contains("标签"), body);
    }

    @Test
    void anOperatorFindsMembersByTextAndByLabel() {
        platform.member("tea.lover@console.test", "Tea Lover");
        platform.member("coffee@console.test", "Coffee Drinker");
        Http op = operator("op-search@console.test");
        String tea = "/console/members/" + idOf("tea.lover@console.test");
        assertEquals(303, op.submitForm(tea, tea + "/labels", "label", "VIP 老用户").status());

        String byText = op.get("/console/members?query=tea.lover").body();
        assertTrue(byText.contains("Tea Lover"), byText);
        assertFalse(byText.contains("Coffee Drinker"));
        String byLabel = op.get("/console/members?label=" + enc("VIP 老用户")).body();
        assertTrue(byLabel.contains("Tea Lover"));
        assertFalse(byLabel.contains("Coffee Drinker"));
        assertTrue(op.get(tea).body().contains("VIP 老用户"), "the label on the member's page");
    }

    @Test
    void anOperatorAdjustsPointsAndTheMemberSeesTheBalanceAndTheReason() {
        Http op = operator("op-adjust@console.test");
        Http memberApi = platform.http();
        platform.member("adjusted@console.test", "Adjusted");
        memberApi.post("/api/v1/auth/login", Map.of("email", "adjusted@console.test", "password", PASSWORD));
        String detail = "/console/members/" + idOf("adjusted@console.test");
        long before = memberApi.get("/api/v1/me/balances").json().at("/balances/points").asLong();

        Http.Form page = op.form(detail);
        String key = page.field("idempotencyKey");
        assertNotNull(key, "no field idempotencyKey on " + detail);
        Map<String, String> form = Map.of("asset", "points", "amount", "50", "reason", "Thanks for the survey",
                "idempotencyKey", key);
        Http.Response posted = page.submit(detail + "/adjust", form);
        assertEquals(303, posted.status(), posted.body());
        assertEquals(detail + "?notice=console_adjusted", posted.headers().get("location"));
        assertEquals(303, page.submit(detail + "/adjust", form).status(), "a second click of the same form");

        assertEquals(before + 50, memberApi.get("/api/v1/me/balances").json().at("/balances/points").asLong());
        assertEquals("Thanks for the survey", memberApi.get("/api/v1/me/ledger").json().at("/items/0/reason").asText());
        assertTrue(op.get(detail).body().contains("Thanks for the survey"), "the history on the console");

        Http.Response tooMuch = op.submitForm(detail, detail + "/adjust", "asset", "points", "amount", "-1000000",
                "reason", "oops");
        assertEquals(409, tooMuch.status());
        assertTrue(tooMuch.body().contains("does not have that many points"), tooMuch.body());
        Http.Response noReason = op.submitForm(detail, detail + "/adjust", "asset", "points", "amount", "5", "reason", " ");
        assertEquals(400, noReason.status());
        assertEquals(before + 50, memberApi.get("/api/v1/me/balances").json().at("/balances/points").asLong());
        assertTrue(platform.kindred().invariants.check().isEmpty());
    }

    @Test
    void aFormWithoutThePageTokenIsRefused() {
        Http op = operator("op-csrf@console.test");
        Http.Response forged = op.raw("POST", "/console/members/" + idOf("op-csrf@console.test") + "/labels",
                "application/x-www-form-urlencoded", urlEncoded(Map.of("label", "forged")));
        assertEquals(403, forged.status());
    }

    @Test
    void anOperatorImportsACsvAndReadsTheReportRowByRow() {
        Http op = operator("op-import@console.test");
        String csv = """
                email,phone,name,external_id,total_spent,labels
                old.one@console.test,,Old One,SHOP-1,1299.00,VIP;老用户
                ,,Nobody,SHOP-2,,
                old.two@console.test,+8613800000002,老二,SHOP-3,12.5,
                """;
        assertTrue(op.get("/console/members/import").body().contains("last_purchase_date"), "the columns are documented");

        Http.Response r = finishedImport(op, upload(op, "/console/members/import", "/console/members/import", "file",
                "customers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("id=\"total-imported\">2 imported"), r.body());
        assertTrue(r.body().contains("id=\"total-rejected\">1 rejected"), r.body());
        assertTrue(r.body().contains("class=\"outcome-rejected\"><td class=\"num\">3</td>"), "row 3 is the rejected one");
        assertTrue(op.get("/console/members?query=old.two").body().contains("老二"));
        Http.Response again = finishedImport(op, upload(op, "/console/members/import", "/console/members/import", "file",
                "customers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertTrue(again.body().contains("id=\"total-updated\">2 updated"), again.body());
        Http.Response notCsv = upload(op, "/console/members/import", "/console/members/import", "file", "x.csv",
                "text/csv", "name\nJust a name\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notCsv.status());
    }

    /** The upload answers 303 to the import's page, which shows progress until the report is there. */
    private static Http.Response finishedImport(Http op, Http.Response upload) {
        assertEquals(303, upload.status(), upload.body());
        String location = upload.headers().get("location");
        assertTrue(location.startsWith("/console/members/import/"), location);
        long deadline = System.currentTimeMillis() + 20_000;
        Http.Response page = op.get(location);
        while (!page.body().contains("id=\"total-imported\"") && System.currentTimeMillis() < deadline) {
            assertTrue(page.body().contains("id=\"import-progress\""), "a running import shows its progress");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            page = op.get(location);
        }
        return page;
    }

    @Test
    void anOperatorExportsTheFilteredMembersAsCsvWithFormulasDefused() throws IOException {
        platform.member("formula@console.test", "=HYPERLINK(\"http://evil.test\")");
        platform.member("plain@console.test", "Plain");
        Http op = operator("op-export@console.test");
        String formula = "/console/members/" + idOf("formula@console.test");
        op.submitForm(formula, formula + "/labels", "label", "export-me");

        Http.Response r = op.get("/console/members.csv?label=export-me");

        assertEquals(200, r.status());
        assertTrue(r.headers().get("content-type").startsWith("text/csv"));
        assertTrue(r.headers().get("content-disposition").startsWith("attachment"));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.body().replace("\uFEFF", ""))).getRecords();
        assertEquals(1, rows.size(), r.body());
        assertEquals("formula@console.test", rows.get(0).get("email"));
        assertEquals("'=HYPERLINK(\"http://evil.test\")", rows.get(0).get("name"));
        assertEquals("export-me", rows.get(0).get("labels"));
        String all = op.get("/console/members.csv").body();
        assertTrue(all.contains("plain@console.test") && all.contains("formula@console.test"));
    }

    @Test
    void anAdminDisablesAndEnablesAPluginAndItsConsoleEntryFollows() {
        Http.Response list = admin.get("/console/plugins");
        assertTrue(list.body().contains("id=\"plugin-sample\""), list.body());
        assertTrue(list.body().contains("<h2>Sample <span class=\"muted\">sample"), "a card is titled by the plugin's name");
        assertTrue(list.body().contains("receives no events"), "the page says what disabling does");

        assertEquals(303, admin.submitForm("/console/plugins", "/console/plugins/sample/disable").status());
        assertFalse(admin.get("/console").body().contains("href=\"/console/sample\""), "the entry vanished");
        assertEquals(404, admin.get("/api/v1/sample/ping").status());
        assertTrue(admin.get("/console/plugins").body().contains("Disabled"));

        assertEquals(303, admin.submitForm("/console/plugins", "/console/plugins/sample/enable").status());
        assertTrue(admin.get("/console").body().contains("href=\"/console/sample\""), "the entry is back");
        assertEquals(200, admin.get("/api/v1/sample/ping").status());
        assertEquals(404, admin.submitForm("/console/plugins", "/console/plugins/no-such-plugin/disable").status());
    }

    @Test
    void anAdminSavesSettingsAndAnInvalidTimeZoneIsRefusedWithASentence() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("site.name", "Kindred Tea House");
        form.put("site.brand-color", "#AA3355");
        form.put("site.timezone", "Mars/Olympus_Mons");
        form.put("site.default-language", "en");
        form.put("site.theme", "default");
        form.put("site.registration", "open");
        form.put("home.widgets", "ignored");

        Http.Response refused = admin.submitForm("/console/settings", "/console/settings", form);
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("This is not a time zone"), refused.body());
        assertTrue(refused.body().contains("value=\"Mars/Olympus_Mons\""), "what was typed stays in the form");
        assertFalse(admin.get("/").body().contains("Kindred Tea House"), "nothing was saved");

        form.put("site.timezone", "Asia/Shanghai");
        Http.Response saved = admin.submitForm("/console/settings", "/console/settings", form);
        assertEquals(303, saved.status(), saved.body());
        assertTrue(admin.get("/").body().contains("Kindred Tea House"));
        assertEquals("Asia/Shanghai", platform.kindred().settings.zone().getId());
        assertEquals("#aa3355", platform.kindred().settings.raw("site.brand-color").orElseThrow());
        assertEquals("welcome", platform.kindred().settings.raw("home.widgets").orElseThrow(), "locked by the environment");
        assertTrue(admin.get("/console/settings").body().contains("KINDRED_HOME_WIDGETS"), "shown as locked");
        form.put("site.timezone", "UTC");
        admin.submitForm("/console/settings", "/console/settings", form);
    }

    @Test
    void anAdminUploadsALogoButNeverAnSvg() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Http.Response svg = upload(admin, "/console/settings", "/console/settings/logo", "logo", "logo.svg", "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, svg.status());

        Http.Response r = upload(admin, "/console/settings", "/console/settings/logo", "logo", "logo.png", "image/png", png);

        assertEquals(303, r.status(), r.body());
        String logo = platform.kindred().settings.raw("site.logo").orElseThrow();
        assertTrue(logo.matches("/uploads/site/[A-Za-z0-9_-]+\\.png"), logo);
        assertTrue(Files.isRegularFile(platform.dataDir().resolve(logo.substring(1))));
        assertTrue(admin.get("/").body().contains("src=\"" + logo + "\""), "the logo in the header");
        assertEquals(303, admin.submitForm("/console/settings", "/console/settings/logo/remove").status());
        assertFalse(Files.exists(platform.dataDir().resolve(logo.substring(1))), "the old file is gone");
    }

    @Test
    void anAdminCreatesAnApiKeySeesItOnceAndRevokesIt() {
        Http.Response created = admin.submitForm("/console/apikeys", "/console/apikeys", "name", "shop-sync",
                "scope", "admin");
        assertEquals(200, created.status(), created.body());
        Matcher m = Pattern.compile("id=\"new-secret\">(kdk_[^<]+)<").matcher(created.body());
        assertTrue(m.find(), created.body());
        String secret = m.group(1);
        assertEquals("no-store", created.headers().get("cache-control"));
        Http shop = platform.http().header("X-Requested-With", null).bearer(secret);
        assertEquals(200, shop.get("/api/v1/admin/plugins").status());
        assertFalse(admin.get("/console/apikeys").body().contains(secret), "shown once only");

        assertEquals(409, admin.submitForm("/console/apikeys", "/console/apikeys", "name", "shop-sync", "scope", "admin").status(),
                "names are unique");
        assertEquals(303, admin.submitForm("/console/apikeys", "/console/apikeys/shop-sync/revoke").status());
        assertEquals(401, shop.get("/api/v1/admin/plugins").status());
    }

    @Test
    void theEventsPageListsEventsBySubscriberAndType() {
        platform.member("evented@console.test", "Evented");
        Http op = operator("op-events@console.test");
        String all = op.get("/console/events").body();
        assertTrue(all.contains("user.registered"), all);
        assertTrue(all.contains("Dead letters"));
        assertFalse(all.contains("/retry\""), "retrying is for admins");
        assertEquals(200, op.get("/console/events?type=user.registered").status());
        assertEquals(404, admin.submitForm("/console/events", "/console/events/dead-letters/999999/retry").status());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    /** Sends a file as the multipart form on {@code page} does, with that page's {@code _csrf} field. */
    private static Http.Response upload(Http browser, String page, String action, String field, String fileName, String type,
                                        byte[] content) {
        String csrf = browser.form(page).field("_csrf");
        String boundary = "----kindred" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.raw("POST", action, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** A plugin with a console entry and one route, packed into a jar at test time as a third party would ship it. */
    public static final class SamplePlugin extends KindredPlugin {

        @Override
        public void contribute(PluginContext ctx) {
            ctx.nav(NavEntry.console("sample.nav", "/console/sample", 50));
            ctx.routes().get("/api/v1/sample/ping", Access.OPERATOR, x -> x.json(Map.of("pong", true)));
        }
    }
}
