package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts and sessions as members meet them, and member administration as operators meet it. One platform
 * serves the whole class; every test works with members of its own.
 */
class AuthAndUsersTest {

    private static final String PASSWORD = "member-password-1";
    private static TestPlatform platform;
    private static Http admin;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void inviteOnlySignUpNeedsAValidInviteCode() {
        try (TestPlatform invite = TestPlatform.builder().setting("site.registration", "invite-only").start()) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("email", "new@example.com", "password", "member-password-1",
                    "displayName", "New"));
            Http.Response none = invite.http().post("/api/v1/auth/register", body);
            assertEquals(403, none.status());
            assertEquals("registration_closed", none.errorCode());
            body.put("referralCode", "NOSUCHCODE");
            assertEquals("registration_closed", invite.http().post("/api/v1/auth/register", body).errorCode());
            String code = invite.admin().get("/api/v1/me").json().path("user").path("referralCode").asText();
            body.put("referralCode", code);
            assertEquals(201, invite.http().post("/api/v1/auth/register", body).status());
        }
    }

    @Test
    void registeringCreatesAMemberAndOpensAnHttpOnlyLaxSession() {
        Http alice = platform.http();

        Http.Response r = alice.post("/api/v1/auth/register",
                Map.of("email", "Alice@Register.test", "password", PASSWORD, "displayName", "Alice"));

        assertEquals(201, r.status(), r.body());
        JsonNode user = r.json().path("user");
        assertTrue(user.path("id").asLong() > 0);
        assertEquals("alice@register.test", user.path("email").asText());
        assertEquals("Alice", user.path("displayName").asText());
        assertEquals(List.of("member"), strings(user.path("roles")));
        assertFalse(user.has("passwordHash"));
        String cookie = r.headers().get("set-cookie");
        assertNotNull(cookie, "a session cookie");
        assertTrue(cookie.startsWith("kindred_session="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertEquals(user.path("id").asLong(), alice.get("/api/v1/me").json().at("/user/id").asLong());
    }

    @Test
    void registeringAnEmailTwiceAnswersEmailTaken() {
        platform.member("bob@register.test", "Bob");

        Http.Response again = platform.http().post("/api/v1/auth/register",
                Map.of("email", " BOB@register.test ", "password", PASSWORD, "displayName", "Bob again"));

        assertEquals(409, again.status(), again.body());
        assertEquals("email_taken", again.errorCode());
    }

    @Test
    void signingInWithAWrongPasswordAnswersInvalidCredentials() {
        platform.member("carol@login.test", "Carol");
        Http carol = platform.http();

        Http.Response wrong = carol.post("/api/v1/auth/login", Map.of("email", "carol@login.test", "password", "not-her-password"));
        Http.Response unknown = carol.post("/api/v1/auth/login", Map.of("email", "nobody@login.test", "password", PASSWORD));
        Http.Response right = carol.post("/api/v1/auth/login", Map.of("email", "CAROL@login.test", "password", PASSWORD));

        assertEquals(401, wrong.status(), wrong.body());
        assertEquals("invalid_credentials", wrong.errorCode());
        assertEquals(401, unknown.status(), unknown.body());
        assertEquals("invalid_credentials", unknown.errorCode());
        assertEquals(200, right.status(), right.body());
        assertEquals("carol@login.test", right.json().at("/user/email").asText());
        assertEquals(200, carol.get("/api/v1/me").status());
    }

    @Test
    void signingOutEndsTheSessionForGood() {
        Http dave = platform.member("dave@logout.test", "Dave");

        Http.Response out = dave.post("/api/v1/auth/logout", null);

        assertEquals(204, out.status(), out.body());
        Http.Response me = dave.get("/api/v1/me");
        assertEquals(401, me.status());
        assertEquals("unauthenticated", me.errorCode());
        String cookie = signInCookie("dave@logout.test");
        assertEquals(200, withCookie("GET", "/api/v1/me", cookie));
        assertEquals(204, withCookie("POST", "/api/v1/auth/logout", cookie));
        assertEquals(401, withCookie("GET", "/api/v1/me", cookie), "a copy of a signed-out cookie opens nothing");
    }

    @Test
    void meWithoutASessionAnswersUnauthenticated() {
        Http.Response me = platform.http().get("/api/v1/me");

        assertEquals(401, me.status());
        assertEquals("unauthenticated", me.errorCode());
        assertFalse(me.json().at("/error/message").asText().isBlank());
    }

    @Test
    void aMemberUpdatesTheirOwnProfile() {
        Http erin = platform.member("erin@profile.test", "Erin");

        Http.Response r = erin.patch("/api/v1/me", Map.of("displayName", "Erin E.", "birthday", "1990-05-17",
                "phone", "+86 138 0000 0001", "locale", "zh-CN",
                "shippingAddress", Map.of("name", "Erin", "city", "Shanghai", "line1", "1 Nanjing Rd")));

        assertEquals(200, r.status(), r.body());
        JsonNode me = erin.get("/api/v1/me").json().path("user");
        assertEquals("Erin E.", me.path("displayName").asText());
        assertEquals("1990-05-17", me.path("birthday").asText());
        assertEquals("+8613800000001", me.path("phone").asText());
        assertEquals("zh-CN", me.path("locale").asText());
        assertEquals("Shanghai", me.at("/shippingAddress/city").asText());
        assertEquals("erin@profile.test", me.path("email").asText(), "fields not sent stay as they were");

        Http.Response bad = erin.patch("/api/v1/me", Map.of("birthday", "2999-01-01"));
        assertEquals(400, bad.status(), bad.body());
        assertEquals("invalid_field", bad.errorCode());
        assertEquals("1990-05-17", erin.get("/api/v1/me").json().at("/user/birthday").asText());
    }

    @Test
    void aSessionRequestThatChangesStateWithoutTheCsrfHeaderIsRefused() {
        Http frank = platform.member("frank@csrf.test", "Frank");
        frank.header("X-Requested-With", null);

        Http.Response patch = frank.patch("/api/v1/me", Map.of("displayName", "Hacked"));
        Http.Response password = frank.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "hacked-pass-1"));
        Http.Response wrongToken = frank.send("PATCH", "/api/v1/me", Map.of("displayName", "Hacked"), Map.of("X-CSRF-Token", "guess"));

        for (Http.Response r : List.of(patch, password, wrongToken)) {
            assertEquals(403, r.status(), r.body());
            assertEquals("csrf_failed", r.errorCode());
        }
        assertEquals(200, frank.get("/api/v1/me").status(), "reading needs no CSRF header");
        frank.header("X-Requested-With", "kindred");
        assertEquals("Frank", frank.get("/api/v1/me").json().at("/user/displayName").asText());
        assertEquals(200, frank.patch("/api/v1/me", Map.of("displayName", "Frank F.")).status());
    }

    @Test
    void aMemberIsForbiddenEveryAdminEndpoint() {
        Http grace = platform.member("grace@forbidden.test", "Grace");
        long id = grace.get("/api/v1/me").json().at("/user/id").asLong();
        List<String[]> calls = List.of(
                new String[]{"GET", "/api/v1/admin/users"},
                new String[]{"GET", "/api/v1/admin/users/" + id},
                new String[]{"GET", "/api/v1/admin/users/" + id + "/balances"},
                new String[]{"GET", "/api/v1/admin/users/" + id + "/ledger"},
                new String[]{"POST", "/api/v1/admin/users/" + id + "/labels"},
                new String[]{"PUT", "/api/v1/admin/users/" + id + "/roles"},
                new String[]{"POST", "/api/v1/admin/users/import"},
                new String[]{"POST", "/api/v1/admin/ledger/adjustments"},
                new String[]{"GET", "/api/v1/admin/ledger/check"},
                new String[]{"POST", "/api/v1/admin/purchases"},
                new String[]{"GET", "/api/v1/admin/plugins"},
                new String[]{"GET", "/api/v1/admin/apikeys"},
                new String[]{"POST", "/api/v1/admin/apikeys"},
                new String[]{"GET", "/api/v1/admin/events"},
                new String[]{"GET", "/api/v1/admin/events/dead-letters"});
        for (String[] call : calls) {
            Map<String, Object> body = call[0].equals("GET") ? null
                    : Map.of("userId", id, "asset", "points", "amount", 1000, "reason", "self-service", "roles", List.of("admin"),
                    "label", "vip", "name", "mine", "externalOrderId", "X", "currency", "CNY");
            Http.Response r = grace.send(call[0], call[1], body, Map.of());
            assertEquals(403, r.status(), call[0] + " " + call[1] + ": " + r.body());
            assertEquals("forbidden", r.errorCode());
        }
        assertEquals(0, platform.kindred().ledger.balance(id, "points"));
        assertEquals(List.of("member"), strings(grace.get("/api/v1/me").json().at("/user/roles")));
    }

    @Test
    void aMemberSeesOnlyTheirOwnData() {
        Http heidi = platform.member("heidi@private.test", "Heidi");
        Http ivan = platform.member("ivan@private.test", "Ivan");
        long heidiId = heidi.get("/api/v1/me").json().at("/user/id").asLong();
        long ivanId = ivan.get("/api/v1/me").json().at("/user/id").asLong();
        Http.Response credit = admin.post("/api/v1/admin/ledger/adjustments",
                Map.of("userId", ivanId, "asset", "points", "amount", 50, "reason", "gift"));
        assertEquals(201, credit.status(), credit.body());

        assertEquals(heidiId, heidi.get("/api/v1/me").json().at("/user/id").asLong());
        assertEquals(0, heidi.get("/api/v1/me/balances").json().at("/balances/points").asLong());
        assertEquals(0, heidi.get("/api/v1/me/ledger").json().path("items").size());
        assertEquals(403, heidi.get("/api/v1/admin/users/" + ivanId).status());
        assertEquals(403, heidi.get("/api/v1/admin/users/" + ivanId + "/ledger").status());
        assertEquals(50, ivan.get("/api/v1/me/balances").json().at("/balances/points").asLong());
        assertEquals(1, ivan.get("/api/v1/me/ledger").json().path("items").size());
    }

    @Test
    void aRevokedApiKeyIsRefused() {
        Http erp = platform.apiClient("erp");
        assertEquals(200, erp.get("/api/v1/admin/users").status());

        Http.Response revoke = admin.post("/api/v1/admin/apikeys/erp/revoke", null);

        assertEquals(204, revoke.status(), revoke.body());
        Http.Response refused = erp.get("/api/v1/admin/users");
        assertEquals(401, refused.status(), refused.body());
        assertEquals("invalid_api_key", refused.errorCode());
        Http.Response forged = platform.http().bearer("kdk_forged_" + "x".repeat(43)).get("/api/v1/admin/users");
        assertEquals(401, forged.status());
        assertEquals("invalid_api_key", forged.errorCode());
    }

    @Test
    void anApiKeyCannotActAsAMember() {
        Http pos = platform.apiClient("pos");

        Http.Response me = pos.get("/api/v1/me");

        assertEquals(403, me.status(), me.body());
        assertEquals("forbidden", me.errorCode());
    }

    @Test
    void operatorsSearchMembersPageByPage() {
        StringBuilder csv = new StringBuilder("email,name,labels\n");
        for (int i = 0; i < 25; i++) {
            csv.append("page-").append(i).append("@search.test,Paged ").append(i).append(',')
                    .append(i % 5 == 0 ? "vip" : "").append('\n');
        }
        assertEquals(200, admin.raw("POST", "/api/v1/admin/users/import", "text/csv", csv.toString()).status());

        List<Long> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            JsonNode body = admin.get("/api/v1/admin/users?query=search.test&limit=10"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            body.path("items").forEach(u -> ids.add(u.path("id").asLong()));
            cursor = body.path("nextCursor").isNull() ? null : body.path("nextCursor").asText();
            if (cursor == null) {
                break;
            }
        }

        assertEquals(25, ids.size());
        assertEquals(25, new HashSet<>(ids).size(), "no member twice");
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort((a, b) -> Long.compare(b, a));
        assertEquals(sorted, ids, "newest first");
        JsonNode vip = admin.get("/api/v1/admin/users?query=search.test&label=vip&limit=100").json();
        assertEquals(5, vip.path("items").size());
        assertTrue(vip.path("nextCursor").isNull());
        JsonNode one = admin.get("/api/v1/admin/users?query=PAGE-7@SEARCH.TEST").json();
        assertEquals(1, one.path("items").size());
        assertEquals("Paged 7", one.at("/items/0/displayName").asText());
    }

    @Test
    void searchTreatsWildcardCharactersAsText() {
        String csv = "email,name\nunder_score@wild.test,Under\nunderXscore@wild.test,UnderX\n";
        assertEquals(200, admin.raw("POST", "/api/v1/admin/users/import", "text/csv", csv).status());

        JsonNode underscore = admin.get("/api/v1/admin/users?query=under_score").json();
        JsonNode percent = admin.get("/api/v1/admin/users?query=%25").json();
        JsonNode bang = admin.get("/api/v1/admin/users?query=!").json();

        assertEquals(1, underscore.path("items").size(), underscore.toString());
        assertEquals("under_score@wild.test", underscore.at("/items/0/email").asText());
        assertEquals(0, percent.path("items").size(), percent.toString());
        assertEquals(0, bang.path("items").size(), bang.toString());
    }

    @Test
    void operatorsAddAndRemoveLabels() {
        Http judy = platform.member("judy@labels.test", "Judy");
        long id = judy.get("/api/v1/me").json().at("/user/id").asLong();

        Http.Response added = admin.post("/api/v1/admin/users/" + id + "/labels", Map.of("label", "early-adopter"));
        Http.Response twice = admin.post("/api/v1/admin/users/" + id + "/labels", Map.of("label", "early-adopter"));

        assertEquals(200, added.status(), added.body());
        assertEquals(List.of("early-adopter"), strings(twice.json().at("/user/labels")));
        assertEquals(1, admin.get("/api/v1/admin/users?label=early-adopter").json().path("items").size());

        Http.Response removed = admin.delete("/api/v1/admin/users/" + id + "/labels/early-adopter");

        assertEquals(200, removed.status(), removed.body());
        assertEquals(List.of(), strings(removed.json().at("/user/labels")));
        assertEquals(0, admin.get("/api/v1/admin/users?label=early-adopter").json().path("items").size());
        Http.Response bad = admin.post("/api/v1/admin/users/" + id + "/labels", Map.of("label", "a,b"));
        assertEquals(400, bad.status());
        assertEquals("invalid_field", bad.errorCode());
    }

    @Test
    void importingCustomersReportsEachRowAndImportingAgainUpdatesInsteadOfDuplicating() {
        String csv = """
                email,phone,name,external_id,external_system,total_spent,last_purchase_date,labels
                kim@import.test,,Kim,S-1,shop,1234.50,2025-12-31,vip;old-customer
                ,+8613900000002,Lee,S-2,shop,10,,
                max@import.test,,Max,,,,,
                ,,Nobody,S-4,shop,,,
                not-an-email,,Bad Email,,,,,
                ned@import.test,,Ned,,,12.345,,
                """;

        JsonNode first = admin.raw("POST", "/api/v1/admin/users/import", "text/csv", csv).json().path("report");
        JsonNode second = admin.raw("POST", "/api/v1/admin/users/import", "text/csv", csv).json().path("report");

        assertEquals(3, first.path("imported").asInt(), first.toString());
        assertEquals(0, first.path("updated").asInt());
        assertEquals(3, first.path("rejected").asInt());
        List<Long> rejectedRows = new ArrayList<>();
        first.path("rows").forEach(row -> {
            if (row.path("outcome").asText().equals("rejected")) {
                rejectedRows.add(row.path("row").asLong());
                assertFalse(row.path("reason").asText().isBlank());
            }
        });
        assertEquals(List.of(5L, 6L, 7L), rejectedRows, "rows are numbered as in the file, header = 1");
        assertEquals(0, second.path("imported").asInt(), second.toString());
        assertEquals(3, second.path("updated").asInt());
        assertEquals(3, second.path("rejected").asInt());
        assertEquals(3, admin.get("/api/v1/admin/users?query=import.test").json().path("items").size()
                + admin.get("/api/v1/admin/users?query=8613900000002").json().path("items").size());

        JsonNode kim = admin.get("/api/v1/admin/users?query=S-1").json().at("/items/0");
        assertEquals("kim@import.test", kim.path("email").asText());
        assertEquals(123_450, kim.path("totalSpent").asLong());
        assertEquals("2025-12-31", kim.path("lastPurchaseDay").asText());
        assertEquals(new TreeSet<>(List.of("old-customer", "vip")), new TreeSet<>(strings(kim.path("labels"))));
        JsonNode detail = admin.get("/api/v1/admin/users/" + kim.path("id").asLong()).json().path("user");
        assertEquals("S-1", detail.at("/externalIds/0/externalId").asText());
        Set<Long> registered = new HashSet<>();
        admin.get("/api/v1/admin/events?type=user.registered&limit=200").json().path("items").forEach(e -> {
            if ("import".equals(e.at("/payload/source").asText())) {
                registered.add(e.path("userId").asLong());
            }
        });
        assertTrue(registered.contains(kim.path("id").asLong()));
        Http.Response login = platform.http().post("/api/v1/auth/login", Map.of("email", "kim@import.test", "password", PASSWORD));
        assertEquals(401, login.status(), "an imported member has no password yet");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Signs in on a bare client and returns the session cookie ({@code name=value}). */
    private static String signInCookie(String email) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(platform.baseUrl() + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            return cookie.substring(0, cookie.indexOf(';'));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int withCookie(String method, String path, String cookie) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
                    .header("Cookie", cookie).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
