package io.kindred.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member's rights over their data, on the core alone: consent to the current terms and privacy notice is recorded
 * at sign-up, a new version is asked for at the next sign-in, the export holds everything about the member, and
 * deleting the account erases the person from the database file while the ledger still balances.
 */
class PersonalDataTest {

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
    void theSignUpFormRecordsConsentOnlyWhenTheBoxIsTicked() {
        Http visitor = platform.http().header("X-Requested-With", null);
        Http.Form form = visitor.form("/signup");
        assertEquals("1", form.field("termsVersion"));
        String privacy = form.field("privacyVersion");
        Http.Response refused = form.submit("/signup", "displayName", "No Box", "email", "nobox@privacy.test",
                "password", "correct-horse-9");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("Tick the box"), refused.body());
        Http.Response signed = visitor.form("/signup").submit("/signup", "displayName", "Ticked", "email",
                "ticked@privacy.test", "password", "correct-horse-9", "consent", "yes", "termsVersion", "1",
                "privacyVersion", privacy);
        assertEquals(303, signed.status(), signed.body());
        JsonNode consents = visitor.get("/api/v1/me/consents").json().path("consents");
        assertTrue(consents.path("upToDate").asBoolean(), consents.toString());
        assertEquals(2, consents.path("history").size());
        assertEquals("signup", consents.path("history").get(0).path("source").asText());
    }

    @Test
    void aNewVersionIsAskedForAtTheNextSignInAndAnAppShowingAnOldOneIsRefused() {
        platform.member("later@privacy.test", "Later");
        String oldPrivacy = platform.http().get("/api/v1/legal").json().path("legal").path("privacy").path("version").asText();
        Http.Response published = admin.put("/api/v1/admin/legal/privacy", Map.of("texts",
                Map.of("en", "Privacy notice, version two.\n\nWe keep less.", "zh-CN", "隐私政策第二版。")));
        assertEquals(200, published.status(), published.body());
        int version = published.json().path("legal").path("version").asInt();
        assertEquals(Integer.parseInt(oldPrivacy) + 1, version);

        Http.Response outdated = platform.http().post("/api/v1/auth/register", Map.of("email", "app@privacy.test",
                "password", "correct-horse-9", "displayName", "App", "consent", Map.of("privacy", Integer.parseInt(oldPrivacy))));
        assertEquals(409, outdated.status());
        assertEquals("consent_outdated", outdated.errorCode());

        Http page = platform.http().header("X-Requested-With", null);
        Http.Response signIn = page.raw("POST", "/signin", "application/x-www-form-urlencoded",
                "email=later%40privacy.test&password=" + PASSWORD);
        assertEquals("/consent", signIn.headers().get("location"));
        assertTrue(page.get("/privacy").body().contains("We keep less."));
        assertEquals(303, page.submitForm("/consent", "/consent", "termsVersion", "1", "privacyVersion",
                String.valueOf(version)).status());
        assertTrue(page.get("/api/v1/me/consents").json().path("consents").path("upToDate").asBoolean());
    }

    @Test
    void theExportHoldsTheProfileTheLedgerAndThePurchasesAndTheZipTheAvatar() throws IOException {
        Http ada = platform.member("ada@privacy.test", "Ada Export");
        long id = ada.get("/api/v1/me").json().path("user").path("id").asLong();
        assertEquals(200, ada.patch("/api/v1/me", Map.of("phone", "+86 139 0000 1111", "birthday", "1990-05-04")).status());
        assertEquals(200, ada.raw("PUT", "/api/v1/me/avatar", "image/png", png()).status());
        credit(id, 30);
        assertEquals(201, admin.post("/api/v1/admin/purchases", Map.of("userId", id, "externalOrderId", "exp-1",
                "amount", 1990, "currency", "CNY")).status());

        JsonNode doc = ada.get("/api/v1/me/export").json();
        assertEquals("kindred-export/1", doc.path("format").asText());
        assertEquals("ada@privacy.test", doc.path("profile").path("email").asText());
        assertEquals("1990-05-04", doc.path("profile").path("birthday").asText());
        assertEquals(30, doc.path("ledger").path("entries").get(doc.path("ledger").path("entries").size() - 1).path("amount").asLong());
        assertEquals("exp-1", doc.path("purchases").get(0).path("externalOrderId").asText());
        assertEquals("api", doc.path("consents").get(0).path("source").asText());
        assertEquals(doc.path("profile"), admin.get("/api/v1/admin/users/" + id + "/export").json().path("profile"));

        Http.Response zip = ada.get("/api/v1/me/export?format=zip");
        assertEquals("application/zip", zip.headers().get("content-type"));
        List<String> names = zipNames(zip.bytes());
        assertTrue(names.contains("kindred-export.json"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("files/avatars/")), names.toString());
        assertEquals(400, ada.get("/api/v1/me/export?format=xml").status());
    }

    @Test
    void deletingTheAccountErasesThePersonFromTheFileAndKeepsTheBooks() throws Exception {
        Http zoe = platform.member("zq7x.zoe@privacy.test", "Zq7x Zoe");
        long id = zoe.get("/api/v1/me").json().path("user").path("id").asLong();
        assertEquals(200, zoe.patch("/api/v1/me", Map.of("phone", "+86 137 7777 3210", "birthday", "1987-06-05",
                "shippingAddress", Map.of("name", "Zq7x Recipient", "phone", "13777773210", "line1", "Zq7x Road 9",
                        "city", "Hangzhou", "country", "CN"))).status());
        assertEquals(200, zoe.raw("PUT", "/api/v1/me/avatar", "image/png", png()).status());
        String avatar = zoe.get("/api/v1/me").json().path("user").path("avatar").asText();
        credit(id, 40);
        assertEquals(201, admin.post("/api/v1/admin/purchases", Map.of("userId", id, "externalOrderId", "del-1",
                "amount", 990, "currency", "CNY", "email", "zq7x.zoe@privacy.test")).status());

        assertEquals("invalid_credentials", zoe.send("DELETE", "/api/v1/me", Map.of("password", "wrong-password"), Map.of()).errorCode());
        Http.Response deleted = zoe.send("DELETE", "/api/v1/me", Map.of("password", PASSWORD), Map.of());
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals(401, zoe.get("/api/v1/me").status());
        assertEquals(401, platform.http().post("/api/v1/auth/login", Map.of("email", "zq7x.zoe@privacy.test",
                "password", PASSWORD)).status());
        assertFalse(Files.exists(platform.dataDir().resolve(avatar.substring(1))), avatar);

        JsonNode after = admin.get("/api/v1/admin/users/" + id + "/export").json();
        assertEquals("erased", after.path("profile").path("status").asText());
        assertTrue(after.path("profile").path("email").isNull());
        assertEquals(40, balance(after));
        assertEquals(990, after.path("purchases").get(0).path("amount").asLong());
        assertTrue(admin.get("/api/v1/admin/ledger/check").json().path("ok").asBoolean());

        for (String personal : List.of("zq7x", "Zq7x", "7777 3210", "13777773210", "1987-06-05")) {
            assertFalse(databaseHolds(personal), "the database file still holds " + personal);
        }
        JsonNode again = admin.post("/api/v1/admin/users/" + id + "/erase", Map.of("reason", "asked twice")).json();
        assertTrue(again.path("erasure").path("repeated").asBoolean(), again.toString());
        assertTrue(admin.get("/api/v1/admin/audit?target=user:" + id).body().contains("member.erased"));
    }

    @Test
    void staffAreNotErasedAndAPurchasesKeyCannotErase() {
        long adminId = admin.get("/api/v1/me").json().path("user").path("id").asLong();
        Http.Response refused = admin.post("/api/v1/admin/users/" + adminId + "/erase", Map.of());
        assertEquals(409, refused.status());
        assertEquals("erase_refused", refused.errorCode());
        platform.member("keyed@privacy.test", "Keyed");
        long id = platform.kindred().users.byEmail("keyed@privacy.test").orElseThrow().id();
        Http key = platform.apiClient("privacy-purchases", io.kindred.api.web.Scope.PURCHASES_WRITE);
        assertEquals(403, key.post("/api/v1/admin/users/" + id + "/erase", Map.of()).status());
        assertEquals(403, key.get("/api/v1/admin/users/" + id + "/export").status());
        assertEquals(404, admin.post("/api/v1/admin/users/999999/erase", Map.of()).status());
    }

    private static void credit(long id, long points) {
        Http.Response r = admin.post("/api/v1/admin/ledger/adjustments", Map.of("userId", id, "asset", "points",
                "amount", points, "reason", "privacy test"), Map.of("Idempotency-Key", "privacy-" + id + "-" + points));
        assertEquals(201, r.status(), r.body());
    }

    private static long balance(JsonNode export) {
        for (JsonNode b : export.path("ledger").path("balances")) {
            if (b.path("asset").asText().equals("points")) {
                return b.path("balance").asLong();
            }
        }
        return -1;
    }

    /** @return whether the SQLite file or its write-ahead log holds the text, in UTF-8 */
    private static boolean databaseHolds(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        for (String name : List.of("kindred.db", "kindred.db-wal")) {
            Path file = platform.dataDir().resolve(name);
            if (Files.exists(file) && indexOf(Files.readAllBytes(file), needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static List<String> zipNames(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x2f6f5e);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
