package io.kindred.core;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.web.Access;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator console as a browser meets it: HTML forms with the page's CSRF token (no helper header),
 * redirects after each change, and roles checked on every page. One platform, with a small plugin built
 * at test time and {@code home.widgets} fixed by the environment, serves the whole class.
 */
class ConsolePagesTest {

    static final List<String> PAGES = List.of("/console", "/console/members", "/console/members/1", "/console/members.csv",
            "/console/members/import", "/console/plugins", "/console/settings", "/console/apikeys", "/console/events");
    static final List<String> FORMS = List.of("/console/members/1/adjust", "/console/members/1/labels",
            "/console/members/import", "/console/plugins/sample/disable", "/console/settings", "/console/apikeys",
            "/console/events/dead-letters/1/retry");
    static final String PASSWORD = "member-password-1";

    static TestPlatform platform;
    static Page admin;

    @BeforeAll
    static void start() throws IOException {
        Path jars = Files.createTempDirectory("console-plugin-");
        platform = TestPlatform.builder().plugin(SamplePlugin.jar(jars)).setting("home.widgets", "welcome").start();
        admin = Page.signIn(platform, TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** Registers a member and returns their browser, signed in. */
    static Page member(String email, String name) {
        platform.member(email, name);
        return Page.signIn(platform, email, PASSWORD);
    }

    static long idOf(String email) {
        return platform.kindred().users.byEmail(email).orElseThrow().id();
    }

    static Page operator(String email) {
        platform.member(email, "Operator " + email);
        Http api = platform.admin();
        Http.Response r = api.put("/api/v1/admin/users/" + idOf(email) + "/roles", Map.of("roles", List.of("operator")));
        assertEquals(200, r.status(), r.body());
        return Page.signIn(platform, email, PASSWORD);
    }

    @Test
    void aMemberIsForbiddenEveryConsolePageFormAndConsoleApi() {
        Page m = member("nosy@console.test", "Nosy");
        for (String page : PAGES) {
            assertEquals(403, m.get(page).status(), page);
        }
        for (String form : FORMS) {
            assertEquals(403, m.post(form, Map.of("label", "x")).status(), form);
        }
        Http api = platform.http();
        api.post("/api/v1/auth/login", Map.of("email", "nosy@console.test", "password", PASSWORD));
        for (String path : List.of("/api/v1/admin/users", "/api/v1/admin/plugins", "/api/v1/admin/apikeys",
                "/api/v1/admin/events", "/api/v1/admin/events/dead-letters")) {
            assertEquals(403, api.get(path).status(), path);
        }
        assertEquals(403, api.post("/api/v1/admin/ledger/adjustments",
                Map.of("userId", 1, "asset", "points", "amount", 5, "reason", "me")).status());
    }

    @Test
    void anAnonymousBrowserIsSentToSignInAndBack() {
        Page anonymous = new Page(platform.baseUrl());
        for (String page : PAGES) {
            Http.Response r = anonymous.get(page);
            assertEquals(303, r.status(), page);
            assertEquals("/signin?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8), r.headers().get("location"), page);
        }
    }

    @Test
    void anOperatorSeesTheConsoleButNotTheAdminSections() {
        Page op = operator("op-sections@console.test");
        Http.Response dashboard = op.get("/console");
        assertEquals(200, dashboard.status());
        assertTrue(dashboard.body().contains("id=\"stat-members\""), "member figures");
        assertTrue(dashboard.body().contains("/webjars/chart.js/dist/chart.umd.min.js"), "the chart library from its WebJar");
        assertTrue(dashboard.body().contains("data-chart=\"daily\""), "the 30-day chart");
        assertTrue(dashboard.body().contains("href=\"/console/sample\""), "a plugin's console entry");
        assertFalse(dashboard.body().contains("href=\"/console/plugins\""), "no admin entries for an operator");
        assertEquals(200, op.get("/console/events").status());
        for (String adminOnly : List.of("/console/plugins", "/console/settings", "/console/apikeys")) {
            assertEquals(403, op.get(adminOnly).status(), adminOnly);
        }
        assertEquals(200, op.get("/webjars/chart.js/dist/chart.umd.min.js").status());
        assertEquals(200, op.get("/assets/console.js").status());
        assertEquals(200, op.get("/assets/console.css").status());
    }

    @Test
    void theConsoleSpeaksChinese() {
        Page zh = operator("op-zh@console.test").header("Accept-Language", "zh-CN");
        String body = zh.get("/console/members").body();
        assertTrue(body.contains("运营后台") && body.contains("会员") && body.contains("标签"), body);
    }

    @Test
    void anOperatorFindsMembersByTextAndByLabel() {
        platform.member("tea.lover@console.test", "Tea Lover");
        platform.member("coffee@console.test", "Coffee Drinker");
        Page op = operator("op-search@console.test");
        String tea = "/console/members/" + idOf("tea.lover@console.test");
        assertEquals(303, op.post(tea + "/labels", Map.of("label", "VIP 老用户")).status());

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
        Page op = operator("op-adjust@console.test");
        Http memberApi = platform.http();
        platform.member("adjusted@console.test", "Adjusted");
        memberApi.post("/api/v1/auth/login", Map.of("email", "adjusted@console.test", "password", PASSWORD));
        String detail = "/console/members/" + idOf("adjusted@console.test");
        long before = memberApi.get("/api/v1/me/balances").json().at("/balances/points").asLong();

        String key = op.field(detail, "idempotencyKey");
        Map<String, String> form = Map.of("asset", "points", "amount", "50", "reason", "Thanks for the survey",
                "idempotencyKey", key);
        Http.Response posted = op.post(detail + "/adjust", form);
        assertEquals(303, posted.status(), posted.body());
        assertEquals(detail + "?notice=console_adjusted", posted.headers().get("location"));
        assertEquals(303, op.post(detail + "/adjust", form).status(), "a second click of the same form");

        assertEquals(before + 50, memberApi.get("/api/v1/me/balances").json().at("/balances/points").asLong());
        assertEquals("Thanks for the survey", memberApi.get("/api/v1/me/ledger").json().at("/items/0/reason").asText());
        assertTrue(op.get(detail).body().contains("Thanks for the survey"), "the history on the console");

        Http.Response tooMuch = op.post(detail + "/adjust", Map.of("asset", "points", "amount", "-1000000", "reason", "oops"));
        assertEquals(409, tooMuch.status());
        assertTrue(tooMuch.body().contains("does not have that many points"), tooMuch.body());
        Http.Response noReason = op.post(detail + "/adjust", Map.of("asset", "points", "amount", "5", "reason", " "));
        assertEquals(400, noReason.status());
        assertEquals(before + 50, memberApi.get("/api/v1/me/balances").json().at("/balances/points").asLong());
        assertTrue(platform.kindred().invariants.check().isEmpty());
    }

    @Test
    void aFormWithoutThePageTokenIsRefused() {
        Page op = operator("op-csrf@console.test");
        Http.Response forged = op.postWithoutToken("/console/members/" + idOf("op-csrf@console.test") + "/labels",
                Map.of("label", "forged"));
        assertEquals(403, forged.status());
    }

    @Test
    void anOperatorImportsACsvAndReadsTheReportRowByRow() {
        Page op = operator("op-import@console.test");
        String csv = """
                email,phone,name,external_id,total_spent,labels
                old.one@console.test,,Old One,SHOP-1,1299.00,VIP;老用户
                ,,Nobody,SHOP-2,,
                old.two@console.test,+8613800000002,老二,SHOP-3,12.5,
                """;
        assertTrue(op.get("/console/members/import").body().contains("last_purchase_date"), "the columns are documented");

        Http.Response r = finishedImport(op, op.upload("/console/members/import", "file", "customers.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));

        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("id=\"total-imported\">2 imported"), r.body());
        assertTrue(r.body().contains("id=\"total-rejected\">1 rejected"), r.body());
        assertTrue(r.body().contains("class=\"outcome-rejected\"><td class=\"num\">3</td>"), "row 3 is the rejected one");
        assertTrue(op.get("/console/members?query=old.two").body().contains("老二"));
        Http.Response again = finishedImport(op, op.upload("/console/members/import", "file", "customers.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        assertTrue(again.body().contains("id=\"total-updated\">2 updated"), again.body());
        Http.Response notCsv = op.upload("/console/members/import", "file", "x.csv", "text/csv",
                "name\nJust a name\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notCsv.status());
    }

    /** The upload answers 303 to the import's page, which shows progress until the report is there. */
    private static Http.Response finishedImport(Page op, Http.Response upload) {
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
        Page op = operator("op-export@console.test");
        op.post("/console/members/" + idOf("formula@console.test") + "/labels", Map.of("label", "export-me"));

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
        assertTrue(list.body().contains("receives no events"), "the page says what disabling does");

        assertEquals(303, admin.post("/console/plugins/sample/disable", Map.of()).status());
        assertFalse(admin.get("/console").body().contains("href=\"/console/sample\""), "the entry vanished");
        assertEquals(404, admin.get("/api/v1/sample/ping").status());
        assertTrue(admin.get("/console/plugins").body().contains("Disabled"));

        assertEquals(303, admin.post("/console/plugins/sample/enable", Map.of()).status());
        assertTrue(admin.get("/console").body().contains("href=\"/console/sample\""), "the entry is back");
        assertEquals(200, admin.get("/api/v1/sample/ping").status());
        assertEquals(404, admin.post("/console/plugins/no-such-plugin/disable", Map.of()).status());
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

        Http.Response refused = admin.post("/console/settings", form);
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("This is not a time zone"), refused.body());
        assertTrue(refused.body().contains("value=\"Mars/Olympus_Mons\""), "what was typed stays in the form");
        assertFalse(admin.get("/").body().contains("Kindred Tea House"), "nothing was saved");

        form.put("site.timezone", "Asia/Shanghai");
        Http.Response saved = admin.post("/console/settings", form);
        assertEquals(303, saved.status(), saved.body());
        assertTrue(admin.get("/").body().contains("Kindred Tea House"));
        assertEquals("Asia/Shanghai", platform.kindred().settings.zone().getId());
        assertEquals("#aa3355", platform.kindred().settings.raw("site.brand-color").orElseThrow());
        assertEquals("welcome", platform.kindred().settings.raw("home.widgets").orElseThrow(), "locked by the environment");
        assertTrue(admin.get("/console/settings").body().contains("KINDRED_HOME_WIDGETS"), "shown as locked");
        form.put("site.timezone", "UTC");
        admin.post("/console/settings", form);
    }

    @Test
    void anAdminUploadsALogoButNeverAnSvg() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Http.Response svg = admin.upload("/console/settings/logo", "logo", "logo.svg", "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, svg.status());

        Http.Response r = admin.upload("/console/settings/logo", "logo", "logo.png", "image/png", png);

        assertEquals(303, r.status(), r.body());
        String logo = platform.kindred().settings.raw("site.logo").orElseThrow();
        assertTrue(logo.matches("/uploads/site/[A-Za-z0-9_-]+\\.png"), logo);
        assertTrue(Files.isRegularFile(platform.dataDir().resolve(logo.substring(1))));
        assertTrue(admin.get("/").body().contains("src=\"" + logo + "\""), "the logo in the header");
        assertEquals(303, admin.post("/console/settings/logo/remove", Map.of()).status());
        assertFalse(Files.exists(platform.dataDir().resolve(logo.substring(1))), "the old file is gone");
    }

    @Test
    void anAdminCreatesAnApiKeySeesItOnceAndRevokesIt() {
        Http.Response created = admin.post("/console/apikeys", Map.of("name", "shop-sync"));
        assertEquals(200, created.status(), created.body());
        Matcher m = Pattern.compile("id=\"new-secret\">(kdk_[^<]+)<").matcher(created.body());
        assertTrue(m.find(), created.body());
        String secret = m.group(1);
        assertEquals("no-store", created.headers().get("cache-control"));
        Http shop = platform.http().header("X-Requested-With", null).bearer(secret);
        assertEquals(200, shop.get("/api/v1/admin/plugins").status());
        assertFalse(admin.get("/console/apikeys").body().contains(secret), "shown once only");

        assertEquals(409, admin.post("/console/apikeys", Map.of("name", "shop-sync")).status(), "names are unique");
        assertEquals(303, admin.post("/console/apikeys/shop-sync/revoke", Map.of()).status());
        assertEquals(401, shop.get("/api/v1/admin/plugins").status());
    }

    @Test
    void theEventsPageListsEventsBySubscriberAndType() {
        platform.member("evented@console.test", "Evented");
        Page op = operator("op-events@console.test");
        String all = op.get("/console/events").body();
        assertTrue(all.contains("user.registered"), all);
        assertTrue(all.contains("Dead letters"));
        assertFalse(all.contains("/retry\""), "retrying is for admins");
        assertEquals(200, op.get("/console/events?type=user.registered").status());
        assertEquals(404, admin.post("/console/events/dead-letters/999999/retry", Map.of()).status());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * A browser: its own cookies, forms sent as a page sends them (url-encoded or multipart, with the
     * {@code _csrf} field from the last page), redirects not followed so that tests see them.
     */
    static final class Page {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final String base;
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String csrf = "";

        Page(String base) {
            this.base = base;
        }

        static Page signIn(TestPlatform platform, String email, String password) {
            Page p = new Page(platform.baseUrl());
            Http.Response r = p.send(p.request("/signin").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(Map.of("email", email, "password", password)))));
            assertEquals(303, r.status(), "sign-in of " + email);
            p.csrf = p.field("/", "_csrf");
            return p;
        }

        Page header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Http.Response get(String path) {
            return send(request(path).GET());
        }

        /** The value of a hidden field on a page. */
        String field(String path, String name) {
            Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"").matcher(get(path).body());
            assertTrue(m.find(), "no field " + name + " on " + path);
            return m.group(1);
        }

        Http.Response post(String path, Map<String, String> form) {
            Map<String, String> withToken = new LinkedHashMap<>(form);
            withToken.put("_csrf", csrf);
            return postWithoutToken(path, withToken);
        }

        Http.Response postWithoutToken(String path, Map<String, String> form) {
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form))));
        }

        Http.Response upload(String path, String field, String fileName, String type, byte[] content) {
            String boundary = "----kindred" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            headers.forEach(b::header);
            return b;
        }

        private Http.Response send(HttpRequest.Builder b) {
            try {
                HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                Map<String, String> hs = new LinkedHashMap<>();
                r.headers().map().forEach((k, v) -> hs.put(k.toLowerCase(), String.join(", ", v)));
                Matcher m = CSRF.matcher(r.body());
                if (m.find()) {
                    csrf = m.group(1);
                }
                return new Http.Response(r.statusCode(), null, r.body(), hs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String urlEncoded(Map<String, String> form) {
            return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        }
    }

    /** A plugin with a console entry and one route, packed into a jar as a third party would ship it. */
    public static final class SamplePlugin extends KindredPlugin {

        @Override
        public void contribute(PluginContext ctx) {
            ctx.nav(NavEntry.console("sample.nav", "/console/sample", 50));
            ctx.routes().get("/api/v1/sample/ping", Access.OPERATOR, x -> x.json(Map.of("pong", true)));
        }

        static Path jar(Path dir) throws IOException {
            Manifest mf = new Manifest();
            Attributes a = mf.getMainAttributes();
            a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            a.putValue("Plugin-Id", "sample");
            a.putValue("Plugin-Version", "1.0.0");
            a.putValue("Plugin-Class", SamplePlugin.class.getName());
            a.putValue("Plugin-Description", "A sample plugin for the console test");
            Path jar = dir.resolve("sample-1.0.0.jar");
            String entry = SamplePlugin.class.getName().replace('.', '/') + ".class";
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf);
                 InputStream in = SamplePlugin.class.getClassLoader().getResourceAsStream(entry)) {
                j.putNextEntry(new JarEntry(entry));
                in.transferTo(j);
                j.closeEntry();
            }
            return jar;
        }
    }
}
