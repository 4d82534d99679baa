package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outgoing webhooks against a real receiver on 127.0.0.1 (allowed here by {@code webhooks.allow-private}): every
 * event of an endpoint's types arrives once, signed so that the receiver can check it; failures are retried
 * (base delay 100 ms here), a receiver that hangs slows neither the API nor other endpoints. One platform and one
 * receiver serve the class; each test uses its own receiver paths and orders, and deletes its endpoints.
 */
class WebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestPlatform platform;
    private static Http admin;
    private static Http shop;
    private static Receiver receiver;
    private static long buyer;

    @BeforeAll
    static void start() throws IOException {
        receiver = new Receiver();
        platform = TestPlatform.builder()
                .setting("webhooks.allow-private", "true")
                .setting("webhooks.retry-base-ms", "100")
                .setting("webhooks.disable-after-failures", "5")
                .start();
        admin = platform.admin();
        shop = platform.apiClient("shop");
        buyer = platform.kindred().accounts.register("buyer@webhooks.test", "member-password-1", "Buyer", null).id();
    }

    @AfterAll
    static void stop() {
        platform.close();
        receiver.close();
    }

    @Test
    void everyPurchaseRecordedArrivesOnceWithASignatureTheReceiverVerifies() throws Exception {
        JsonNode hook = register(receiver.url("/signed"), List.of("purchase.recorded"));
        String secret = hook.path("secret").asText();
        assertTrue(secret.startsWith("whsec_"), hook.toString());
        try {
            for (int i = 1; i <= 3; i++) {
                assertEquals(201, purchase("SIGNED-" + i).status());
            }
            assertEquals(200, shop.post("/api/v1/admin/purchases", Map.of("userId", buyer, "externalOrderId", "SIGNED-1",
                    "amount", 1000, "currency", "CNY")).status(), "a repeated purchase is no new event");
            await(() -> receiver.got("/signed").size() >= 3, "three deliveries");
            Thread.sleep(700);
            List<Received> got = receiver.got("/signed");
            assertEquals(3, got.size(), "each purchase once");
            List<String> orders = new ArrayList<>();
            for (Received r : got) {
                assertTrue(verify(r, secret), "signature " + r.signature());
                JsonNode event = JSON.readTree(r.body());
                assertEquals("purchase.recorded", event.path("type").asText());
                assertEquals(r.eventId(), event.path("id").asText(), "Kindred-Event-Id is the event's id");
                assertEquals(buyer, event.path("userId").asLong());
                assertTrue(event.path("createdAt").asText().endsWith("Z"), event.toString());
                assertEquals("application/json", r.contentType());
                orders.add(event.at("/data/externalOrderId").asText());
            }
            assertEquals(List.of("SIGNED-1", "SIGNED-2", "SIGNED-3"), orders.stream().sorted().toList());
            assertFalse(verify(new Received(got.get(0).eventId(), got.get(0).signature(), got.get(0).body() + " ",
                    "application/json"), secret), "a changed body fails the check");
            assertFalse(admin.get("/api/v1/admin/webhooks/" + hook.path("id").asLong()).body().contains(secret),
                    "the secret is shown once");
        } finally {
            delete(hook);
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheEventOnTheFourthTry() {
        receiver.answer("/flaky", attempt -> attempt <= 3 ? 500 : 200);
        JsonNode hook = register(receiver.url("/flaky"), List.of("purchase.*"));
        try {
            assertEquals(201, purchase("FLAKY-1").status());
            await(() -> receiver.got("/flaky").size() >= 1, "the fourth attempt");
            assertEquals(4, receiver.hits("/flaky"), "three failures, then the success");
            assertEquals(1, receiver.got("/flaky").size());
            await(() -> deliveries(hook).path(0).path("status").asText().equals("delivered"), "delivered");
            JsonNode d = deliveries(hook).path(0);
            assertEquals(4, d.path("attempts").asInt(), d.toString());
            assertEquals(200, d.path("responseStatus").asInt());
            assertTrue(d.path("latencyMs").isNumber());
            assertEquals("ok", d.path("responseExcerpt").asText());
            assertTrue(show(hook).path("enabled").asBoolean(), "three failures do not disable");
        } finally {
            delete(hook);
        }
    }

    @Test
    void aHangingReceiverSlowsNeitherTheApiNorAnotherEndpoint() {
        receiver.hang("/hang");
        JsonNode hanging = register(receiver.url("/hang"), List.of("purchase.recorded"));
        JsonNode healthy = register(receiver.url("/healthy"), List.of("purchase.recorded"));
        try {
            long slowest = 0;
            for (int i = 1; i <= 5; i++) {
                long t = System.nanoTime();
                assertEquals(201, purchase("HANG-" + i).status());
                slowest = Math.max(slowest, (System.nanoTime() - t) / 1_000_000);
            }
            assertTrue(slowest < 2_000, "the API answered in " + slowest + " ms");
            long t = System.nanoTime();
            await(() -> receiver.got("/healthy").size() >= 5, "the other endpoint gets all five");
            long waited = (System.nanoTime() - t) / 1_000_000;
            assertTrue(waited < 5_000, "the other endpoint waited " + waited + " ms");
            assertTrue(receiver.hits("/hang") >= 1, "the hanging receiver was called");
        } finally {
            delete(hanging);
            delete(healthy);
        }
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() {
        receiver.answer("/moved", attempt -> 302);
        JsonNode hook = register(receiver.url("/moved"), List.of("purchase.recorded"));
        try {
            assertEquals(201, purchase("MOVED-1").status());
            await(() -> deliveries(hook).path(0).path("attempts").asInt() >= 1, "an attempt");
            JsonNode d = deliveries(hook).path(0);
            assertEquals(302, d.path("responseStatus").asInt(), d.toString());
            assertEquals("pending", d.path("status").asText(), "to be retried");
            assertEquals(0, receiver.hits("/elsewhere"), "the Location was not followed");
        } finally {
            delete(hook);
        }
    }

    @Test
    void patternsChooseTheEventsAnEndpointGets() {
        JsonNode purchases = register(receiver.url("/wild-purchase"), List.of("purchase.*"));
        JsonNode users = register(receiver.url("/wild-users"), List.of("user.registered"));
        JsonNode all = register(receiver.url("/wild-all"), List.of("*"));
        try {
            assertEquals(201, purchase("WILD-1").status());
            assertEquals(200, shop.post("/api/v1/admin/purchases/WILD-1/refund", Map.of()).status());
            platform.kindred().accounts.register("wild@webhooks.test", "member-password-1", "Wild", null);
            await(() -> receiver.got("/wild-all").size() >= 3 && receiver.got("/wild-purchase").size() >= 2
                    && receiver.got("/wild-users").size() >= 1, "all three endpoints served");
            assertEquals(List.of("purchase.recorded", "purchase.refunded"), types("/wild-purchase"));
            assertEquals(List.of("user.registered"), types("/wild-users"));
            assertEquals(List.of("purchase.recorded", "purchase.refunded", "user.registered"), types("/wild-all"));
        } finally {
            delete(purchases);
            delete(users);
            delete(all);
        }
    }

    @Test
    void aDeliveryCanBeSentAgain() {
        JsonNode hook = register(receiver.url("/again"), List.of("purchase.recorded"));
        try {
            assertEquals(201, purchase("AGAIN-1").status());
            await(() -> deliveries(hook).path(0).path("status").asText().equals("delivered"), "delivered");
            long delivery = deliveries(hook).path(0).path("id").asLong();

            Http.Response r = admin.post("/api/v1/admin/webhooks/deliveries/" + delivery + "/redeliver", Map.of());

            assertEquals(202, r.status(), r.body());
            await(() -> receiver.got("/again").size() >= 2, "a second delivery");
            List<Received> got = receiver.got("/again");
            assertEquals(got.get(0).eventId(), got.get(1).eventId(), "the same event id, for the receiver's dedup");
            assertEquals(404, admin.post("/api/v1/admin/webhooks/deliveries/999999/redeliver", Map.of()).status());
            assertEquals("webhook_delivery_not_found",
                    admin.post("/api/v1/admin/webhooks/deliveries/x/redeliver", Map.of()).errorCode());
        } finally {
            delete(hook);
        }
    }

    @Test
    void theTestEventGoesToThatEndpointOnly() throws Exception {
        JsonNode hook = register(receiver.url("/tested"), List.of("purchase.recorded"));
        JsonNode other = register(receiver.url("/not-tested"), List.of("*"));
        try {
            Http.Response r = admin.post("/api/v1/admin/webhooks/" + hook.path("id").asLong() + "/test", Map.of());

            assertEquals(202, r.status(), r.body());
            await(() -> receiver.got("/tested").size() >= 1, "the test event");
            Received got = receiver.got("/tested").get(0);
            assertEquals("webhook.test", JSON.readTree(got.body()).path("type").asText());
            assertTrue(verify(got, hook.path("secret").asText()));
            Thread.sleep(500);
            assertTrue(receiver.got("/not-tested").isEmpty(), "not to the others");
        } finally {
            delete(hook);
            delete(other);
        }
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledAndCanBeEnabledAgain() {
        receiver.answer("/broken", attempt -> 503);
        JsonNode hook = register(receiver.url("/broken"), List.of("purchase.recorded"));
        try {
            assertEquals(201, purchase("BROKEN-1").status());
            await(() -> !show(hook).path("enabled").asBoolean(), "disabled after five failures");
            JsonNode shown = show(hook);
            assertTrue(shown.path("disabledReason").asText().contains("5 deliveries in a row failed"), shown.toString());
            assertEquals(5, receiver.hits("/broken"), deliveries(hook).toString());
            assertEquals("webhook_disabled",
                    admin.post("/api/v1/admin/webhooks/" + hook.path("id").asLong() + "/test", Map.of()).errorCode());

            Http.Response enabled = admin.patch("/api/v1/admin/webhooks/" + hook.path("id").asLong(), Map.of("enabled", true));

            assertEquals(200, enabled.status(), enabled.body());
            assertTrue(enabled.json().at("/webhook/enabled").asBoolean());
            assertTrue(enabled.json().at("/webhook/disabledReason").isNull());
        } finally {
            delete(hook);
        }
    }

    @Test
    void endpointsAreListedPagedChangedAndDeleted() {
        JsonNode a = register(receiver.url("/list-a"), List.of("purchase.*"));
        JsonNode b = register(receiver.url("/list-b"), List.of("*"));
        Http.Response page = admin.get("/api/v1/admin/webhooks?limit=1");
        assertEquals(200, page.status(), page.body());
        assertEquals(1, page.json().path("items").size());
        assertEquals(b.path("id").asLong(), page.json().at("/items/0/id").asLong(), "newest first");
        assertFalse(page.json().at("/items/0").has("secret"));
        String next = page.json().path("nextCursor").asText();
        assertEquals(a.path("id").asLong(),
                admin.get("/api/v1/admin/webhooks?limit=1&cursor=" + next).json().at("/items/0/id").asLong());

        Http.Response changed = admin.patch("/api/v1/admin/webhooks/" + a.path("id").asLong(),
                Map.of("events", List.of("user.*", "purchase.refunded"), "description", "CRM"));
        assertEquals(200, changed.status(), changed.body());
        assertEquals("[\"user.*\",\"purchase.refunded\"]", changed.json().at("/webhook/events").toString());
        assertEquals("CRM", changed.json().at("/webhook/description").asText());
        assertTrue(show(a).path("recentDeliveries").isArray());

        assertEquals(204, admin.delete("/api/v1/admin/webhooks/" + a.path("id").asLong()).status());
        assertEquals("webhook_not_found", admin.get("/api/v1/admin/webhooks/" + a.path("id").asLong()).errorCode());
        delete(b);
    }

    @Test
    void theConsoleRegistersShowsTheSecretOnceTestsRedeliversDisablesAndDeletes() throws Exception {
        Http.Response made = admin.submitForm("/console/webhooks", "/console/webhooks", "url", receiver.url("/console"),
                "events", "purchase.recorded, user.*", "description", "From the console");
        assertEquals(200, made.status(), made.body());
        assertEquals("no-store", made.headers().get("cache-control"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("whsec_[0-9a-f]{64}").matcher(made.body());
        assertTrue(m.find(), "the secret is on the answer");
        String secret = m.group();
        String list = admin.get("/console/webhooks").body();
        assertTrue(list.contains(receiver.url("/console")) && list.contains("purchase.recorded user.*"), list);
        assertFalse(list.contains(secret), "and nowhere else");
        long id = idOf(admin.get("/api/v1/admin/webhooks?limit=200").json(), receiver.url("/console"));

        Http.Response tested = admin.submitForm("/console/webhooks", "/console/webhooks/" + id + "/test");
        assertEquals(303, tested.status(), tested.body());
        await(() -> receiver.got("/console").size() >= 1, "the test event");
        assertTrue(verify(receiver.got("/console").get(0), secret));
        await(() -> admin.get("/console/webhooks/" + id).body().contains("Delivered"), "the log shows it delivered");
        String detail = admin.get("/console/webhooks/" + id).body();
        assertTrue(detail.contains("webhook.test") && detail.contains(" ms"), detail);

        long delivery = deliveries(admin.get("/api/v1/admin/webhooks/" + id).json().path("webhook")).path(0).path("id").asLong();
        assertEquals(303, admin.submitForm("/console/webhooks/" + id, "/console/webhooks/deliveries/" + delivery + "/redeliver").status());
        await(() -> receiver.got("/console").size() >= 2, "sent again");

        assertEquals(303, admin.submitForm("/console/webhooks", "/console/webhooks/" + id + "/disable").status());
        assertFalse(admin.get("/api/v1/admin/webhooks/" + id).json().at("/webhook/enabled").asBoolean());
        Http.Response refused = admin.submitForm("/console/webhooks", "/console/webhooks/" + id + "/test");
        assertTrue(refused.headers().get("location").endsWith("notice=console_webhook_disabled"), refused.headers().toString());
        assertEquals(303, admin.submitForm("/console/webhooks", "/console/webhooks/" + id + "/delete").status());
        assertEquals(404, admin.get("/api/v1/admin/webhooks/" + id).status());

        Http.Response bad = admin.submitForm("/console/webhooks", "/console/webhooks", "url", "ftp://x", "events", "*");
        assertEquals(400, bad.status());
        assertFalse(bad.body().contains("whsec_"));
        assertTrue(bad.body().contains("http://"), "the page says what is wrong");
    }

    /** Finds an endpoint's id in a list answer by its URL. */
    private static long idOf(JsonNode page, String url) {
        for (JsonNode item : page.path("items")) {
            if (item.path("url").asText().equals(url)) {
                return item.path("id").asLong();
            }
        }
        throw new AssertionError("no endpoint " + url + " in " + page);
    }

    @Test
    void badInputIsA400WithTheErrorShape() {
        String url = receiver.url("/bad");
        assertBad(Map.of("url", "ftp://example.com/x", "events", List.of("*")), "webhook_url_invalid");
        assertBad(Map.of("url", "not a url", "events", List.of("*")), "webhook_url_invalid");
        assertBad(Map.of("url", "https:///nohost", "events", List.of("*")), "webhook_url_invalid");
        assertBad(Map.of("url", url, "events", List.of()), "invalid_field");
        assertBad(Map.of("url", url, "events", List.of("purchase.**")), "invalid_field");
        assertBad(Map.of("url", url, "events", "purchase.*"), "invalid_field");
        assertBad(Map.of("url", 42, "events", List.of("*")), "invalid_field");
        assertBad(Map.of("url", url, "events", List.of("*"), "secret", "mine"), "invalid_field");
        assertBad(Map.of("events", List.of("*")), "missing_field");
        Http.Response r = admin.raw("POST", "/api/v1/admin/webhooks", "application/json", "{");
        assertEquals(400, r.status());
        assertEquals("invalid_json", r.errorCode());
        assertEquals("invalid_field", admin.patch("/api/v1/admin/webhooks/1", Map.of("enabled", "yes")).errorCode());
        assertEquals(403, platform.member("plain@webhooks.test", "Plain").get("/api/v1/admin/webhooks").status(),
                "administrators only");
    }

    @Test
    void theApiDescriptionCoversEveryWebhookEndpoint() {
        JsonNode doc = admin.get("/api/v1/openapi.json").json();
        Map<String, List<String>> expected = Map.of(
                "/api/v1/admin/webhooks", List.of("get", "post"),
                "/api/v1/admin/webhooks/{id}", List.of("get", "patch", "delete"),
                "/api/v1/admin/webhooks/{id}/test", List.of("post"),
                "/api/v1/admin/webhooks/{id}/deliveries", List.of("get"),
                "/api/v1/admin/webhooks/deliveries/{id}/redeliver", List.of("post"));
        expected.forEach((path, methods) -> methods.forEach(m ->
                assertTrue(doc.path("paths").path(path).has(m), m + " " + path)));
        doc.findValues("$ref").forEach(r -> assertTrue(doc.at(r.asText().substring(1)).isObject(), "resolves " + r));
        assertTrue(doc.at("/components/schemas/WebhookWithSecret").isObject());
    }

    private static void assertBad(Map<String, Object> body, String code) {
        Http.Response r = admin.post("/api/v1/admin/webhooks", body);
        assertEquals(400, r.status(), r.body());
        assertEquals(code, r.errorCode(), r.body());
        assertFalse(r.json().at("/error/message").asText().isBlank());
    }

    /** What a receiver does: recompute the HMAC of "t.body", compare in constant time, check the time is recent. */
    static boolean verify(Received r, String secret) throws Exception {
        long t = -1;
        String v1 = null;
        for (String part : r.signature().split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = Long.parseLong(kv[1]);
            } else if (kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t < 0 || v1 == null || Math.abs(System.currentTimeMillis() / 1000 - t) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + r.body()).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
    }

    private static JsonNode register(String url, List<String> events) {
        Http.Response r = admin.post("/api/v1/admin/webhooks", Map.of("url", url, "events", events));
        assertEquals(201, r.status(), r.body());
        return r.json().path("webhook");
    }

    private static void delete(JsonNode hook) {
        admin.delete("/api/v1/admin/webhooks/" + hook.path("id").asLong());
    }

    private static JsonNode show(JsonNode hook) {
        return admin.get("/api/v1/admin/webhooks/" + hook.path("id").asLong()).json().path("webhook");
    }

    private static JsonNode deliveries(JsonNode hook) {
        return admin.get("/api/v1/admin/webhooks/" + hook.path("id").asLong() + "/deliveries").json().path("items");
    }

    private static Http.Response purchase(String order) {
        return shop.post("/api/v1/admin/purchases", Map.of("userId", buyer, "externalOrderId", order, "amount", 1000,
                "currency", "CNY"));
    }

    private static List<String> types(String path) {
        return receiver.got(path).stream().map(r -> {
            try {
                return JSON.readTree(r.body()).path("type").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** One request as the receiver got it. */
    record Received(String eventId, String signature, String body, String contentType) {
    }

    /** A webhook receiver on 127.0.0.1: answers 200 "ok" unless told otherwise per path, and keeps what it got. */
    static final class Receiver implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final Map<String, List<Received>> got = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        private final Map<String, ToIntFunction<Integer>> answers = new ConcurrentHashMap<>();
        private final Map<String, Boolean> hanging = new ConcurrentHashMap<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(threads);
            server.createContext("/", this::handle);
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        /** Answers the n-th request (from 1) of each event with the status {@code byAttempt} gives. */
        void answer(String path, ToIntFunction<Integer> byAttempt) {
            answers.put(path, byAttempt);
        }

        void hang(String path) {
            hanging.put(path, true);
        }

        /** @return the requests answered 2xx */
        List<Received> got(String path) {
            return List.copyOf(got.getOrDefault(path, List.of()));
        }

        int hits(String path) {
            return hits.getOrDefault(path, new AtomicInteger()).get();
        }

        private final Map<String, AtomicInteger> perEvent = new ConcurrentHashMap<>();

        private void handle(HttpExchange x) throws IOException {
            String path = x.getRequestURI().getPath();
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (hanging.containsKey(path)) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                x.close();
                return;
            }
            String eventId = x.getRequestHeaders().getFirst("Kindred-Event-Id");
            int attempt = perEvent.computeIfAbsent(path + "#" + eventId, k -> new AtomicInteger()).incrementAndGet();
            int status = answers.getOrDefault(path, a -> 200).applyAsInt(attempt);
            if (status / 100 == 2) {
                got.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(eventId,
                        x.getRequestHeaders().getFirst("Kindred-Signature"), body,
                        x.getRequestHeaders().getFirst("Content-Type")));
            }
            if (status / 100 == 3) {
                x.getResponseHeaders().set("Location", url("/elsewhere"));
            }
            byte[] answer = (status / 100 == 2 ? "ok" : "down").getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(status, answer.length);
            x.getResponseBody().write(answer);
            x.close();
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
