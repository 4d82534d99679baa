package io.kindred.core;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every core endpoint fed what a careless or hostile client sends: malformed JSON, wrong types, missing
 * fields, bodies over the limit, unknown paths, wrong methods, bad cursors and limits. The answer is
 * always a 4xx with {@code {"error":{"code","message"}}}, never a 5xx and never an HTML page on the API.
 * One platform serves the whole table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    /** Who calls: nobody, a signed-in member, the administrator (session) or an API key. */
    enum Caller { ANONYMOUS, MEMBER, ADMIN, API_KEY }

    /** One request and what it must get: an exact status and code, or (status 0) any 4xx. */
    record Case(Caller caller, String method, String path, String contentType, String body, int status, String code) {
        @Override
        public String toString() {
            String b = body == null ? "" : " " + (body.length() > 60 ? body.substring(0, 60) + "…(" + body.length() + ")" : body);
            return caller + " " + method + " " + path + b;
        }
    }

    private static final int ANY_4XX = 0;
    private static final String JSON = "application/json";
    private static final String OVER_ONE_MB = "{\"padding\":\"" + "x".repeat(1_048_576) + "\"}";

    private TestPlatform platform;
    private Http anonymous;
    private Http member;
    private Http admin;
    private Http apiKey;
    private long memberId;

    @BeforeAll
    void start() {
        platform = TestPlatform.builder().start();
        anonymous = platform.http();
        member = platform.member("member@bad-input.test", "Member");
        memberId = member.get("/api/v1/me").json().at("/user/id").asLong();
        admin = platform.admin();
        apiKey = platform.apiClient("shop");
        apiKeySecret = platform.kindred().apiKeys.create("raw-client").secret();
        memberCookie = signInCookie("member@bad-input.test", "member-password-1");
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    /** Core endpoints that read a JSON body, with the caller allowed to use them and a well-formed body. */
    private List<Case> jsonEndpoints() {
        long u = 1; // the administrator; exists on every platform
        return List.of(
                new Case(Caller.ANONYMOUS, "POST", "/api/v1/auth/register", JSON,
                        "{\"email\":\"x@bad-input.test\",\"password\":\"long-enough-1\",\"displayName\":\"X\"}", 0, null),
                new Case(Caller.ANONYMOUS, "POST", "/api/v1/auth/login", JSON,
                        "{\"email\":\"x@bad-input.test\",\"password\":\"long-enough-1\"}", 0, null),
                new Case(Caller.ANONYMOUS, "POST", "/api/v1/setup", JSON,
                        "{\"token\":\"T\",\"email\":\"x@bad-input.test\",\"password\":\"long-enough-1\"}", 0, null),
                new Case(Caller.MEMBER, "PATCH", "/api/v1/me", JSON, "{\"displayName\":\"M\"}", 0, null),
                new Case(Caller.MEMBER, "POST", "/api/v1/me/password", JSON,
                        "{\"currentPassword\":\"wrong-password\",\"newPassword\":\"long-enough-1\"}", 0, null),
                new Case(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", JSON,
                        "{\"userId\":" + u + ",\"asset\":\"points\",\"amount\":5,\"reason\":\"r\"}", 0, null),
                new Case(Caller.API_KEY, "POST", "/api/v1/admin/purchases", JSON,
                        "{\"userId\":" + u + ",\"externalOrderId\":\"O\",\"amount\":5,\"currency\":\"CNY\"}", 0, null),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/users/" + u + "/labels", JSON, "{\"label\":\"l\"}", 0, null),
                new Case(Caller.ADMIN, "PUT", "/api/v1/admin/users/" + u + "/roles", JSON, "{\"roles\":[\"admin\"]}", 0, null),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/users/" + u + "/external-ids", JSON,
                        "{\"system\":\"shop\",\"externalId\":\"E\"}", 0, null),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/apikeys", JSON, "{\"name\":\"n\"}", 0, null));
    }

    /** Every core route that changes something, for the body-size check. */
    private List<Case> writeEndpoints() {
        List<Case> all = new ArrayList<>(jsonEndpoints());
        all.addAll(List.of(
                new Case(Caller.ANONYMOUS, "POST", "/api/v1/auth/logout", JSON, null, 0, null),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/users/import", "text/csv", null, 0, null),
                new Case(Caller.ADMIN, "DELETE", "/api/v1/admin/users/1/labels/l", JSON, null, 0, null),
                new Case(Caller.API_KEY, "POST", "/api/v1/admin/purchases/O/refund", JSON, null, 0, null),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/apikeys/n/revoke", JSON, null, 0, null),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/plugins/none/enable", JSON, null, 0, null),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/plugins/none/disable", JSON, null, 0, null),
                new Case(Caller.ADMIN, "DELETE", "/api/v1/admin/plugins/none", JSON, null, 0, null),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/jobs/none/nothing/run", JSON, null, 0, null),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/events/dead-letters/1/retry", JSON, null, 0, null),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/events/subscribers/none/replay", JSON, null, 0, null),
                new Case(Caller.ANONYMOUS, "POST", "/api/v1/nothing-here", JSON, null, 0, null)));
        return all;
    }

    Stream<Case> malformedBodies() {
        List<String> bodies = List.of("", "{", "{\"email\":", "not json", "[1,2]", "\"text\"", "42", "null", "true",
                "{\"a\":1}}", "{'single':'quotes'}", "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":\"\\uZZZZ\"}");
        return jsonEndpoints().stream().flatMap(e -> bodies.stream().map(b ->
                new Case(e.caller(), e.method(), e.path(), JSON, b, 400, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedJsonAnswers400WithTheErrorShape(Case c) {
        expect(c, send(c));
    }

    Stream<Case> wrongTypesAndMissingFields() {
        String u = "1";
        return Stream.of(
                // register
                c(Caller.ANONYMOUS, "POST", "/api/v1/auth/register", "{}", 400, "missing_field"),
                c(Caller.ANONYMOUS, "POST", "/api/v1/auth/register", "{\"email\":[\"a@b.cc\"],\"password\":\"long-enough-1\",\"displayName\":\"X\"}", 400, "invalid_field"),
                c(Caller.ANONYMOUS, "POST", "/api/v1/auth/register", "{\"email\":\"a@b.cc\",\"password\":{},\"displayName\":\"X\"}", 400, "invalid_field"),
                c(Caller.ANONYMOUS, "POST", "/api/v1/auth/register", "{\"email\":\"a@b.cc\",\"password\":\"long-enough-1\"}", 400, "missing_field"),
                c(Caller.ANONYMOUS, "POST", "/api/v1/auth/register", "{\"email\":\"not-an-email\",\"password\":\"long-enough-1\",\"displayName\":\"X\"}", 400, "invalid_field"),
                c(Caller.ANONYMOUS, "POST", "/api/v1/auth/register", "{\"email\":\"a@b.cc\",\"password\":\"short\",\"displayName\":\"X\"}", 400, "invalid_field"),
                c(Caller.ANONYMOUS, "POST", "/api/v1/auth/register", "{\"email\":\"a@b.cc\",\"password\":\"" + "p".repeat(10_000) + "\",\"displayName\":\"X\"}", 400, "invalid_field"),
                c(Caller.ANONYMOUS, "POST", "/api/v1/auth/register", "{\"email\":\"a@b.cc\",\"password\":\"long-enough-1\",\"displayName\":\"" + "名".repeat(51) + "\"}", 400, "invalid_field"),
                c(Caller.ANONYMOUS, "POST", "/api/v1/auth/register", "{\"email\":\"a@b.cc\",\"password\":\"long-enough-1\",\"displayName\":\"X\",\"referralCode\":{}}", 400, "invalid_field"),
                // login
                c(Caller.ANONYMOUS, "POST", "/api/v1/auth/login", "{}", 400, "missing_field"),
                c(Caller.ANONYMOUS, "POST", "/api/v1/auth/login", "{\"email\":\"a@b.cc\"}", 400, "missing_field"),
                c(Caller.ANONYMOUS, "POST", "/api/v1/auth/login", "{\"email\":{},\"password\":\"x\"}", 400, "invalid_field"),
                c(Caller.ANONYMOUS, "POST", "/api/v1/auth/login", "{\"email\":\"a@b.cc\",\"password\":[1]}", 400, "invalid_field"),
                // setup, once an administrator exists
                c(Caller.ANONYMOUS, "POST", "/api/v1/setup", "{\"token\":\"guess\"}", 409, "setup_done"),
                // profile
                c(Caller.MEMBER, "PATCH", "/api/v1/me", "{\"displayName\":{}}", 400, "invalid_field"),
                c(Caller.MEMBER, "DELETE", "/api/v1/me", "{}", 400, "missing_field"),
                c(Caller.MEMBER, "POST", "/api/v1/me/consents", "{\"terms\":\"one\"}", 400, "invalid_field"),
                c(Caller.MEMBER, "PATCH", "/api/v1/me", "{\"displayName\":\"   \"}", 400, "missing_field"),
                c(Caller.MEMBER, "PATCH", "/api/v1/me", "{\"birthday\":\"1990-02-30\"}", 400, "invalid_field"),
                c(Caller.MEMBER, "PATCH", "/api/v1/me", "{\"birthday\":[1990,5,17]}", 400, "invalid_field"),
                c(Caller.MEMBER, "PATCH", "/api/v1/me", "{\"phone\":\"call me\"}", 400, "invalid_field"),
                c(Caller.MEMBER, "PATCH", "/api/v1/me", "{\"avatar\":\"https://elsewhere.example/a.png\"}", 400, "avatar_not_yours"),
                c(Caller.MEMBER, "PATCH", "/api/v1/me", "{\"locale\":\"<script>\"}", 400, "invalid_field"),
                c(Caller.MEMBER, "PATCH", "/api/v1/me", "{\"shippingAddress\":\"Main St\"}", 400, "invalid_field"),
                c(Caller.MEMBER, "PATCH", "/api/v1/me", "{\"shippingAddress\":{\"planet\":\"Mars\"}}", 400, "invalid_field"),
                c(Caller.MEMBER, "PATCH", "/api/v1/me", "{\"shippingAddress\":{\"city\":5}}", 400, "invalid_field"),
                // password
                c(Caller.MEMBER, "POST", "/api/v1/me/password", "{}", 400, "missing_field"),
                c(Caller.MEMBER, "POST", "/api/v1/me/password", "{\"currentPassword\":\"member-password-1\"}", 400, "missing_field"),
                c(Caller.MEMBER, "POST", "/api/v1/me/password", "{\"currentPassword\":\"member-password-1\",\"newPassword\":[]}", 400, "invalid_field"),
                c(Caller.MEMBER, "POST", "/api/v1/me/password", "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"long-enough-1\"}", 401, "invalid_credentials"),
                // adjustments
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", "{}", 400, "missing_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment("\"abc\"", "\"points\"", "5", "\"r\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment(u, "\"points\"", "\"ten\"", "\"r\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment(u, "\"points\"", "1.5", "\"r\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment(u, "\"points\"", "true", "\"r\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment(u, "\"points\"", "1e999", "\"r\""), 400, null),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment(u, "\"points\"", "0", "\"r\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment(u, "\"points\"", String.valueOf(Long.MIN_VALUE), "\"r\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment(u, "\"points\"", String.valueOf(Long.MAX_VALUE), "\"r\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment(u, "\"points\"", "99999999999999999999", "\"r\""), 400, null),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment(u, "{}", "5", "\"r\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment(u, "\"gold\"", "5", "\"r\""), 400, "unknown_asset"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment(u, "\"points\"", "5", "[\"r\"]"), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment(u, "\"points\"", "5", "\"" + "r".repeat(201) + "\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment("987654321", "\"points\"", "5", "\"r\""), 404, "user_not_found"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/ledger/adjustments", adjustment(u, "\"points\"", "-5", "\"r\""), 409, "insufficient_points"),
                // purchases
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", "{}", 400, "missing_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", purchase(u, "\"O-1\"", "\"12\"", "\"CNY\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", purchase("\"me\"", "\"O-2\"", "1", "\"CNY\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", purchase(u, "{}", "1", "\"CNY\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", purchase(u, "\"a/b\"", "1", "\"CNY\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", purchase(u, "\"" + "o".repeat(101) + "\"", "1", "\"CNY\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", purchase(u, "\"O-3\"", "-1", "\"CNY\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", purchase(u, "\"O-3\"", String.valueOf(Long.MAX_VALUE), "\"CNY\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", purchase(u, "\"O-3\"", "9.99", "\"CNY\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", purchase(u, "\"O-3\"", "1", "\"yuan\""), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", purchase(u, "\"O-3\"", "1", "7"), 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", "{\"externalOrderId\":\"O-3\",\"amount\":1,\"currency\":\"CNY\"}", 400, "missing_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", "{\"email\":[],\"externalOrderId\":\"O-3\",\"amount\":1,\"currency\":\"CNY\"}", 400, "invalid_field"),
                c(Caller.API_KEY, "POST", "/api/v1/admin/purchases", "{\"userId\":1,\"externalOrderId\":\"O-3\",\"amount\":1,\"currency\":\"CNY\",\"sku\":{}}", 400, "invalid_field"),
                // member administration
                c(Caller.ADMIN, "POST", "/api/v1/admin/users/1/labels", "{}", 400, "invalid_field"),
                c(Caller.ADMIN, "POST", "/api/v1/admin/users/1/labels", "{\"label\":[\"vip\"]}", 400, "invalid_field"),
                c(Caller.ADMIN, "POST", "/api/v1/admin/users/1/labels", "{\"label\":\"" + "l".repeat(41) + "\"}", 400, "invalid_field"),
                c(Caller.ADMIN, "PUT", "/api/v1/admin/users/1/roles", "{}", 400, "missing_field"),
                c(Caller.ADMIN, "PUT", "/api/v1/admin/users/1/roles", "{\"roles\":\"admin\"}", 400, "invalid_field"),
                c(Caller.ADMIN, "PUT", "/api/v1/admin/users/1/roles", "{\"roles\":[\"emperor\"]}", 400, "invalid_field"),
                c(Caller.ADMIN, "PUT", "/api/v1/admin/users/1/roles", "{\"roles\":[null]}", 400, "invalid_field"),
                c(Caller.ADMIN, "PUT", "/api/v1/admin/users/1/roles", "{\"roles\":[]}", 409, "last_admin"),
                c(Caller.ADMIN, "POST", "/api/v1/admin/users/1/external-ids", "{}", 400, "invalid_field"),
                c(Caller.ADMIN, "POST", "/api/v1/admin/users/1/external-ids", "{\"system\":\"Bad System\",\"externalId\":\"E\"}", 400, "invalid_field"),
                c(Caller.ADMIN, "POST", "/api/v1/admin/users/1/external-ids", "{\"system\":\"shop\",\"externalId\":{}}", 400, "invalid_field"),
                c(Caller.ADMIN, "POST", "/api/v1/admin/apikeys", "{}", 400, "invalid_field"),
                c(Caller.ADMIN, "POST", "/api/v1/admin/apikeys", "{\"name\":\"has spaces\"}", 400, "invalid_field"),
                c(Caller.ADMIN, "POST", "/api/v1/admin/apikeys", "{\"name\":{}}", 400, "invalid_field"),
                c(Caller.ADMIN, "POST", "/api/v1/admin/apikeys", "{\"name\":\"shop\"}", 409, "name_taken"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypesAndMissingFields")
    void wrongTypesAndMissingFieldsAnswerWithTheirCode(Case c) {
        expect(c, send(c));
    }

    Stream<Case> csvImports() {
        return Stream.of(
                csv("", 400, "invalid_csv"),
                csv("name\nNo Email", 400, "invalid_csv"),
                csv("email,favourite_colour\na@b.cc,blue", 400, "invalid_csv"),
                csv("email\n\"never closed", 400, "invalid_csv"),
                csv("{\"email\":\"a@b.cc\"}", 400, "invalid_csv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csvImports")
    void unreadableCsvImportsAnswer400(Case c) {
        expect(c, send(c));
    }

    Stream<Case> oversizedBodies() {
        return writeEndpoints().stream().map(e -> new Case(e.caller(), e.method(), e.path(), e.contentType(), OVER_ONE_MB,
                413, "body_too_large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedBodies")
    void bodiesOverOneMegabyteAnswer413(Case c) throws IOException {
        expect(c, sendOversized(c, false));
    }

    Stream<Case> oversizedChunkedBodies() {
        return jsonEndpoints().stream().map(e -> new Case(e.caller(), e.method(), e.path(), e.contentType(), OVER_ONE_MB,
                413, "body_too_large"));
    }

    @ParameterizedTest(name = "chunked: {0}")
    @MethodSource("oversizedChunkedBodies")
    void chunkedBodiesOverOneMegabyteAnswer413(Case c) throws IOException {
        expect(c, sendOversized(c, true));
    }

    /**
     * Sends an oversized request on a socket of its own. With a Content-Length only the headers go out: the
     * declared length alone must be refused. Chunked, one chunk over the limit goes out without the final
     * chunk: the server must stop reading at the limit. Either way nothing unread is left in the server's
     * buffer when it answers and closes, so the answer cannot be lost to a connection reset.
     */
    private Http.Response sendOversized(Case c, boolean chunked) throws IOException {
        byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(c.method() + " " + c.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\nX-Requested-With: kindred\r\nContent-Type: " + c.contentType() + "\r\n");
        switch (c.caller()) {
            case MEMBER -> head.append("Cookie: ").append(memberCookie).append("\r\n");
            case ADMIN, API_KEY -> head.append("Authorization: Bearer ").append(apiKeySecret).append("\r\n");
            default -> { }
        }
        head.append(chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: " + body.length + "\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", platform.kindred().port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (chunked) {
                out.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
            return parseRaw(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Reads a raw HTTP/1.1 response (Content-Length or chunked body). */
    private static Http.Response parseRaw(String raw) {
        int split = raw.indexOf("\r\n\r\n");
        assertTrue(split > 0, "a complete HTTP response: " + raw);
        String headers = raw.substring(0, split).toLowerCase();
        String body = raw.substring(split + 4);
        if (headers.contains("transfer-encoding: chunked")) {
            StringBuilder decoded = new StringBuilder();
            int at = 0;
            while (true) {
                int eol = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, eol).trim(), 16);
                if (size == 0) {
                    break;
                }
                decoded.append(body, eol + 2, eol + 2 + size);
                at = eol + 2 + size + 2;
            }
            body = decoded.toString();
        }
        com.fasterxml.jackson.databind.JsonNode json = null;
        if (headers.contains("content-type: application/json")) {
            try {
                json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            } catch (IOException e) {
                fail("unreadable JSON: " + body);
            }
        }
        return new Http.Response(Integer.parseInt(raw.substring(9, 12)), json, body, Map.of());
    }

    Stream<Case> unknownPaths() {
        return Stream.of(
                new Case(Caller.ANONYMOUS, "GET", "/api/v1/nothing-here", null, null, 404, "not_found"),
                new Case(Caller.ANONYMOUS, "GET", "/api/v2/me", null, null, 404, "not_found"),
                new Case(Caller.MEMBER, "GET", "/api/v1/me/nothing-here", null, null, 404, "not_found"),
                new Case(Caller.MEMBER, "POST", "/api/v1/me/nothing-here", JSON, "{}", 404, "not_found"),
                new Case(Caller.ADMIN, "GET", "/api/v1/admin/nothing-here", null, null, 404, "not_found"),
                new Case(Caller.ADMIN, "DELETE", "/api/v1/admin/users/1/nothing", null, null, 404, "not_found"),
                new Case(Caller.API_KEY, "PUT", "/api/v1/admin/ledger/nothing", JSON, "{}", 404, "not_found"),
                new Case(Caller.ADMIN, "GET", "/api/v1/admin/users/abc", null, null, 404, "user_not_found"),
                new Case(Caller.ADMIN, "GET", "/api/v1/admin/users/0", null, null, 404, "user_not_found"),
                new Case(Caller.ADMIN, "GET", "/api/v1/admin/users/-3", null, null, 404, "user_not_found"),
                new Case(Caller.ADMIN, "GET", "/api/v1/admin/users/99999999999999999999", null, null, 404, "user_not_found"),
                new Case(Caller.ADMIN, "GET", "/api/v1/admin/users/987654321/balances", null, null, 404, "user_not_found"),
                new Case(Caller.ADMIN, "GET", "/api/v1/admin/users/x/ledger", null, null, 404, "user_not_found"),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/users/987654321/labels", JSON, "{\"label\":\"l\"}", 404, "user_not_found"),
                new Case(Caller.ADMIN, "DELETE", "/api/v1/admin/users/x/labels/l", null, null, 404, "user_not_found"),
                new Case(Caller.ADMIN, "PUT", "/api/v1/admin/users/987654321/roles", JSON, "{\"roles\":[]}", 404, "user_not_found"),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/users/987654321/external-ids", JSON, "{\"system\":\"s\",\"externalId\":\"e\"}", 404, "user_not_found"),
                new Case(Caller.API_KEY, "POST", "/api/v1/admin/purchases/NO-SUCH/refund", null, null, 404, "purchase_not_found"),
                new Case(Caller.API_KEY, "POST", "/api/v1/admin/purchases//refund", null, null, 404, "not_found"),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/apikeys/no-such-key/revoke", null, null, 404, "not_found"),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/plugins/no-such-plugin/enable", null, null, 404, "not_found"),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/plugins/no-such-plugin/disable", null, null, 404, "not_found"),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/events/dead-letters/abc/retry", null, null, 404, "not_found"),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/events/dead-letters/987654321/retry", null, null, 404, "not_found"),
                new Case(Caller.ADMIN, "POST", "/api/v1/admin/events/subscribers/no-such/replay", null, null, 404, "not_found"),
                new Case(Caller.ANONYMOUS, "GET", "/assets/no-such-file.css", null, null, 404, "not_found"),
                new Case(Caller.ANONYMOUS, "GET", "/assets/..%2F..%2Fkindred.properties", null, null, ANY_4XX, null),
                new Case(Caller.ANONYMOUS, "GET", "/no-such-page", null, null, 404, "not_found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownPaths")
    void unknownPathsAndIdsAnswer404(Case c) {
        expect(c, send(c));
    }

    Stream<Case> wrongMethods() {
        return Stream.of(
                m("GET", "/api/v1/auth/register"), m("GET", "/api/v1/auth/login"), m("PUT", "/api/v1/auth/logout"),
                m("POST", "/healthz"), m("DELETE", "/api/v1/me/consents"), m("PUT", "/api/v1/me"), m("GET", "/api/v1/me/password"),
                m("POST", "/api/v1/me/balances"), m("DELETE", "/api/v1/me/ledger"),
                m("GET", "/api/v1/admin/ledger/adjustments"), m("POST", "/api/v1/admin/ledger/check"),
                m("GET", "/api/v1/admin/purchases"), m("PUT", "/api/v1/admin/purchases"),
                m("GET", "/api/v1/admin/purchases/O/refund"), m("POST", "/api/v1/admin/users"),
                m("PATCH", "/api/v1/admin/users/1"), m("GET", "/api/v1/admin/users/1/labels"),
                m("PUT", "/api/v1/admin/users/1/labels/l"), m("GET", "/api/v1/admin/users/1/roles"),
                m("GET", "/api/v1/admin/users/1/external-ids"), m("DELETE", "/signin"), m("PUT", "/points"),
                m("POST", "/api/v1/admin/users/1/balances"), m("DELETE", "/api/v1/admin/apikeys"),
                m("GET", "/api/v1/admin/apikeys/n/revoke"), m("PUT", "/api/v1/admin/plugins"),
                m("GET", "/api/v1/admin/plugins/p/enable"), m("DELETE", "/api/v1/admin/events"),
                m("PUT", "/api/v1/admin/events/dead-letters"), m("GET", "/api/v1/admin/events/dead-letters/1/retry"),
                m("GET", "/api/v1/admin/events/subscribers/s/replay"), m("GET", "/api/v1/setup"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongMethods")
    void wrongMethodsAnswer405(Case c) {
        expect(c, send(c));
    }

    Stream<Case> badPaging() {
        List<String> lists = List.of("/api/v1/me/ledger", "/api/v1/admin/users", "/api/v1/admin/users/1/ledger",
                "/api/v1/admin/events", "/api/v1/admin/events/dead-letters", "/api/v1/admin/webhooks");
        List<String[]> params = List.of(
                new String[]{"limit=0", "invalid_field"}, new String[]{"limit=-1", "invalid_field"},
                new String[]{"limit=1000", "invalid_field"}, new String[]{"limit=ten", "invalid_field"},
                new String[]{"limit=2.5", "invalid_field"}, new String[]{"limit=99999999999", "invalid_field"},
                new String[]{"cursor=abc", "invalid_cursor"}, new String[]{"cursor=0", "invalid_cursor"},
                new String[]{"cursor=-7", "invalid_cursor"}, new String[]{"cursor=99999999999999999999", "invalid_cursor"},
                new String[]{"cursor=%27%20OR%201%3D1", "invalid_cursor"});
        List<Case> cases = new ArrayList<>();
        for (String list : lists) {
            Caller caller = list.startsWith("/api/v1/me") ? Caller.MEMBER : Caller.ADMIN;
            for (String[] p : params) {
                cases.add(new Case(caller, "GET", list + "?" + p[0], null, null, 400, p[1]));
            }
        }
        cases.add(new Case(Caller.MEMBER, "GET", "/api/v1/me/ledger?asset=gold", null, null, 400, "unknown_asset"));
        cases.add(new Case(Caller.ADMIN, "GET", "/api/v1/admin/users/1/ledger?asset=gold", null, null, 400, "unknown_asset"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPaging")
    void invalidCursorsAndLimitsAnswer400(Case c) {
        expect(c, send(c));
    }

    Stream<Case> odditiesThatStillGetAnAnswer() {
        return Stream.of(
                new Case(Caller.ADMIN, "GET", "/api/v1/admin/users?query=%25%5F%5C%27%22;--", null, null, 200, null),
                new Case(Caller.ADMIN, "GET", "/api/v1/admin/users?label=" + "l".repeat(500), null, null, 200, null),
                new Case(Caller.ADMIN, "GET", "/api/v1/admin/events?type=%27;DROP%20TABLE%20events;--", null, null, 200, null),
                new Case(Caller.ANONYMOUS, "GET", "/api/v1/me?cursor=abc", null, null, 401, "unauthenticated"),
                new Case(Caller.MEMBER, "GET", "/api/v1/admin/users?limit=abc", null, null, 403, "forbidden"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("odditiesThatStillGetAnAnswer")
    void oddButHarmlessQueriesAreAnsweredNormally(Case c) {
        Http.Response r = send(c);
        assertEquals(c.status(), r.status(), r.body());
        assertTrue(r.json() != null, "a JSON answer: " + r.body());
        if (c.code() != null) {
            assertEquals(c.code(), r.errorCode());
        }
    }

    @Test
    void aTooLongIdempotencyKeyIsRefused() {
        Http.Response r = apiKey.post("/api/v1/admin/ledger/adjustments",
                Map.of("userId", memberId, "asset", "points", "amount", 5, "reason", "r"),
                Map.of("Idempotency-Key", "k".repeat(129)));

        assertEquals(400, r.status(), r.body());
        assertEquals("invalid_idempotency_key", r.errorCode());
    }

    @Test
    void requestsJettyRefusesBeforeAnyRouteStillGetTheJsonErrorShape() throws IOException {
        List<String> raws = List.of(
                "GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/me HTTP/1.1\r\nConnection: close\r\n\r\n",
                "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\nConnection: close\r\n\r\n{}",
                "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: " + "h".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
                "GET /api/v1/" + "u".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n");
        for (String raw : raws) {
            String response = rawExchange(raw);
            String where = raw.substring(0, Math.min(60, raw.length())).replace("\r\n", " ");
            int status = Integer.parseInt(response.substring(9, 12));
            assertTrue(status >= 400 && status < 500, where + " -> " + response);
            assertTrue(response.toLowerCase().contains("content-type: application/json"), where + " -> " + response);
            assertTrue(response.contains("{\"error\":{\"code\":\""), where + " -> " + response);
        }
    }

    @Test
    void noneOfTheBadInputAboveBrokeTheLedger() {
        assertEquals(List.of(), platform.kindred().invariants.check());
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private String apiKeySecret;
    private String memberCookie;

    private Http client(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> anonymous;
            case MEMBER -> member;
            case ADMIN -> admin;
            case API_KEY -> apiKey;
        };
    }

    private Http.Response send(Case c) {
        Http client = client(c.caller());
        // Pages answer errors as HTML unless JSON is asked for; the API always answers JSON.
        Http.Response r = c.path().startsWith("/api/")
                ? client.raw(c.method(), c.path(), c.contentType() == null ? JSON : c.contentType(), c.body())
                : client.header("Accept", JSON).raw(c.method(), c.path(), c.contentType() == null ? JSON : c.contentType(), c.body());
        client.header("Accept", null);
        return r;
    }

    private static void expect(Case c, Http.Response r) {
        if (r.status() >= 500) {
            fail(c + " answered " + r.status() + ": " + r.body());
        }
        if (c.status() == ANY_4XX) {
            assertTrue(r.status() >= 400 && r.status() < 500, c + " answered " + r.status() + ": " + r.body());
        } else {
            assertEquals(c.status(), r.status(), c + ": " + r.body());
        }
        if (r.status() >= 400) {
            assertNotNull(r.json(), c + " answered without JSON: " + r.body());
            assertTrue(r.json().path("error").isObject(), r.body());
            assertFalse(r.json().at("/error/code").asText().isBlank(), r.body());
            assertTrue(r.json().at("/error/code").asText().matches("[a-z][a-z0-9_]*"), r.body());
            assertFalse(r.json().at("/error/message").asText().isBlank(), r.body());
            assertFalse(r.body().contains("\tat ") || r.body().contains("Exception"), "no stack trace: " + r.body());
            if (c.code() != null) {
                assertEquals(c.code(), r.errorCode(), c + ": " + r.body());
            }
        }
    }

    private static Case c(Caller caller, String method, String path, String body, int status, String code) {
        return new Case(caller, method, path, JSON, body, status, code);
    }

    private static Case m(String method, String path) {
        return new Case(Caller.ADMIN, method, path, JSON, method.equals("GET") || method.equals("DELETE") ? null : "{}",
                405, "method_not_allowed");
    }

    private static Case csv(String body, int status, String code) {
        return new Case(Caller.ADMIN, "POST", "/api/v1/admin/users/import", "text/csv", body, status, code);
    }

    private static String adjustment(String userId, String asset, String amount, String reason) {
        return "{\"userId\":" + userId + ",\"asset\":" + asset + ",\"amount\":" + amount + ",\"reason\":" + reason + "}";
    }

    private static String purchase(String userId, String order, String amount, String currency) {
        return "{\"userId\":" + userId + ",\"externalOrderId\":" + order + ",\"amount\":" + amount + ",\"currency\":" + currency + "}";
    }

    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", platform.kindred().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String signInCookie(String email, String password) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(platform.baseUrl() + "/api/v1/auth/login"))
                    .header("Content-Type", JSON)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            return cookie.substring(0, cookie.indexOf(';'));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
