package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.core.sms.FakeSmsPlugin;
import io.kindred.testkit.Http;
import io.kindred.testkit.PluginJars;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code SmsSender} extension point: a plugin's sender delivers claim codes; a failing gateway is a 503. */
class SmsSenderTest {

    private static final Pattern CODE = Pattern.compile("your code is (\\d{6})");

    private static TestPlatform platform;
    private static Http admin;

    @BeforeAll
    static void start() throws Exception {
        platform = TestPlatform.builder()
                .plugin(PluginJars.build(Files.createTempDirectory("sms-fake"), "sms-fake", FakeSmsPlugin.class)).start();
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aPluginsSmsSenderDeliversTheClaimCodeInTheVisitorsLanguage() {
        long id = importPhone("+8613800139001");
        Http visitor = platform.http();
        assertEquals(202, visitor.post("/api/v1/auth/claim/phone", Map.of("phone", "+8613800139001")).status());
        JsonNode sent = last("+8613800139001");
        Matcher m = CODE.matcher(sent.path("text").asText());
        assertTrue(m.find(), sent.toString());

        Http.Response claimed = visitor.post("/api/v1/auth/claim/phone/confirm", Map.of("phone", "+8613800139001",
                "code", m.group(1), "password", "gateway-password-1"));
        assertEquals(200, claimed.status(), claimed.body());
        assertEquals(id, claimed.json().at("/user/id").asLong());

        importPhone("+8613800139002");
        platform.http().header("Accept-Language", "zh-CN").post("/api/v1/auth/claim/phone", Map.of("phone", "+8613800139002"));
        assertTrue(last("+8613800139002").path("text").asText().contains("验证码"), "in Chinese");
    }

    @Test
    void aFailingGatewayAnswers503SmsNotSent() {
        importPhone("+8613800139003");
        try {
            assertEquals(200, admin.post("/api/v1/sms-fake/fail", Map.of()).status());
            Http.Response r = platform.http().post("/api/v1/auth/claim/phone", Map.of("phone", "+8613800139003"));
            assertEquals(503, r.status(), r.body());
            assertEquals("sms_not_sent", r.errorCode());
        } finally {
            admin.post("/api/v1/sms-fake/recover", Map.of());
        }
    }

    private static long importPhone(String phone) {
        Http.Response r = admin.raw("POST", "/api/v1/admin/users/import", "text/csv", "phone,name\n" + phone + ",Gateway\n");
        assertEquals("imported", r.json().at("/report/rows/0/outcome").asText(), r.body());
        return r.json().at("/report/rows/0/userId").asLong();
    }

    private static JsonNode last(String phone) {
        JsonNode found = null;
        for (JsonNode m : admin.get("/api/v1/sms-fake/outbox").json().path("items")) {
            if (m.path("phone").asText().equals(phone)) {
                found = m;
            }
        }
        assertTrue(found != null, "the plugin's sender got a message for " + phone);
        return found;
    }
}
