package io.kindred.core.security;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holes 5 and 6 of issue 20: bodies that are not UTF-8 were stored with U+FFFD in place of each bad byte, a lone
 * surrogate escape was stored as '?', and Jetty's own 400 for a path that is not UTF-8 came empty and without the
 * security headers for PUT, PATCH and DELETE.
 */
class StrictBodiesTest {

    static TestPlatform platform;
    static Http member;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
        member = platform.member("kx@bodies.test", "Kx");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static byte[] withBadBytes(String before, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xff;
        all[head.length + 1] = (byte) 0xfe;
        System.arraycopy(tail, 0, all, head.length + 2, tail.length);
        return all;
    }

    @Test
    void aProfileChangeWithBytesThatAreNotUtf8IsRefusedAndNothingChanges() {
        Http.Response r = member.raw("PATCH", "/api/v1/me", "application/json", withBadBytes("{\"displayName\":\"kx", "kx\"}"));
        assertEquals(400, r.status(), r.body());
        assertEquals("invalid_json", r.errorCode());
        assertEquals("Kx", member.get("/api/v1/me").json().path("user").path("displayName").asText());
    }

    @Test
    void aSignUpWithBytesThatAreNotUtf8IsRefused() {
        Http.Response r = platform.http().raw("POST", "/api/v1/auth/register", "application/json",
                withBadBytes("{\"email\":\"bad@bodies.test\",\"password\":\"member-password-1\",\"displayName\":\"a", "b\"}"));
        assertEquals(400, r.status(), r.body());
        assertEquals("invalid_json", r.errorCode());
        assertTrue(platform.kindred().users.byEmail("bad@bodies.test").isEmpty(), "nobody was registered");
    }

    @Test
    void aLoneSurrogateEscapeIsRefusedAndAPairIsKept() {
        Http.Response lone = member.raw("PATCH", "/api/v1/me", "application/json", "{\"displayName\":\"a\\ud800\"}");
        assertEquals(400, lone.status(), lone.body());
        assertEquals("invalid_json", lone.errorCode());
        Http.Response pair = member.raw("PATCH", "/api/v1/me", "application/json", "{\"displayName\":\"a\\ud83d\\ude00\"}");
        assertEquals(200, pair.status(), pair.body());
        assertEquals("a\uD83D\uDE00", pair.json().path("user").path("displayName").asText());
        member.patch("/api/v1/me", Map.of("displayName", "Kx"));
    }

    @Test
    void aBlankRequiredTextFieldIsMissing() {
        Http.Response r = platform.http().post("/api/v1/auth/login", Map.of("email", "   ", "password", "x"));
        assertEquals(400, r.status());
        assertEquals("missing_field", r.errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE", "GET", "POST"})
    void aPathThatIsNotUtf8GetsTheJsonErrorWithTheSecurityHeaders(String method) {
        RawRequest r = RawRequest.send(platform.kindred().port(), method, "/api/v1/me/%ff%fe",
                Map.of("Host", "127.0.0.1", "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.status());
        assertTrue(r.headers().getOrDefault("content-type", "").startsWith("application/json"), r.headers().toString());
        assertTrue(r.body().contains("\"code\":\"bad_request\""), r.body());
        assertEquals("nosniff", r.headers().get("x-content-type-options"));
        assertEquals("DENY", r.headers().get("x-frame-options"));
        assertTrue(r.headers().getOrDefault("content-security-policy", "").contains("default-src 'self'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void aRawByteThatIsNotUtf8InThePathGetsTheJsonError(String method) {
        RawRequest r = RawRequest.send(platform.kindred().port(), method, "/api/v1/me/\u00ff?q=\u00fe",
                Map.of("Host", "127.0.0.1"), new byte[0]);
        assertEquals(400, r.status());
        assertTrue(r.body().contains("\"error\""), r.body());
        assertEquals("nosniff", r.headers().get("x-content-type-options"));
    }
}
