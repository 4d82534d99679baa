package io.kindred.plugins.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.distribution.Fixture.assertActor;
import static io.kindred.plugins.distribution.Fixture.audit;
import static io.kindred.plugins.distribution.Fixture.code;
import static io.kindred.plugins.distribution.Fixture.me;
import static io.kindred.plugins.distribution.Fixture.member;
import static io.kindred.plugins.distribution.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Binding and its limits: never a third level, no self referral, no cycle, bound once, re-bound only by an operator
 * with a reason (audited, {@code referral.bound}); the invite QR code and poster; sign-ups from one address.
 */
class BindingIT {

    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = Fixture.platform(Fixture.clock()).setting("distribution.suspiciousSignupsPerIp", "3").start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aThirdLevelCannotBeConfiguredInTheSettingsNorInTheLevels() {
        Http.Response depth = admin.patch("/api/v1/admin/plugins/distribution/settings", Map.of("depth", "3"));
        assertEquals(400, depth.status(), depth.body());
        assertEquals("invalid_field", depth.errorCode());
        assertTrue(depth.body().contains("pyramid selling"), depth.body());
        assertEquals(2, admin.get("/api/v1/admin/distribution/levels").json().path("depth").asInt(), "unchanged");

        Http.Response levels = admin.put("/api/v1/admin/distribution/levels", Map.of("levels", List.of(Map.of("code", "gold",
                "name", "Gold", "minFans", 0, "minTeamSales", 0, "rates", List.of(1000, 300, 100)))));
        assertEquals(400, levels.status(), levels.body());
        assertEquals("too_many_levels", levels.errorCode());
        assertEquals(3, admin.get("/api/v1/admin/distribution/levels").json().path("levels").size(), "unchanged");
        assertEquals(200, admin.patch("/api/v1/admin/plugins/distribution/settings", Map.of("depth", "1")).status());
        assertEquals(200, admin.patch("/api/v1/admin/plugins/distribution/settings", Map.of("depth", "2")).status());
    }

    @Test
    void selfReferralAndCyclesAreRefusedWithClearErrors() {
        Http ann = member(p, "ann@kindred.test", "Ann", null);
        Http ben = member(p, "ben@kindred.test", "Ben", code(ann));
        Http cat = member(p, "cat@kindred.test", "Cat", code(ben));
        p.awaitEvents();
        Http.Response self = rebind(userId(ann), userId(ann), "test");
        assertEquals(409, self.status(), self.body());
        assertEquals("self_referral", self.errorCode());
        assertTrue(self.json().path("error").path("message").asText().contains("own referrer"));
        Http.Response cycle = rebind(userId(ann), userId(cat), "test");
        assertEquals(409, cycle.status(), cycle.body());
        assertEquals("referral_cycle", cycle.errorCode());
        assertTrue(cycle.json().path("error").path("message").asText().contains("cycle"));
        assertTrue(admin.get("/api/v1/admin/distribution/bindings/" + userId(ann)).json().path("binding").path("referrerId").isNull());
    }

    @Test
    void aMemberIsBoundOnceAndReBoundOnlyByAnOperatorWithAReasonKeptInTheAuditTrail() {
        Http dan = member(p, "dan@kindred.test", "Dan", null);
        Http eve = member(p, "eve@kindred.test", "Eve", null);
        Http fay = member(p, "fay@kindred.test", "Fay", code(dan));
        p.awaitEvents();
        assertEquals(userId(dan), admin.get("/api/v1/admin/distribution/bindings/" + userId(fay)).json()
                .path("binding").path("referrerId").asLong());
        assertEquals(1, me(dan).path("fans").path("direct").asInt());
        Http.Response noReason = admin.post("/api/v1/admin/distribution/bindings", Map.of("userId", userId(fay),
                "referrerId", userId(eve)));
        assertEquals(400, noReason.status());
        assertEquals("missing_field", noReason.errorCode());

        Http.Response moved = rebind(userId(fay), userId(eve), "Signed up at Eve's stand, wrong link");
        assertEquals(200, moved.status(), moved.body());
        JsonNode binding = moved.json().path("binding");
        assertEquals(userId(eve), binding.path("referrerId").asLong());
        assertEquals("Signed up at Eve's stand, wrong link", binding.path("rebinds").get(0).path("reason").asText());
        assertEquals(userId(dan), binding.path("rebinds").get(0).path("from").asLong());
        assertEquals(0, me(dan).path("fans").path("direct").asInt());
        assertEquals(1, me(eve).path("fans").path("direct").asInt());
        p.awaitEvents();
        String events = admin.get("/api/v1/admin/events?type=referral.bound").body();
        assertTrue(events.contains("\"source\":\"operator\"") && events.contains("\"source\":\"registration\""), events);
        assertTrue(eve.get("/api/v1/me/notifications").body().contains("distribution.fan_bound"));
    }

