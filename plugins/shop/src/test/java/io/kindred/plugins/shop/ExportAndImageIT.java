package io.kindred.plugins.shop;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.shop.Fixture.give;
import static io.kindred.plugins.shop.Fixture.item;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warehouse CSV export of the console queue, and the item picture upload of the console form. */
class ExportAndImageIT {

    /** A real 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Test
    void theOperatorExportsPendingRedemptionsForTheWarehouse() {
        try (TestPlatform p = Fixture.start()) {
            long doll = item(p, Map.of("name", "Doll \"big\", red", "stock", 5, "pricePoints", 10));
            Http alice = p.member("alice@kindred.test", "=cmd|' /C calc'!A0");
            give(p, alice, 500);
            assertEquals(201, Fixture.redeem(alice, doll, 2, "8 West Lake Rd, 杭州").status());
            assertEquals(201, Fixture.redeem(alice, doll, 1, "other").status());
            long second = alice.get("/api/v1/shop/redemptions/me").json().path("items").get(0).path("id").asLong();
            assertEquals(200, p.admin().post("/api/v1/admin/shop/redemptions/" + second + "/ship",
                    Map.of("carrier", "SF", "trackingNumber", "SF1")).status());

            Http admin = p.admin();
            assertTrue(admin.get("/console/shop/redemptions").body().contains("/console/shop/redemptions.csv"));
            Http.Response r = admin.get("/console/shop/redemptions.csv?status=pending");
            assertEquals(200, r.status(), r.body());
            assertTrue(r.headers().get("content-type").startsWith("text/csv"), r.headers().toString());
            assertTrue(r.headers().get("content-disposition").matches("attachment; filename=\"redemptions-pending-[0-9-]+\\.csv\""),
                    r.headers().get("content-disposition"));
            String body = r.body();
            assertTrue(body.startsWith("\uFEFF\"id\",\"created\",\"status\",\"item\",\"quantity\",\"points\",\"member\","
                    + "\"recipient\",\"phone\",\"address\",\"carrier\",\"tracking\"\r\n"), body);
            String[] lines = body.split("\r\n");
            assertEquals(2, lines.length, "the header and the one pending redemption: " + body);
            assertTrue(lines[1].contains("\"pending\",\"Doll \"\"big\"\", red\",\"2\",\"20\",\"'=cmd|' /C calc'!A0\""), lines[1]);
            assertTrue(lines[1].contains("\"8 West Lake Rd, 杭州\""), lines[1]);

            String all = admin.get("/console/shop/redemptions.csv").body();
            assertEquals(3, all.split("\r\n").length, all);
            assertTrue(all.contains("\"shipped\"") && all.contains("\"SF\",\"SF1\""), all);
            assertEquals(400, admin.get("/console/shop/redemptions.csv?status=nope").status());
            assertFalse(alice.get("/console/shop/redemptions.csv").status() == 200, "members cannot export");
        }
    }

    @Test
    void theItemFormStoresARealPictureAndRefusesAnythingElse() throws Exception {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            Http.Response created = upload(admin, "/console/shop/items/new", "/console/shop/items", "doll.png", PNG);
            assertEquals(303, created.status(), created.body());
            String location = created.headers().get("location");
            assertTrue(location.matches("/console/shop/items/\\d+\\?notice=shop.console.saved"), location);
            long id = Long.parseLong(location.replaceAll("\\D*(\\d+)\\?.*", "$1"));
            String url = admin.get("/api/v1/admin/shop/items/" + id).json().path("item").path("imageUrl").asText();
            assertTrue(url.matches("/uploads/shop/[A-Za-z0-9_-]+\\.png"), url);
            Http.Response served = admin.get(url);
            assertEquals(200, served.status());
            assertEquals("image/png", served.headers().get("content-type"));
            assertArrayEquals(PNG, Files.readAllBytes(p.kindred().config.uploadsDir().resolve(url.substring("/uploads/".length()))));

            Http.Response refused = upload(admin, "/console/shop/items/" + id, "/console/shop/items/" + id,
                    "evil.png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
            assertEquals(303, refused.status(), refused.body());
            assertEquals("/console/shop/items/" + id + "?notice=shop.console.image_refused", refused.headers().get("location"));
            String page = admin.get(refused.headers().get("location")).body();
            assertTrue(page.contains("only PNG, JPEG, GIF or WebP pictures"), page);
            assertEquals(url, admin.get("/api/v1/admin/shop/items/" + id).json().path("item").path("imageUrl").asText(),
                    "the refused file changed nothing");
        }
    }

    @Test
    void aPictureGivenByItsAddressOnAnotherHostIsFetchedAndStoredOrRefusedWithAReason() throws Exception {
        com.sun.net.httpserver.HttpServer cdn = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        cdn.createContext("/doll.png", x -> {
            x.sendResponseHeaders(200, PNG.length);
            x.getResponseBody().write(PNG);
            x.close();
        });
        cdn.createContext("/moved", x -> {
            x.getResponseHeaders().add("Location", "/doll.png");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        cdn.createContext("/notes.txt", x -> {
            byte[] text = "not a picture".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, text.length);
            x.getResponseBody().write(text);
            x.close();
        });
        cdn.start();
        String base = "http://127.0.0.1:" + cdn.getAddress().getPort();
        try (TestPlatform p = Fixture.start()) {
            Http.Response refused = p.admin().post("/api/v1/admin/shop/items", Map.of("name", "Doll", "pricePoints", 1,
                    "imageUrl", base + "/doll.png"));
            assertEquals(422, refused.status(), refused.body());
            assertEquals("image_unreachable", refused.errorCode());
            assertTrue(refused.body().contains("private network"), "by default a private host is never called: " + refused.body());
            assertEquals(0, p.admin().get("/api/v1/admin/shop/items").json().path("items").size(), "nothing was saved");
        }
        try (TestPlatform p = TestPlatform.builder().plugin(Fixture.JAR).setting("images.fetch-allow-private", "true").start()) {
            Http admin = p.admin();
            for (String path : List.of("/doll.png", "/moved")) {
                Http.Response made = admin.post("/api/v1/admin/shop/items", Map.of("name", "Doll", "pricePoints", 1,
                        "imageUrl", base + path));
                assertEquals(201, made.status(), made.body());
                String url = made.json().path("item").path("imageUrl").asText();
                assertTrue(url.matches("/uploads/shop/[A-Za-z0-9_-]+\\.png"), "stored here, served by the site: " + url);
                assertEquals(200, admin.get(url).status());
                assertArrayEquals(PNG, Files.readAllBytes(p.kindred().config.uploadsDir().resolve(url.substring("/uploads/".length()))));
            }
            Http.Response text = admin.post("/api/v1/admin/shop/items", Map.of("name", "Doll", "pricePoints", 1,
                    "imageUrl", base + "/notes.txt"));
            assertEquals(415, text.status(), text.body());
            Http.Response missing = admin.post("/api/v1/admin/shop/items", Map.of("name", "Doll", "pricePoints", 1,
                    "imageUrl", base + "/gone.png"));
            assertEquals(422, missing.status(), missing.body());
            assertTrue(missing.body().contains("answered 404"), missing.body());
            Http.Response notAnAddress = admin.post("/api/v1/admin/shop/items", Map.of("name", "Doll", "pricePoints", 1,
                    "imageUrl", "javascript:alert(1)"));
            assertEquals(400, notAnAddress.status(), notAnAddress.body());
        } finally {
            cdn.stop(0);
        }
    }

    /** Sends the item form as the browser would, multipart with the picture in {@code image}. */
    private static Http.Response upload(Http browser, String page, String action, String fileName, byte[] file) {
        String csrf = browser.form(page).field("_csrf");
        String boundary = "----kindred" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> fields = Map.of("_csrf", csrf, "name", "Pictured doll", "kind", "physical",
                "pricePoints", "30", "category", "general", "active", "on");
        fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        browser.header("X-Requested-With", null);
        try {
            return browser.raw("POST", action, "multipart/form-data; boundary=" + boundary, out.toByteArray());
        } finally {
            browser.header("X-Requested-With", "kindred");
        }
    }
}
