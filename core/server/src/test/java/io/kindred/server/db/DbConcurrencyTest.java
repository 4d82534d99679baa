package io.kindred.server.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

class DbConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void readThenWriteTransactionsFromManyThreadsNeverFailWithBusy() throws Exception {
        try (Db db = new Db("jdbc:sqlite:" + dir.resolve("t.db"), "NORMAL", 8, 5000)) {
            db.core().write(h -> h.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)"));
            db.core().write(h -> h.execute("INSERT INTO counter(id, n) VALUES (1, 0)"));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                futures.add(pool.submit(() -> db.core().write(h -> {
                    // The classic lock-upgrade trap: read in the transaction, then write.
                    long n = h.createQuery("SELECT n FROM counter WHERE id = 1").mapTo(Long.class).one();
                    return h.createUpdate("UPDATE counter SET n = :n WHERE id = 1").bind("n", n + 1).execute();
                })));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            long n = db.core().read(h -> h.createQuery("SELECT n FROM counter WHERE id = 1").mapTo(Long.class).one());
            assertEquals(400L, n);
        }
    }

    @Test
    void readersSeeEveryCommittedWriteAndHoldNoSnapshot() throws Exception {
        try (Db db = new Db("jdbc:sqlite:" + dir.resolve("r.db"), "NORMAL", 2, 5000)) {
            db.core().write(h -> h.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)"));
            db.core().write(h -> h.execute("INSERT INTO counter(id, n) VALUES (1, 0), (2, 0)"));
            ExecutorService readers = Executors.newFixedThreadPool(4);
            for (int i = 1; i <= 200; i++) {
                int n = i;
                db.core().write(h -> h.createUpdate("UPDATE counter SET n = :n WHERE id = 1").bind("n", n).execute());
                List<Future<Long>> seen = new ArrayList<>();
                for (int r = 0; r < 4; r++) {
                    // a statement left open would pin a read snapshot: its reader would see an older n
                    seen.add(readers.submit(() -> db.core().read(h -> h.createQuery("SELECT n FROM counter WHERE id = :id")
                            .bind("id", 1).mapTo(Long.class).one())));
                    readers.submit(() -> db.core().read(h -> h.createQuery("SELECT id FROM counter WHERE n >= :min ORDER BY id")
                            .bind("min", 0).mapTo(Long.class).stream().findFirst())); // a query left unfinished
                }
                for (Future<Long> f : seen) {
                    assertEquals(n, f.get(10, TimeUnit.SECONDS));
                }
            }
            readers.shutdown();
            // and the log can be checkpointed whole: no statement holds a snapshot
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("r.db"));
                 java.sql.ResultSet rs = c.createStatement().executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the checkpoint was blocked: a reader or the writer still held a snapshot");
            }
            assertEquals(0L, java.nio.file.Files.size(dir.resolve("r.db-wal")));
        }
    }

    @Test
    void aCoreStoreCallInsideAWriteRunsInItEvenInsideAnOuterRead() {
        // Jdbi lends a thread's open handle to nested withHandle calls: inside a write, that must be the write's.
        try (Db db = new Db("jdbc:sqlite:" + dir.resolve("s.db"), "NORMAL", 2, 5000)) {
            db.core().write(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
            try {
                db.coreJdbi().withHandle(outer -> db.core().write(unit -> {
                    db.coreJdbi().withHandle(inner -> {
                        assertNotSame(outer, inner, "the store ran on the outer read's connection");
                        return inner.execute("INSERT INTO t(id) VALUES (1)");
                    });
                    throw new IllegalStateException("roll back");
                }));
            } catch (IllegalStateException expected) {
                // the insert goes with the write
            }
            long rows = db.core().read(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Long.class).one());
            assertEquals(0L, rows, "the insert ran outside the write and outlived its rollback");
            long id = db.coreJdbi().withHandle(outer -> {
                db.core().write(unit -> db.coreJdbi().withHandle(inner -> inner.execute("INSERT INTO t(id) VALUES (2)")));
                return outer.createQuery("SELECT MAX(id) FROM t").mapTo(Long.class).one(); // the outer read goes on
            });
            assertEquals(2L, id);
        }
    }

    @Test
    void aWriteInsideAWriteJoinsTheOuterTransaction() {
        try (Db db = new Db("jdbc:sqlite:" + dir.resolve("j.db"), "NORMAL", 2, 5000)) {
            db.core().write(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
            try {
                db.core().write(outer -> {
                    outer.execute("INSERT INTO t(id) VALUES (1)");
                    db.forPlugin().write(inner -> inner.execute("INSERT INTO t(id) VALUES (2)"));
                    throw new IllegalStateException("roll back both");
                });
            } catch (IllegalStateException expected) {
                // both inserts are gone with the outer transaction
            }
            long rows = db.core().read(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Long.class).one());
            assertEquals(0L, rows);
        }
    }
}
