package io.kindred.plugins.membership;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.kindred.plugins.membership.Fixture.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The membership page and home widget: rendered in both languages, redeeming a code without JavaScript. */
class PagesIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void theMemberSeesTierProgressAndBenefitsAfterAPurchaseInBothLanguages() {
        try (TestPlatform p = Fixture.start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            purchase(p, alice, "A-1", 600_00, null);
            for (String lang : List.of("en", "zh-CN")) {
                alice.header("Accept-Language", lang);
                for (String path : List.of("/", "/membership")) {
                    Http.Response r = alice.get(path);
                    assertEquals(200, r.status(), lang + " " + path + ": " + r.body());
                    String body = r.body();
                    assertTrue(body.contains("id=\"membership-tier\""), lang + " " + path);
                    assertTrue(body.contains("V2 · 社区新秀"), lang + " " + path);
                    assertTrue(body.contains("id=\"membership-growth\">600<"), lang + " " + path);
                    assertTrue(body.contains("id=\"membership-progress\" style=\"width:100%\" max=\"100\" value=\"6\""), lang + " " + path + body);
                    assertTrue(body.contains(lang.equals("en") ? "Birthday bonus points" : "生日积分礼"), lang + " " + path);
                    assertFalse(body.contains("membership."), lang + " " + path + " has a missing text: " + body);
                }
            }
        }
    }

    @Test
    void aCodeIsRedeemedFromTheMembershipPageWithoutJavaScript() {
        try (TestPlatform p = Fixture.start()) {
            Http.Response b = p.admin().post("/api/v1/admin/membership/codes", Map.of("planCode", "annual", "count", 1));
            String code = b.json().path("batch").path("codes").get(0).asText();
            Http alice = p.member("alice@kindred.test", "Alice");
            Http.Response first = submit(alice, code);
            assertEquals(303, first.status(), first.body());
            assertTrue(location(first).contains("notice=membership.redeemed"), location(first));
            assertTrue(alice.get("/membership").body().contains("普通年卡"));
            Http.Response again = submit(alice, code);
            assertTrue(location(again).contains("notice=membership.code_already_used"));
            String page = alice.get("/membership?notice=membership.code_already_used").body();
            assertTrue(page.contains("This activation code has already been used."), page);
        }
    }

    private static String location(Http.Response r) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("location"))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    private static Http.Response submit(Http browser, String code) {
        Matcher m = CSRF.matcher(browser.get("/membership").body());
        assertTrue(m.find());
        String form = "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8);
        browser.header("X-Requested-With", null);
        try {
            return browser.raw("POST", "/membership/redeem", "application/x-www-form-urlencoded", form);
        } finally {
            browser.header("X-Requested-With", "kindred");
        }
    }
}