    @Test
    void aReBindIsInTheAuditLogWithItsOperatorAndReasonAndARefusedOneIsNot() {
        Http kim = member(p, "kim@kindred.test", "Kim", null);
        Http lou = member(p, "lou@kindred.test", "Lou", null);
        Http max = member(p, "max@kindred.test", "Max", code(kim));
        p.awaitEvents();
        String target = "user:" + userId(max);
        assertEquals(409, rebind(userId(max), userId(max), "to himself").status());
        assertEquals(List.of(), audit(admin, target), "a refused re-bind leaves no entry");

        assertEquals(200, rebind(userId(max), userId(lou), "Lou brought him to the shop").status());
        assertEquals(200, rebind(userId(max), userId(lou), "again").status(), "the same referrer changes nothing");
        List<JsonNode> entries = audit(admin, target);
        assertEquals(1, entries.size(), entries.toString());
        JsonNode entry = entries.get(0);
        assertEquals("distribution.member_rebound", entry.path("action").asText());
        assertActor(admin, entry);
        String detail = entry.path("detail").asText();
        assertTrue(detail.contains("Kim (#" + userId(kim) + ")") && detail.contains("Lou (#" + userId(lou) + ")")
                && detail.contains("Lou brought him to the shop"), detail);
        assertEquals(1, admin.get("/api/v1/admin/distribution/bindings/" + userId(max)).json().path("binding")
                .path("rebinds").size(), "the plugin's own re-bind trail is kept too");
    }

    @Test
    void theInviteQrCodeReadsAsTheInviteLinkAndThePosterIsAPng() throws Exception {
        Http gus = member(p, "gus@kindred.test", "Gus", null);
        String link = me(gus).path("link").asText();
        assertTrue(link.endsWith("/signup?ref=" + code(gus)), link);
        Http.Response qr = gus.get("/invite/qr.png");
        assertEquals(200, qr.status());
        assertTrue(qr.headers().getOrDefault("content-type", qr.headers().getOrDefault("Content-Type", "")).startsWith("image/png"),
                qr.headers().toString());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(qr.bytes()));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)))).getText();
        assertEquals(link, decoded);

        Http.Response poster = gus.get("/invite/poster.png");
        assertEquals(200, poster.status());
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(poster.bytes()));
        assertEquals(750, drawn.getWidth());
        assertEquals(1334, drawn.getHeight());
    }

    @Test
    void manySignUpsFromOneAddressAreListedAsSuspicious() {
        Http host = member(p, "host@kindred.test", "Host", null);
        for (int i = 0; i < 3; i++) {
            member(p, "farm" + i + "@kindred.test", "Farm " + i, code(host));
        }
        p.awaitEvents();
        JsonNode s = admin.get("/api/v1/admin/distribution/suspicious").json();
        assertTrue(s.path("signupsByIp").size() >= 1, s.toString());
        assertTrue(s.path("signupsByIp").get(0).path("signups").asInt() >= 4, s.toString());
        assertTrue(admin.get("/console/distribution/suspicious").body().contains("127.0.0.1"));
    }

    private static Http.Response rebind(long userId, long referrerId, String reason) {
        return admin.post("/api/v1/admin/distribution/bindings", Map.of("userId", userId, "referrerId", referrerId,
                "reason", reason));
    }

    @Test
    void badInputIsAFourHundredWithTheErrorShapeNeverAFiveHundred() {
        Http joe = member(p, "joe@kindred.test", "Joe", null);
        List<Http.Response> answers = List.of(
                joe.post("/api/v1/distribution/withdrawals", Map.of("amount", 1.5, "method", "bank", "account", "1234")),
                joe.post("/api/v1/distribution/withdrawals", Map.of("amount", -5, "method", "bank", "account", "1234")),
                joe.post("/api/v1/distribution/withdrawals", Map.of("amount", 2000, "method", "bank", "account", "<script>")),
                joe.raw("POST", "/api/v1/distribution/withdrawals", "application/json", "{not json"),
                joe.post("/api/v1/distribution/applications", Map.of("message", 7)),
                joe.get("/api/v1/distribution/fans?cursor=abc"),
                joe.get("/api/v1/distribution/commissions?status=gone"),
                joe.get("/api/v1/distribution/commissions?limit=0"),
                admin.get("/api/v1/admin/distribution/commissions?userId=x"),
                admin.get("/api/v1/admin/distribution/withdrawals?status=lost"),
                admin.put("/api/v1/admin/distribution/levels", Map.of("levels", List.of())),
                admin.put("/api/v1/admin/distribution/levels", Map.of("levels", List.of(Map.of("code", "Bad Code", "name", "X",
                        "minFans", 0, "minTeamSales", 0, "rates", List.of(100))))),
                admin.post("/api/v1/admin/distribution/bindings", Map.of("userId", "one", "referrerId", 2, "reason", "x")),
                admin.post("/api/v1/admin/distribution/withdrawals/99999/pay", Map.of("reference", "")),
                admin.get("/api/v1/admin/distribution/suspicious?days=0"));
        for (Http.Response r : answers) {
            assertTrue(r.status() >= 400 && r.status() < 500, r.status() + " " + r.body());
            assertTrue(r.json() != null && !r.json().path("error").path("code").asText().isEmpty()
                    && !r.json().path("error").path("message").asText().isEmpty(), r.body());
        }
        assertEquals(404, admin.post("/api/v1/admin/distribution/withdrawals/99999/approve", Map.of()).status());
        assertEquals(404, admin.post("/api/v1/admin/distribution/distributors", Map.of("userId", 99999)).status());
        assertEquals(401, p.http().get("/api/v1/distribution/me").status());
        assertEquals(403, joe.get("/api/v1/admin/distribution/levels").status());
    }
}
