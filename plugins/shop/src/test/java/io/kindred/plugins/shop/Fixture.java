package io.kindred.plugins.shop;

import io.kindred.plugins.shop.fake.FakeMembershipPlugin;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    /**
     * Submits a form as a browser does: the CSRF token (and the one-time {@code key}, if any) of {@code page},
     * then the fields, url-encoded. @return the answer, usually a 303 with a notice
     */
    static Http.Response submit(Http browser, String page, String action, Map<String, String> fields) {
        String body = browser.get(page).body();
        Matcher m = CSRF.matcher(body);
        assertTrue(m.find(), "the page " + page + " carries a CSRF token");
        List<String> pairs = new ArrayList<>(List.of("_csrf=" + enc(m.group(1))));
        Matcher k = KEY.matcher(body);
        if (k.find()) {
            pairs.add("key=" + enc(k.group(1)));
        }
        fields.forEach((n, v) -> pairs.add(enc(n) + "=" + enc(v)));
        browser.header("X-Requested-With", null);
        try {
            return browser.raw("POST", action, "application/x-www-form-urlencoded", String.join("&", pairs));
        } finally {
            browser.header("X-Requested-With", "kindred");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * A plugin jar {@code membership-fake} holding only {@link FakeMembershipPlugin} (and its nested class), as
     * PF4J loads third-party jars.
     *
     * @param dir where to write it
     */
    static Path fakeMembershipJar(Path dir) {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", "membership-fake");
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Class", FakeMembershipPlugin.class.getName());
        a.putValue("Plugin-Description", "test stand-in for membership");
        Path jar = dir.resolve("membership-fake-1.0.0.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            for (Class<?> type : List.of(FakeMembershipPlugin.class, FakeMembershipPlugin.Membership.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                try (InputStream in = Fixture.class.getClassLoader().getResourceAsStream(entry)) {
                    j.putNextEntry(new JarEntry(entry));
                    in.transferTo(j);
                    j.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
