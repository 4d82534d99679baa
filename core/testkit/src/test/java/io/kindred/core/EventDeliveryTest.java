package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.api.events.Event;
import io.kindred.api.events.EventHandler;
import io.kindred.api.events.Replay;
import io.kindred.server.events.Dispatcher;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The event dispatcher as a subscriber meets it: retries with backoff until a handler succeeds, dead
 * letters after the last attempt, a retry by the operator, and a restart in the middle of a backlog. The
 * test's subscriber records each delivery in a table of its own, in the delivery's transaction.
 */
class EventDeliveryTest {

    /** The platform each test starts: SQLite here, PostgreSQL in {@code EventDeliveryOnPostgresqlTest}. */
    TestPlatform.Builder builder() {
        return TestPlatform.builder();
    }

    private static final String TYPE = "purchase.recorded";
    private TestPlatform platform;
    private Http shop;
    private long memberId;

    @BeforeEach
    void start() {
        platform = builder()
                .setting("events.retry-base-ms", "20")
                .setting("events.max-attempts", "3")
                .start();
        // position: the order of deliveries, an auto-numbered key in each dialect
        String position = platform.kindred().database.dialect().equals("postgresql")
                ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY";
        platform.kindred().database.write(h -> h.execute("""
                CREATE TABLE test_deliveries (
                    position %s,
                    subscriber TEXT NOT NULL,
                    event_id BIGINT NOT NULL,
                    order_id TEXT NOT NULL
                )""".formatted(position)));
        shop = platform.apiClient("shop");
        memberId = platform.kindred().accounts.register("buyer@events.test", "member-password-1", "Buyer", null).id();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void aHandlerThatFailsTwiceThenSucceedsHasItsEffectOnce() {
        AtomicInteger calls = new AtomicInteger();
        subscribe("test.flaky", (event, tx) -> {
            record(tx, "test.flaky", event);
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("not yet");
            }
        });

        long eventId = recordPurchase("FLAKY-1");

        await(() -> deliveries("test.flaky").size() == 1, "the third attempt to succeed");
        platform.awaitEvents();
        assertEquals(3, calls.get());
        assertEquals(List.of(eventId), deliveries("test.flaky"), "the failed attempts left nothing behind");
        JsonNode subscriber = subscriber(platform.admin(), "test.flaky");
        assertEquals(eventId, subscriber.path("cursor").asLong());
        assertEquals(0, subscriber.path("attempts").asInt());
        assertEquals(0, platform.admin().get("/api/v1/admin/events/dead-letters").json().path("items").size());
    }

    @Test
    void anEventThatKeepsFailingIsDeadLetteredAndTheSubscriberMovesOn() {
        Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
        subscribe("test.poisoned", (event, tx) -> {
            attempts.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
            if (event.string("externalOrderId").equals("POISON")) {
                throw new IllegalStateException("cannot handle " + event.id());
            }
            record(tx, "test.poisoned", event);
        });

        long poison = recordPurchase("POISON");
        long next = recordPurchase("AFTER-1");
        long last = recordPurchase("AFTER-2");

        await(() -> deliveries("test.poisoned").size() == 2, "the events after the dead letter");
        assertEquals(List.of(next, last), deliveries("test.poisoned"));
        assertEquals(3, attempts.get(poison).get(), "events.max-attempts");
        JsonNode dead = platform.admin().get("/api/v1/admin/events/dead-letters").json().path("items");
        assertEquals(1, dead.size(), dead.toString());
        assertEquals("test.poisoned", dead.get(0).path("subscriber").asText());
        assertEquals(poison, dead.get(0).path("eventId").asLong());
        assertEquals(TYPE, dead.get(0).path("eventType").asText());
        assertEquals(3, dead.get(0).path("attempts").asInt());
        assertTrue(dead.get(0).path("lastError").asText().contains("cannot handle"));
        assertTrue(dead.get(0).path("retriedAt").isNull());
    }

    @Test
    void retryingADeadLetterAppliesItsEffectOnce() {
        AtomicBoolean fixed = new AtomicBoolean();
        subscribe("test.retry", (event, tx) -> {
            if (!fixed.get()) {
                throw new IllegalStateException("broken until fixed");
            }
            record(tx, "test.retry", event);
        });
        long eventId = recordPurchase("RETRY-1");
        Http admin = platform.admin();
        await(() -> admin.get("/api/v1/admin/events/dead-letters").json().path("items").size() == 1, "the dead letter");
        long deadLetter = admin.get("/api/v1/admin/events/dead-letters").json().at("/items/0/id").asLong();

        fixed.set(true);
        Http.Response retried = admin.post("/api/v1/admin/events/dead-letters/" + deadLetter + "/retry", Map.of());
        Http.Response again = admin.post("/api/v1/admin/events/dead-letters/" + deadLetter + "/retry", Map.of());

        assertEquals(200, retried.status(), retried.body());
        assertTrue(retried.json().at("/deadLetter/retried").asBoolean());
        assertEquals(404, again.status(), again.body());
        assertEquals("not_found", again.errorCode());
        assertEquals(List.of(eventId), deliveries("test.retry"));
        assertNotNull(admin.get("/api/v1/admin/events/dead-letters").json().at("/items/0/retriedAt").textValue());
    }

