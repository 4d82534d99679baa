package io.kindred.core;

import io.kindred.api.events.Replay;
import io.kindred.server.Kindred;
import io.kindred.server.db.Migrations;
import io.kindred.server.events.Dispatcher;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store on PostgreSQL (embedded server, in every build): the core's migrations, and the outbox read by the
 * dispatcher while transactions commit their events out of id order.
 */
class PostgresqlOutboxTest {

    private static final String TYPE = "test.pg_ordered";
    private TestPlatform platform;

    @BeforeEach
    void start() {
        platform = TestPlatform.builder().postgresql().start();
        platform.kindred().database.write(h -> h.execute("""
                CREATE TABLE test_handled (
                    n BIGINT GENERATED ALWAYS AS IDENTITY,
                    subscriber TEXT NOT NULL,
                    event_id BIGINT NOT NULL
                )"""));
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void everyCoreMigrationRanOnPostgresql() {
        Kindred k = platform.kindred();
        assertEquals("postgresql", k.database.dialect());
        List<Migrations.Script> scripts = Migrations.scan(Kindred.class.getClassLoader(), "db/core", "postgresql");
        assertEquals(scripts.size(), k.migrations.applied("core").size());
        assertEquals(List.of(), k.migrations.check("core", Kindred.class.getClassLoader(), "db/core"));
    }

    @Test
    void anEventCommittedAfterALaterOneIsStillDeliveredInIdOrder() throws Exception {
        subscribe("test.ordered");
        var db = platform.kindred().database;
        var events = platform.kindred().events;
        CountDownLatch firstPublished = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The first transaction takes the smaller id and holds its commit back.
            Future<Long> first = pool.submit(() -> db.write(h -> {
                long id = events.publish(h, TYPE, null, Map.of("n", 1));
                firstPublished.countDown();
                await(releaseFirst);
                return id;
            }));
            assertTrue(firstPublished.await(10, TimeUnit.SECONDS));
            // The second takes the larger id and commits at once.
            long second = pool.submit(() -> db.write(h -> events.publish(h, TYPE, null, Map.of("n", 2))))
                    .get(10, TimeUnit.SECONDS);

            Thread.sleep(600); // more than two passes of the dispatcher, each woken or at its 250 ms poll
            assertEquals(List.of(), handled("test.ordered"), "nothing is delivered past an id that has not committed");

            releaseFirst.countDown();
            long firstId = first.get(10, TimeUnit.SECONDS);
            assertTrue(firstId < second);
            platform.awaitEvents();
            assertEquals(List.of(firstId, second), handled("test.ordered"), "both, once each, in id order");
        } finally {
            releaseFirst.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentPublishersThatCommitInRandomOrderHaveEachEventHandledExactlyOnce() throws Exception {
        subscribe("test.exactly_once");
        var db = platform.kindred().database;
        var events = platform.kindred().events;
        List<Callable<List<Long>>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Random random = new Random(t);
            writers.add(() -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    int pause = random.nextInt(15);
                    ids.addAll(db.write(h -> {
                        List<Long> mine = new ArrayList<>();
                        mine.add(events.publish(h, TYPE, null, Map.of("pause", pause)));
                        sleep(pause); // ids are taken now, commits land in another order
                        if (pause % 3 == 0) {
                            mine.add(events.publish(h, TYPE, null, Map.of("second", true)));
                        }
                        return mine;
                    }));
                }
                return ids;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        List<Long> published = new ArrayList<>();
        try {
            for (Future<List<Long>> f : pool.invokeAll(writers, 60, TimeUnit.SECONDS)) {
                published.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        platform.awaitEvents();
        List<Long> handled = handled("test.exactly_once");
        assertEquals(published.stream().sorted().toList(), handled, "every event once, in id order");
    }

    private void subscribe(String name) {
        platform.kindred().dispatcher.subscribe(new Dispatcher.Subscription(name, TYPE, "test", (event, tx) ->
                tx.createUpdate("INSERT INTO test_handled(subscriber, event_id) VALUES (:s, :e)")
                        .bind("s", name).bind("e", event.id()).execute()), Replay.FROM_START);
    }

    /** @return the events the subscriber handled, in the order it handled them */
    private List<Long> handled(String subscriber) {
        return platform.kindred().database.read(h -> h.createQuery(
                        "SELECT event_id FROM test_handled WHERE subscriber = :s ORDER BY n")
                .bind("s", subscriber).mapTo(Long.class).list());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
