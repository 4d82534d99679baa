package io.kindred.core;

import io.kindred.api.web.Scope;
import io.kindred.testkit.Http;
import io.kindred.testkit.RouteWalk;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API keys hold scopes: a key does what its scopes allow and nothing else, expires, rotates and never opens a page. */
class ScopedApiKeysTest {

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
    void aPurchasesKeyRecordsPurchasesAndIsRefusedEveryOtherAdminEndpoint() {
        Http shop = platform.apiClient("shop-only", Scope.PURCHASES_WRITE);
        platform.member("buyer@scopes.test", "Buyer");
        Http.Response bought = shop.post("/api/v1/admin/purchases", Map.of("email", "buyer@scopes.test",
                "externalOrderId", "SCOPE-1", "amount", 1999, "currency", "CNY"));
        assertEquals(201, bought.status(), bought.body());
        assertEquals(200, shop.post("/api/v1/admin/purchases/SCOPE-1/refund", Map.of()).status());

        List<RouteWalk.Call> operations = RouteWalk.apiKeyOperations(platform);
        assertTrue(operations.size() > 40, "the walk covers the admin API: " + operations.size());
        List<String> wrong = new ArrayList<>();
        for (RouteWalk.Call c : operations) {
            if (c.scope() == null) {
                wrong.add(c.method() + " " + c.template() + " names no x-kindred-scope");
            } else if (!c.scope().equals("purchases:write")) {
                Http.Response r = shop.send(c.method(), c.path(), c.method().equals("GET") ? null : Map.of(), Map.of());
                if (r.status() != 403 || !"insufficient_scope".equals(r.errorCode())) {
                    wrong.add(c.method() + " " + c.path() + " -> " + r.status() + " " + r.body());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void noApiKeyOpensAConsolePageNotEvenAnAdminKey() {
        Http all = platform.apiClient("all-powerful", Scope.ADMIN);
        List<RouteWalk.Call> pages = RouteWalk.consoleRoutes(platform);
        assertTrue(pages.size() > 20, "the walk covers the console: " + pages.size());
        List<String> opened = new ArrayList<>();
        for (RouteWalk.Call c : pages) {
            Http.Response r = all.send(c.method(), c.path(), null, Map.of());
            if (r.status() != 403) {
                opened.add(c.method() + " " + c.path() + " -> " + r.status());
            }
        }
        assertEquals(List.of(), opened);
    }

    @Test
    void aKeyWithoutAdminCannotMakeKeysOrChangeRoles() {
        Http members = platform.apiClient("crm-sync", Scope.MEMBERS_WRITE, Scope.LEDGER_WRITE);
        platform.member("target@scopes.test", "Target");
        long id = members.get("/api/v1/admin/users?query=target@scopes.test").json().at("/items/0/id").asLong();

        Http.Response key = members.post("/api/v1/admin/apikeys", Map.of("name", "escalated", "scopes", List.of("admin")));
        Http.Response roles = members.put("/api/v1/admin/users/" + id + "/roles", Map.of("roles", List.of("admin")));

        assertEquals(403, key.status(), key.body());
        assertEquals("insufficient_scope", key.errorCode());
        assertEquals(403, roles.status(), roles.body());
        assertEquals(201, members.post("/api/v1/admin/ledger/adjustments",
                Map.of("userId", id, "asset", "points", "amount", 5, "reason", "scoped")).status());
    }

    @Test
    void aKeyIsMadeWithScopesAndExpiryAndShowsWhereItWasLastUsed() {
        Http.Response made = admin.post("/api/v1/admin/apikeys", Map.of("name", "reader", "scopes",
                List.of("members:read"), "expiresAt", Instant.now().plusSeconds(3600).toString()));
        assertEquals(201, made.status(), made.body());
        assertEquals(List.of("members:read"), List.of(made.json().at("/apiKey/scopes/0").asText()));
        Http reader = platform.http().header("X-Requested-With", null).bearer(made.json().path("secret").asText());

        assertEquals(200, reader.get("/api/v1/admin/users").status());
        assertEquals(403, reader.post("/api/v1/admin/users/import", Map.of()).status());

        var listed = admin.get("/api/v1/admin/apikeys").json().path("items");
        var row = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                .filter(k -> k.path("name").asText().equals("reader")).findFirst().orElseThrow();
        assertFalse(row.path("lastUsedAt").isNull(), row.toString());
        assertEquals("127.0.0.1", row.path("lastUsedAddress").asText(), row.toString());
        assertFalse(row.path("expiresAt").isNull());
    }

    @Test
    void anUnknownScopeOrAPastExpiryIsRefused() {
        Http.Response unknown = admin.post("/api/v1/admin/apikeys", Map.of("name", "odd", "scopes", List.of("root")));
        Http.Response past = admin.post("/api/v1/admin/apikeys", Map.of("name", "old", "scopes", List.of("admin"),
                "expiresAt", "2020-01-01T00:00:00Z"));

        assertEquals("invalid_field", unknown.errorCode());
        assertEquals("invalid_field", past.errorCode());
    }

    @Test
    void anExpiredKeyIsRefused() {
        String secret = platform.kindred().apiKeys.create("short-lived", java.util.Set.of(Scope.MEMBERS_READ),
                Instant.now().plusMillis(300)).secret();
        Http key = platform.http().header("X-Requested-With", null).bearer(secret);
        assertEquals(200, key.get("/api/v1/admin/users").status());
        sleep(400);

        Http.Response r = key.get("/api/v1/admin/users");

        assertEquals(401, r.status());
        assertEquals("invalid_api_key", r.errorCode());
    }

    @Test
    void rotatingAKeyRetiresTheOldSecretAndKeepsItsScopes() {
        Http.Response made = admin.post("/api/v1/admin/apikeys", Map.of("name", "rotating", "scopes", List.of("members:read")));
        String oldSecret = made.json().path("secret").asText();

        Http.Response rotated = admin.post("/api/v1/admin/apikeys/rotating/rotate", null);

        assertEquals(200, rotated.status(), rotated.body());
        String newSecret = rotated.json().path("secret").asText();
        assertNotEquals(oldSecret, newSecret);
        assertEquals(made.json().at("/apiKey/id").asLong(), rotated.json().at("/apiKey/id").asLong());
        assertEquals("members:read", rotated.json().at("/apiKey/scopes/0").asText());
        assertEquals(401, platform.http().bearer(oldSecret).get("/api/v1/admin/users").status());
        Http fresh = platform.http().header("X-Requested-With", null).bearer(newSecret);
        assertEquals(200, fresh.get("/api/v1/admin/users").status());
        assertEquals(403, fresh.get("/api/v1/admin/plugins").status());
    }

    @Test
    void anAdminMakesAScopedExpiringKeyOnTheConsoleSeesWhereItWasUsedAndRotatesIt() {
        Http console = platform.http().header("X-Requested-With", null);
        assertEquals(303, console.raw("POST", "/signin", "application/x-www-form-urlencoded", "email="
                + java.net.URLEncoder.encode(TestPlatform.ADMIN_EMAIL, java.nio.charset.StandardCharsets.UTF_8)
                + "&password=" + TestPlatform.ADMIN_PASSWORD).status());
        Http.Response none = console.submitForm("/console/apikeys", "/console/apikeys", "name", "no-scope");
        assertEquals(400, none.status(), "a key needs a scope");

        Http.Response made = console.submitForm("/console/apikeys", "/console/apikeys", "name", "pos-till",
                "scope", "purchases:write", "expires", "30");
        assertEquals(200, made.status(), made.body());
        String secret = secretIn(made.body());
        Http till = platform.http().header("X-Requested-With", null).bearer(secret);
        assertEquals(403, till.get("/api/v1/admin/users").status());
        platform.member("till@scopes.test", "Till");
        assertEquals(201, till.post("/api/v1/admin/purchases", Map.of("email", "till@scopes.test",
                "externalOrderId", "TILL-1", "amount", 100, "currency", "CNY")).status());
        String page = console.get("/console/apikeys").body();
        assertTrue(page.contains("<code>purchases:write</code>"), page);
        assertTrue(page.contains("127.0.0.1"), "the last address is shown");

        Http.Response rotated = console.submitForm("/console/apikeys", "/console/apikeys/pos-till/rotate");
        assertEquals(200, rotated.status(), rotated.body());
        assertEquals("no-store", rotated.headers().get("cache-control"));
        assertEquals(401, till.get("/api/v1/admin/users").status(), "the old secret stopped working");
        assertEquals(201, platform.http().header("X-Requested-With", null).bearer(secretIn(rotated.body()))
                .post("/api/v1/admin/purchases", Map.of("email", "till@scopes.test", "externalOrderId", "TILL-2",
                        "amount", 100, "currency", "CNY")).status());
    }

    private static String secretIn(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"new-secret\">(kdk_[^<]+)<").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
