package io.kindred.plugins.shop;

import io.kindred.plugins.shop.fake.FakeMembershipPlugin;
import io.kindred.testkit.Http;
import io.kindred.testkit.PluginJars;
import io.kindred.testkit.TestPlatform;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the shop tests share: the plugin jar as the single jar loads it, items, points and redemptions. */
final class Fixture {

    static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));

    private Fixture() {
    }

    static TestPlatform start() {
        return TestPlatform.builder().plugin(JAR).start();
    }

    /** Creates an item through the console API. @return its id */
    static long item(TestPlatform p, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Brand doll", "pricePoints", 100, "kind", "physical"));
        body.putAll(fields);
        Http.Response r = p.admin().post("/api/v1/admin/shop/items", body);
        assertEquals(201, r.status(), r.body());
        return r.json().path("item").path("id").asLong();
    }

    static Http.Response redeem(Http member, long itemId, int quantity, String address) {
        Map<String, Object> body = new HashMap<>(Map.of("itemId", itemId, "quantity", quantity));
        if (address != null) {
            body.put("shippingAddress", address);
        }
        return member.post("/api/v1/shop/redemptions", body);
    }

    static long points(Http member) {
        Http.Response r = member.get("/api/v1/me/balances");
        assertEquals(200, r.status(), r.body());
        return r.json().path("balances").path("points").asLong();
    }

    static long userId(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }

    /** One API client per platform: a key name can be taken once. */
    private static final Map<TestPlatform, Http> API_CLIENTS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Gives a member points through an API client's ledger adjustment. */
    static void give(TestPlatform p, Http member, long points) {
        Http.Response r = API_CLIENTS.computeIfAbsent(p, platform -> platform.apiClient("shop")).post("/api/v1/admin/ledger/adjustments", Map.of("userId", userId(member),
                "asset", "points", "amount", points, "reason", "adjustment"));
        assertEquals(201, r.status(), r.body());
    }

    static long stock(TestPlatform p, long itemId) {
        return p.admin().get("/api/v1/admin/shop/items/" + itemId).json().path("item").path("stock").asLong();
    }

    static void assertLedgerBalanced(TestPlatform p) {
        assertTrue(p.kindred().invariants.check().isEmpty(), String.valueOf(p.kindred().invariants.check()));
    }

    /**
     * Submits a form as a browser does: the CSRF token (and the one-time {@code key}, if any) of {@code page},
     * then the fields, url-encoded. @return the answer, usually a 303 with a notice
     */
    static Http.Response submit(Http browser, String page, String action, Map<String, String> fields) {
        Http.Form form = browser.form(page);
        Map<String, String> all = new LinkedHashMap<>();
        String key = form.field("key");
        if (key != null) {
            all.put("key", key);
        }
        all.putAll(fields);
        return form.submit(action, all);
    }

    /**
     * A plugin jar {@code membership-fake} holding only {@link FakeMembershipPlugin} (and its nested class), as
     * PF4J loads third-party jars.
     *
     * @param dir where to write it
     */
    static Path fakeMembershipJar(Path dir) {
        return PluginJars.build(dir, "membership-fake", FakeMembershipPlugin.class, FakeMembershipPlugin.Membership.class);
    }
}
