package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.core.AccountPagesTest.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.LogCapture;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An imported customer claims their record by phone (a code through the SMS sender: the core's log sender
 * here) or by email (a link), and keeps their history. One platform; every test uses customers of its own.
 * The setting {@code purchases.create-customers} is off (the default): an unknown buyer is not created.
 */
class ClaimsTest {

    private static final Pattern SMS = Pattern.compile("SMS NOT SENT .* to (\\+?\\d+): .*your code is (\\d{6})");
    private static final Pattern CLAIM_LINK = Pattern.compile("Claim link for (\\S+) \\(no SMTP configured\\): (\\S+)");

    private static TestPlatform platform;
    private static Http admin;
    private static Http shop;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
        admin = platform.admin();
        shop = platform.apiClient("shop");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void anImportedPhoneOnlyCustomerClaimsTheAccountWithACodeAndKeepsTheirHistory() {
        long id = importCustomer("phone,name,labels\n+86 138-0013-8001,Li Lei,vip\n");
        Http.Response bought = shop.post("/api/v1/admin/purchases", Map.of("phone", "+8613800138001",
                "externalOrderId", "CLAIM-P-1", "amount", 25_000, "currency", "CNY"));
        assertEquals(201, bought.status(), bought.body());
        assertEquals(id, bought.json().at("/purchase/userId").asLong(), "the purchase names the member by phone");
        assertEquals(201, admin.post("/api/v1/admin/ledger/adjustments", Map.of("userId", id, "asset", "points",
                "amount", 120, "reason", "imported balance")).status());

        Http visitor = platform.http();
        String code = requestCode(visitor, "+8613800138001");
        Http.Response wrong = visitor.post("/api/v1/auth/claim/phone/confirm", Map.of("phone", "+8613800138001",
                "code", otherThan(code), "password", "claimed-password-1"));
        assertEquals(400, wrong.status());
        assertEquals("claim_code_invalid", wrong.errorCode());
        Http.Response claimed = visitor.post("/api/v1/auth/claim/phone/confirm", Map.of("phone", "+86 138 0013 8001",
                "code", code, "password", "claimed-password-1"));

        assertEquals(200, claimed.status(), claimed.body());
        assertEquals(id, claimed.json().at("/user/id").asLong(), "the record is theirs, not a new one");
        assertEquals(id, visitor.get("/api/v1/me").json().at("/user/id").asLong(), "signed in");
        assertEquals(120, visitor.get("/api/v1/me/balances").json().at("/balances/points").asLong());
        JsonNode user = admin.get("/api/v1/admin/users/" + id).json().path("user");
        assertEquals(25_000, user.path("totalSpent").asLong());
        assertEquals("vip", user.at("/labels/0").asText());
        assertEquals(200, platform.http().post("/api/v1/auth/login", Map.of("email", "+8613800138001",
                "password", "claimed-password-1")).status(), "a phone-only member signs in with the phone");
        Http.Response again = platform.http().post("/api/v1/auth/claim/phone/confirm", Map.of("phone", "+8613800138001",
                "code", code, "password", "hijack-password-1"));
        assertEquals("claim_code_invalid", again.errorCode(), "a code works once");
    }

    @Test
    void aCodeStopsWorkingAfterFiveWrongTriesAndAPhoneGetsThreeCodesAnHour() {
        importCustomer("phone,name\n+8613800138002,Han Meimei\n");
        Http visitor = platform.http();
        String code = requestCode(visitor, "+8613800138002");
        for (int i = 0; i < 5; i++) {
            assertEquals("claim_code_invalid", visitor.post("/api/v1/auth/claim/phone/confirm", Map.of(
                    "phone", "+8613800138002", "code", otherThan(code), "password", "claimed-password-1")).errorCode());
        }
        // The credential throttle (5 failures per phone) answers before the code, itself spent after five wrong tries.
        assertEquals("too_many_attempts", visitor.post("/api/v1/auth/claim/phone/confirm", Map.of(
                "phone", "+8613800138002", "code", code, "password", "claimed-password-1")).errorCode());

        requestCode(visitor, "+8613800138002");
        requestCode(visitor, "+8613800138002");
        Http.Response fourth = visitor.post("/api/v1/auth/claim/phone", Map.of("phone", "+8613800138002"));
        assertEquals(429, fourth.status());
        assertEquals("too_many_attempts", fourth.errorCode());
    }

