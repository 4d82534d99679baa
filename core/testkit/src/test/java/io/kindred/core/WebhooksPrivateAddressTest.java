package io.kindred.core;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without {@code webhooks.allow-private}, a webhook cannot point into the server's own network (SSRF): loopback,
 * private, link-local (the cloud metadata address among them) and unspecified addresses are refused with a 400 that
 * says why. {@link WebhooksTest} runs with the setting on, to reach its receiver on 127.0.0.1.
 */
class WebhooksPrivateAddressTest {

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
    void aUrlToLoopbackIsRefusedWithAClearError() {
        Http.Response r = register("http://127.0.0.1:8080/hooks");

        assertEquals(400, r.status(), r.body());
        assertEquals("webhook_url_forbidden", r.errorCode());
        String message = r.json().at("/error/message").asText();
        assertTrue(message.contains("127.0.0.1") && message.contains("webhooks.allow-private"), message);
        assertTrue(admin.get("/api/v1/admin/webhooks").body().indexOf("127.0.0.1") < 0, "nothing was saved");
    }

    @Test
    void privateLinkLocalAndUnspecifiedAddressesAreRefusedToo() {
        for (String url : List.of("http://localhost/x", "http://10.1.2.3/x", "http://172.16.0.1/x", "https://192.168.1.1/x",
                "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/x", "http://[::1]/x", "http://[fd00::1]/x",
                "http://224.0.0.1/x")) {
            Http.Response r = register(url);
            assertEquals(400, r.status(), url + " " + r.body());
            assertEquals("webhook_url_forbidden", r.errorCode(), url);
        }
    }

    @Test
    void changingTheUrlOfAnEndpointIsCheckedToo() {
        // a public address (TEST-NET-3, written as an IP so that the test needs no DNS)
        Http.Response made = register("https://203.0.113.10/hooks/kindred");
        assertEquals(201, made.status(), made.body());
        long id = made.json().at("/webhook/id").asLong();

        Http.Response r = admin.patch("/api/v1/admin/webhooks/" + id, Map.of("url", "http://127.0.0.1/x"));

        assertEquals(400, r.status(), r.body());
        assertEquals("webhook_url_forbidden", r.errorCode());
        assertEquals("https://203.0.113.10/hooks/kindred", admin.get("/api/v1/admin/webhooks/" + id).json().at("/webhook/url").asText());
        assertEquals(204, admin.delete("/api/v1/admin/webhooks/" + id).status());
    }

    private static Http.Response register(String url) {
        return admin.post("/api/v1/admin/webhooks", Map.of("url", url, "events", List.of("purchase.recorded")));
    }
}
