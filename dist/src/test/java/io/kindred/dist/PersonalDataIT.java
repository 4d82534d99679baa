package io.kindred.dist;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20's acceptance for personal data, on the single jar with every bundled plugin: a member's export holds
 * their profile, ledger, purchases, check-ins, membership and redemptions; after they delete their account they
 * cannot sign in, none of their personal values is left in the database file, and {@code doctor} passes.
 */
class PersonalDataIT {

    private static final String EMAIL = "zq7x.lin@kindred.test";
    private static final String NAME = "Zq7x Lin";
    private static final String PHONE = "+86 139 7777 0042";
    private static final String ADDRESS = "Zq7x Lin, 13977770042, 42 Zq7x Road, Hangzhou";
    private static final String POST = "Zq7x tea notes";

    @TempDir
    Path tmp;

    @Test
    void theExportHoldsEveryPartAndDeletionLeavesNoPersonalValueInTheFile() throws Exception {
        Path data = tmp.resolve("data");
        long id;
        try (KindredProcess k = KindredProcess.start(data, tmp.resolve("kindred.log"), KindredProcess.adminEnv())) {
            Http admin = k.admin();
            Http lin = k.http();
            Http.Response signedUp = lin.post("/api/v1/auth/register", Map.of("email", EMAIL, "password", "member-password-1",
                    "displayName", NAME, "consent", Map.of("terms", 1, "privacy", 1)));
            assertEquals(201, signedUp.status(), signedUp.body());
            id = signedUp.json().path("user").path("id").asLong();
            assertEquals(200, lin.patch("/api/v1/me", Map.of("phone", PHONE, "birthday", "1988-08-08")).status());
            useThePlugins(admin, lin, id);

            JsonNode export = lin.get("/api/v1/me/export").json();
            assertEquals(EMAIL, export.path("profile").path("email").asText());
            assertTrue(export.path("ledger").path("entries").size() >= 3, "welcome gift, check-in, redemption: " + export.path("ledger"));
            assertEquals("order-1001", export.path("purchases").get(0).path("externalOrderId").asText());
            assertEquals(2, export.path("consents").size());
            JsonNode plugins = export.path("plugins");
            assertEquals(1, plugins.path("checkin").path("checkins").size(), plugins.path("checkin").toString());
            assertFalse(plugins.path("membership").isMissingNode() || plugins.path("membership").isEmpty(), plugins.toString());
            assertEquals(ADDRESS, plugins.path("shop").path("redemptions").get(0).path("shippingAddress").asText());
            assertTrue(plugins.path("community").toString().contains(POST), plugins.path("community").toString());

            long points = admin.get("/api/v1/admin/users/" + id + "/balances").json().path("balances").path("points").asLong();
            Http.Response deleted = lin.send("DELETE", "/api/v1/me", Map.of("password", "member-password-1"), Map.of());
            assertEquals(200, deleted.status(), deleted.body());
            assertEquals(401, k.http().post("/api/v1/auth/login", Map.of("email", EMAIL, "password", "member-password-1")).status());
            assertEquals(points, admin.get("/api/v1/admin/users/" + id + "/balances").json().path("balances").path("points").asLong(),
                    "the points stay on the anonymous account");
            assertTrue(admin.get("/api/v1/admin/ledger/check").json().path("ok").asBoolean());
            assertEquals(0, k.terminate(Duration.ofSeconds(30)));
        }
        String file = text(data.resolve("kindred.db")) + text(data.resolve("kindred.db-wal"));
        for (String personal : List.of("zq7x", "Zq7x", "7777 0042", "13977770042", "1988-08-08")) {
            int at = file.indexOf(personal);
            assertFalse(at >= 0, "the database file still holds " + personal + ": …"
                    + file.substring(Math.max(0, at - 80), Math.min(file.length(), at + 80)).replaceAll("[^\\x20-\\x7e]", ".") + "…");
        }
        KindredProcess.CliRun doctor = KindredProcess.cli(data, "doctor");
        assertEquals(0, doctor.exitCode(), doctor.output());
    }

    /** A check-in, a purchase, a redemption with a shipping address, a community post. */
    private static void useThePlugins(Http admin, Http lin, long id) {
        assertEquals(201, lin.post("/api/v1/checkins", Map.of()).status());
        assertEquals(201, admin.post("/api/v1/admin/purchases", Map.of("userId", id, "externalOrderId", "order-1001",
                "amount", 4990, "currency", "CNY")).status());
        assertEquals(201, admin.post("/api/v1/admin/ledger/adjustments", Map.of("userId", id, "asset", "points",
                "amount", 300, "reason", "privacy test"), Map.of("Idempotency-Key", "privacy-it-" + id)).status());
        Http.Response item = admin.post("/api/v1/admin/shop/items", Map.of("name", "Tea tin", "pricePoints", 100,
                "kind", "physical", "stock", 5));
        assertEquals(201, item.status(), item.body());
        Http.Response redeemed = lin.post("/api/v1/shop/redemptions", Map.of("itemId", item.json().path("item").path("id").asLong(),
                "quantity", 1, "shippingAddress", ADDRESS));
        assertEquals(201, redeemed.status(), redeemed.body());
        long category = lin.get("/api/v1/community/categories").json().path("items").get(0).path("id").asLong();
        Http.Response post = lin.post("/api/v1/community/posts", Map.of("categoryId", category, "title", POST,
                "body", "Brewed at 85 degrees. " + POST));
        assertEquals(201, post.status(), post.body());
    }

    private static String text(Path file) throws java.io.IOException {
        return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : "";
    }
}