    @Test
    void askingForACodeAnswersTheSameForAnUnknownPhoneAndSendsNothing() {
        String log = LogCapture.stderr(() -> {
            Http.Response r = platform.http().post("/api/v1/auth/claim/phone", Map.of("phone", "+8613900000000"));
            assertEquals(202, r.status(), r.body());
            assertEquals("+8613900000000", r.json().at("/claim/phone").asText());
        });
        assertFalse(log.contains("+8613900000000: "), log);
        Http member = platform.member("has-password@claims.test", "Has Password");
        assertEquals(200, member.patch("/api/v1/me", Map.of("phone", "+8613900000001")).status());
        String log2 = LogCapture.stderr(() -> platform.http().post("/api/v1/auth/claim/phone", Map.of("phone", "+8613900000001")));
        assertFalse(SMS.matcher(log2).find(), "a record with a password is not claimable");
    }

    @Test
    void signingUpWithAnImportedEmailSendsAClaimLinkThatSetsThePassword() {
        long id = importCustomer("email,name,total_spent\nold-customer@claims.test,Old Customer,88.00\n");
        Http visitor = platform.http();
        String[] link = new String[1];
        String log = LogCapture.stderr(() -> {
            Http.Response r = visitor.post("/api/v1/auth/register", Map.of("email", "Old-Customer@claims.test",
                    "password", "new-password-1", "displayName", "Newcomer"));
            assertEquals(202, r.status(), r.body());
            assertEquals("email", r.json().at("/claim/channel").asText());
        });
        Matcher m = CLAIM_LINK.matcher(log);
        assertTrue(m.find(), log);
        String page = platform.http().submitForm("/claim", "/claim/email", Map.of("email", "someone-else@claims.test")).body();
        assertTrue(page.contains("This site cannot send email yet, so no link can reach you."),
                "without SMTP the page does not pretend a link is on its way: " + page);
        link[0] = m.group(2);
        String token = link[0].substring(link[0].indexOf("token=") + 6);
        assertTrue(link[0].startsWith(platform.baseUrl() + "/claim/email?token="), link[0]);
        assertEquals(200, visitor.get("/claim/email?token=" + token).status());

        Http.Response claimed = visitor.post("/api/v1/auth/claim/email/confirm", Map.of("token", token,
                "password", "claimed-password-2"));
        assertEquals(200, claimed.status(), claimed.body());
        assertEquals(id, claimed.json().at("/user/id").asLong());
        assertEquals(8_800, admin.get("/api/v1/admin/users/" + id).json().at("/user/totalSpent").asLong());
        Http.Response twice = platform.http().post("/api/v1/auth/register", Map.of("email", "old-customer@claims.test",
                "password", "other-password-1", "displayName", "Someone"));
        assertEquals(409, twice.status(), "a record with a password stays email_taken");
        assertEquals("email_taken", twice.errorCode());
        assertEquals(200, platform.http().post("/api/v1/auth/login", Map.of("email", "old-customer@claims.test",
                "password", "claimed-password-2")).status());
    }