    @Test
    void aRestartInTheMiddleOfABacklogLosesNoEventAndAppliesNoneTwice() {
        for (int i = 0; i < 300; i++) {
            recordPurchase("BACKLOG-" + i);
        }
        AtomicBoolean stopping = new AtomicBoolean();
        EventHandler slow = (event, tx) -> {
            record(tx, "test.backlog", event);
            Thread.sleep(stopping.get() ? 50 : 4); // slower while stopping, so the stop lands mid-backlog
        };
        subscribe("test.backlog", slow);
        await(() -> deliveries("test.backlog").size() >= 40, "part of the backlog");

        stopping.set(true);
        platform.restart();
        stopping.set(false);
        int handledBeforeRestart = deliveries("test.backlog").size();
        assertTrue(handledBeforeRestart < 300, "the restart came in the middle of the backlog");
        shop = platform.apiClient("shop-after-restart");
        for (int i = 0; i < 50; i++) {
            recordPurchase("AFTER-RESTART-" + i);
        }
        subscribe("test.backlog", slow);

        await(() -> deliveries("test.backlog").size() >= 350, "the whole backlog");
        platform.awaitEvents();
        List<Long> delivered = deliveries("test.backlog");
        List<Long> published = platform.kindred().database.read(h -> h.createQuery(
                "SELECT id FROM events WHERE type = :t ORDER BY id").bind("t", TYPE).mapTo(Long.class).list());
        assertEquals(350, published.size());
        assertEquals(published, delivered, "every event once, in order");
    }

    @Test
    void replayingASubscriberWithIdempotentCreditsMovesNoPointTwice() {
        EventHandler credit = (event, tx) -> platform.kindred().ledger.credit(tx, event.userId(), "points",
                event.longValue("amount") / 100, "purchase", "event:" + event.id(), "test.points:" + event.id());
        subscribe("test.points", credit);
        for (int i = 0; i < 5; i++) {
            recordPurchase("POINTS-" + i);
        }
        platform.awaitEvents();
        assertEquals(5 * 129, platform.kindred().ledger.balance(memberId, "points"));

        Http admin = platform.admin();
        Http.Response replay = admin.post("/api/v1/admin/events/subscribers/test.points/replay", Map.of());
        assertEquals(200, replay.status(), replay.body());
        await(() -> {
            JsonNode s = subscriber(admin, "test.points");
            return s.path("cursor").asLong() > 0 && s.path("backlog").asLong() == 0;
        }, "the replay");

        assertEquals(5 * 129, platform.kindred().ledger.balance(memberId, "points"));
        assertEquals(List.of(), platform.kindred().invariants.check());
    }

    private void subscribe(String name, EventHandler handler) {
        platform.kindred().dispatcher.subscribe(new Dispatcher.Subscription(name, TYPE, "test", handler), Replay.FROM_START);
    }

    private static void record(Handle tx, String subscriber, Event event) {
        tx.createUpdate("INSERT INTO test_deliveries(subscriber, event_id, order_id) VALUES (:s, :e, :o)")
                .bind("s", subscriber).bind("e", event.id()).bind("o", event.string("externalOrderId")).execute();
    }

    private List<Long> deliveries(String subscriber) {
        return platform.kindred().database.read(h -> h.createQuery(
                        "SELECT event_id FROM test_deliveries WHERE subscriber = :s ORDER BY position")
                .bind("s", subscriber).mapTo(Long.class).list());
    }

    private long recordPurchase(String orderId) {
        Http.Response r = shop.post("/api/v1/admin/purchases", Map.of("userId", memberId, "externalOrderId", orderId,
                "amount", 12_900, "currency", "CNY"));
        assertEquals(201, r.status(), r.body());
        return platform.kindred().database.read(h -> h.createQuery("""
                        SELECT id FROM events WHERE type = :t AND payload LIKE :order""")
                .bind("t", TYPE).bind("order", "%\"externalOrderId\":\"" + orderId + "\"%").mapTo(Long.class).one());
    }

    private JsonNode subscriber(Http admin, String name) {
        for (JsonNode s : admin.get("/api/v1/admin/events/subscribers").json().path("items")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no subscriber " + name);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("waited 15 s for " + what);
    }
}
