package io.kindred.core;

import io.kindred.api.db.Database;
import io.kindred.server.db.Db;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The single SQLite writer with group commit, on a real database file: writes of many threads share commits,
 * a failing write is rolled back alone, a write returns only once it is committed (readable from any connection),
 * and after-commit actions run only for committed writes.
 */
class GroupCommitTest {

    private static final int THREADS = 16;
    private static final int WRITES_EACH = 100;

    @TempDir
    static Path dir;
    private static Db db;
    private static Database database;

    @BeforeAll
    static void open() {
        db = new Db("jdbc:sqlite:" + dir.resolve("group.db"), "FULL", 4, 10_000);
        database = db.core();
        database.write(h -> h.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, n INTEGER NOT NULL)"));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        database.write(h -> h.execute("DELETE FROM rows"));
    }

    /** Runs {@code work(thread, i)} WRITES_EACH times on each of THREADS threads at once; returns the failures. */
    private static List<Throwable> concurrently(Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < WRITES_EACH; i++) {
                        try {
                            work.run(thread, i);
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return failures;
    }

    @FunctionalInterface
    private interface Work {
        void run(int thread, int i);
    }

    private static void insert(int thread, int i) {
        database.write(h -> h.createUpdate("INSERT INTO rows(writer, n) VALUES (:w, :n)")
                .bind("w", thread).bind("n", i).execute());
    }

    private static int count(String where) {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM rows WHERE " + where).mapTo(Integer.class).one());
    }

    @Test
    void concurrentWritesAllLandAndShareCommits() throws Exception {
        Db.WriteStats before = db.writeStats().orElseThrow();

        List<Throwable> failures = concurrently((thread, i) -> {
            insert(thread, i);
            // returned = committed: another connection of the pool sees the row at once
            assertEquals(1, count("writer = " + thread + " AND n = " + i), "a returned write is readable");
        });

        assertEquals(List.of(), failures);
        assertEquals(THREADS * WRITES_EACH, count("1 = 1"));
        Db.WriteStats after = db.writeStats().orElseThrow();
        long writes = after.writes() - before.writes();
        long commits = after.commits() - before.commits();
        assertEquals(THREADS * WRITES_EACH, writes);
        assertTrue(commits < writes, "writes queued behind each other share a commit: " + writes + " writes, " + commits + " commits");
    }

    @Test
    void aFailingWriteIsRolledBackAloneAndItsCallerGetsItsOwnException() throws Exception {
        List<Throwable> failures = concurrently((thread, i) -> database.write(h -> {
            h.createUpdate("INSERT INTO rows(writer, n) VALUES (:w, :n)").bind("w", thread).bind("n", i).execute();
            if (i % 5 == 0) {
                throw new IllegalArgumentException("refused " + thread + "/" + i);
            }
            return null;
        }));

        assertEquals(THREADS * WRITES_EACH / 5, failures.size());
        assertTrue(failures.stream().allMatch(f -> f instanceof IllegalArgumentException && f.getMessage().startsWith("refused ")));
        assertEquals(0, count("n % 5 = 0"), "no row of a failed write is left");
        assertEquals(THREADS * WRITES_EACH * 4 / 5, count("n % 5 <> 0"), "every other write landed");
    }

    @Test
    void afterCommitActionsRunOnceCommittedAndNeverForAFailedWrite() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger unseen = new AtomicInteger();

        List<Throwable> failures = concurrently((thread, i) -> database.write(h -> {
            h.createUpdate("INSERT INTO rows(writer, n) VALUES (:w, :n)").bind("w", thread).bind("n", i).execute();
            db.afterCommit(() -> {
                // runs outside any write: reads through the pool, so only a committed row is visible
                if (count("writer = " + thread + " AND n = " + i) == 1) {
                    seen.add(thread + "/" + i);
                } else {
                    unseen.incrementAndGet();
                }
            });
            if (i % 4 == 0) {
                throw new IllegalStateException("refused");
            }
            return null;
        }));

        assertEquals(THREADS * WRITES_EACH / 4, failures.size());
        assertEquals(0, unseen.get(), "an action ran before its write was committed");
        assertEquals(THREADS * WRITES_EACH * 3 / 4, seen.size(), "each committed write's action ran");
        assertTrue(seen.stream().noneMatch(k -> Integer.parseInt(k.substring(k.indexOf('/') + 1)) % 4 == 0),
                "no action of a failed write ran");
    }

    @Test
    void aWriteInsideAWriteJoinsItAndFailsWithIt() {
        assertThrows(IllegalStateException.class, () -> database.write(h -> {
            insert(0, 1);
            assertEquals(1, count("n = 1"), "the inner write's row is visible in the same transaction");
            throw new IllegalStateException("outer fails");
        }));

        assertEquals(0, count("1 = 1"), "the inner write went with the outer one");
        insert(0, 2);
        assertEquals(1, count("n = 2"), "the writer is usable afterwards");
    }
}
