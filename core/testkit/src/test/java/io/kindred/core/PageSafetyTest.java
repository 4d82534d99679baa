package io.kindred.core;

import io.kindred.testkit.Bundles;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages in general: languages, escaping, no foreign hosts, theme overrides. */
class PageSafetyTest {

    static final List<String> PUBLIC_PAGES = List.of("/", "/signin", "/signup", "/signup?ref=NOPE", "/forgot");
    static final String EVIL = "<script>alert(1)</script><img src=x onerror=a()>";

    static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void everyBundleHasTheSameKeysInEnglishAndChinese() {
        ClassLoader loader = getClass().getClassLoader();
        Bundles.assertSameKeys(loader, "themes/default/messages/messages");
        Bundles.assertSameKeys(loader, "themes/default/messages/console");
    }

    @Test
    void withAcceptLanguageChineseMemberPagesShowNoEnglishText() {
        Http member = platform.member("zh-reader@example.com", "读者").header("Accept-Language", "zh-CN,zh;q=0.9");
        Http visitor = platform.http().header("Accept-Language", "zh-CN");
        List<String> english = englishOnlyTexts();
        for (String page : List.of("/", "/points", "/account")) {
            assertChinese(page, member.get(page), english);
        }
        for (String page : PUBLIC_PAGES) {
            assertChinese(page, visitor.get(page), english);
        }
    }

    private static void assertChinese(String page, Http.Response r, List<String> english) {
        assertTrue(r.status() < 500, page + " answered " + r.status());
        String text = r.body().replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]+>", " ");
        assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                page + " shows no Chinese");
        for (String e : english) {
            assertFalse(text.contains(e), page + " shows the English text '" + e + "'");
        }
    }

    /** English texts of the bundles that differ from their Chinese translation (long enough to be telling). */
    private List<String> englishOnlyTexts() {
        List<String> out = new ArrayList<>();
        for (String base : List.of("themes/default/messages/messages")) {
            Properties en = Bundles.load(getClass().getClassLoader(), base + ".properties");
            Properties zh = Bundles.load(getClass().getClassLoader(), base + "_zh_CN.properties");
            for (String k : en.stringPropertyNames()) {
                String v = en.getProperty(k);
                if (!v.equals(zh.getProperty(k)) && !v.contains("{") && v.length() >= 6 && v.matches(".*[a-z]{3}.*")) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    @Test
    void memberTextWithMarkupRendersInertOnEveryPageThatShowsIt() {
        Http member = platform.member("evil@example.com", EVIL);
        Http admin = platform.admin();
        long id = member.get("/api/v1/me").json().path("user").path("id").asLong();
        List<String> pages = new ArrayList<>(List.of("/", "/points", "/account"));
        for (String page : pages) {
            assertInert(page, member.get(page));
        }
        String code = member.get("/api/v1/me").json().path("user").path("referralCode").asText();
        assertInert("/signup?ref=" + code, platform.http().get("/signup?ref=" + code));
        for (String page : List.of("/console/members", "/console/members?query=evil", "/console/members/" + id)) {
            assertInert(page, admin.get(page));
        }
    }

    private static void assertInert(String page, Http.Response r) {
        assertTrue(r.status() < 500, page + " answered " + r.status());
        assertFalse(r.body().contains("<script>alert(1)"), page + " lets a script through");
        assertFalse(r.body().contains("<img src=x onerror"), page + " lets an onerror attribute through");
    }

    @Test
    void noPageReferencesAnotherHost() {
        Http member = platform.member("hosts@example.com", "Hosts");
        Http admin = platform.admin();
        Pattern ref = Pattern.compile("(?:src|href|action|srcset)\\s*=\\s*\"([^\"]*)\"");
        Map<String, Http> pages = new java.util.LinkedHashMap<>();
        PUBLIC_PAGES.forEach(p -> pages.put(p, platform.http()));
        pages.put("/points", member);
        pages.put("/account", member);
        for (String p : List.of("/console", "/console/members", "/console/plugins", "/console/settings",
                "/console/apikeys", "/console/events", "/console/api", "/console/webhooks")) {
            pages.put(p, admin);
        }
        pages.put("/assets/kindred.css", platform.http());
        for (var e : pages.entrySet()) {
            Http.Response r = e.getValue().get(e.getKey());
            Matcher m = ref.matcher(r.body());
            while (m.find()) {
                String url = m.group(1);
                assertFalse(url.startsWith("//") || url.matches("(?i)^[a-z][a-z0-9+.-]*:.*") && !url.startsWith("data:")
                        && !url.startsWith("mailto:"), e.getKey() + " references " + url);
            }
            assertFalse(r.body().matches("(?s).*url\\(\\s*['\"]?(https?:)?//.*"), e.getKey() + " loads a foreign url()");
        }
    }

    @Test
    void aCustomThemeOverridesOnePageAndTheRestStaysDefault() throws Exception {
        Path dir = Files.createTempDirectory("kindred-theme-test-");
        Path templates = dir.resolve("themes/custom/templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("signin.peb"), """
                {% extends "layout" %}
                {% block content %}<h1 id="custom-signin">Custom sign-in of {{ siteName }}</h1>{% endblock %}
                """, StandardCharsets.UTF_8);
        try (TestPlatform custom = TestPlatform.builder().dataDir(dir).start()) {
            Http admin = custom.admin();
            assertFalse(custom.http().get("/signin").body().contains("custom-signin"));
            custom.kindred().settings.save("site.theme",
                    io.kindred.api.settings.SettingDefinition.text("theme", "default", 40, "theme"), "custom");
            admin.get("/");
            String signin = custom.http().get("/signin").body();
            assertTrue(signin.contains("id=\"custom-signin\""), "the custom template is used");
            Http.Response home = custom.http().get("/");
            assertEquals(200, home.status());
            assertTrue(home.body().contains("class=\"hero\""), "other pages still come from the default theme");
            assertTrue(custom.http().get("/signup").body().contains("action=\"/signup\""));
        }
    }
}