    @Test
    void thePhoneClaimWorksThroughTheMemberPages() {
        long id = importCustomer("phone,name\n+8613800138003,Page Customer\n");
        Browser browser = new Browser(platform);
        assertTrue(browser.get("/signup").body().contains("href=\"/claim\""));
        String[] code = new String[1];
        String log = LogCapture.stderr(() -> {
            Browser.Page sent = browser.postFormWithoutCsrf("/claim/phone", Map.of("phone", "+8613800138003"));
            assertEquals(200, sent.status());
            assertTrue(sent.body().contains("a six-digit code is on its way"), sent.body());
        });
        Matcher m = SMS.matcher(log);
        assertTrue(m.find(), log);
        code[0] = m.group(2);
        Browser.Page done = browser.postFormWithoutCsrf("/claim/phone/confirm", Map.of("phone", "+8613800138003",
                "code", code[0], "password", "page-password-1"));
        assertEquals(303, done.status(), done.body());
        assertEquals(id, browser.me().path("id").asLong());
    }

    @Test
    void theSignUpPageWithAnImportedEmailSendsTheClaimLinkInsteadOfRefusing() {
        importCustomer("email,name\npage-customer@claims.test,Page Customer\n");
        String log = LogCapture.stderr(() -> {
            Browser.Page page = new Browser(platform).postFormWithoutCsrf("/signup", Map.of("email", "page-customer@claims.test",
                    "password", "page-password-1", "displayName", "Page"));
            assertEquals(202, page.status());
            assertTrue(page.body().contains("We already know page-customer@claims.test"), page.body());
        });
        assertTrue(CLAIM_LINK.matcher(log).find(), log);
    }

    @Test
    void theClaimPageSpeaksChinese() {
        Http zh = platform.http().header("Accept-Language", "zh-CN");
        String body = zh.get("/claim").body();
        assertTrue(body.contains("认领您的账户"), body);
        assertTrue(body.contains("发送短信验证码"));
    }

    @Test
    void withoutTheSettingAnUnknownBuyerIsRefusedAndNothingIsCreated() {
        Http.Response r = shop.post("/api/v1/admin/purchases", Map.of("phone", "+8613700000009",
                "externalOrderId", "CLAIM-NONE-1", "amount", 100, "currency", "CNY"));
        assertEquals(404, r.status());
        assertEquals("user_not_found", r.errorCode());
        assertEquals(0, admin.get("/api/v1/admin/users?query=13700000009").json().path("items").size());
    }

    @Test
    void theOperatorTurnsCustomerCreationOnInTheConsoleSettings() {
        assertTrue(admin.get("/console/settings").body().contains("name=\"purchases.create-customers\""));
        try {
            assertEquals(303, admin.submitForm("/console/settings", "/console/settings",
                    Map.of("purchases.create-customers", "true")).status());
            Http.Response r = shop.post("/api/v1/admin/purchases", Map.of("email", "fresh@claims.test",
                    "externalOrderId", "CLAIM-ON-1", "amount", 100, "currency", "CNY"));
            assertEquals(201, r.status(), r.body());
        } finally {
            admin.submitForm("/console/settings", "/console/settings", Map.of("purchases.create-customers", "false"));
        }
        Http.Response off = shop.post("/api/v1/admin/purchases", Map.of("email", "fresher@claims.test",
                "externalOrderId", "CLAIM-OFF-1", "amount", 100, "currency", "CNY"));
        assertEquals(404, off.status());
    }

    private static long importCustomer(String csv) {
        Http.Response r = admin.raw("POST", "/api/v1/admin/users/import", "text/csv", csv);
        assertEquals(200, r.status(), r.body());
        JsonNode row = r.json().at("/report/rows/0");
        assertEquals("imported", row.path("outcome").asText(), r.body());
        return row.path("userId").asLong();
    }

    private static String requestCode(Http visitor, String phone) {
        String log = LogCapture.stderr(() -> {
            Http.Response r = visitor.post("/api/v1/auth/claim/phone", Map.of("phone", phone));
            assertEquals(202, r.status(), r.body());
        });
        Matcher m = SMS.matcher(log);
        String code = null;
        while (m.find()) {
            if (m.group(1).equals(phone)) {
                code = m.group(2);
            }
        }
        assertTrue(code != null, "the log sender wrote the code: " + log);
        return code;
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
