package io.kindred.server.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The writer's kept statements are really reused, also those with named parameters, and never shared while in use. */
class StatementCacheTest {

    @TempDir
    Path dir;

    /** Work on a handle of a real SQLite file whose statements come from {@code cache}. */
    private interface Work {
        void run(Handle h, StatementCache cache);
    }

    private void withCache(String file, Work work) throws Exception {
        StatementCache cache = new StatementCache();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(file))) {
            Jdbi jdbi = Jdbi.create(c);
            jdbi.setStatementBuilderFactory(connection -> cache);
            try (Handle h = jdbi.open()) {
                work.run(h, cache);
            }
            cache.clear();
        }
    }

    @Test
    void aStatementWithNamedParametersIsPreparedOnceAndAnswersEachBindingRightly() throws Exception {
        withCache("s.db", (h, cache) -> {
            h.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)");
            for (int i = 1; i <= 5; i++) {
                h.createUpdate("INSERT INTO t(id, name) VALUES (:id, :name)").bind("id", i).bind("name", "n" + i).execute();
            }
            long afterInserts = cache.prepared();
            for (int i = 1; i <= 5; i++) {
                assertEquals("n" + i, h.createQuery("SELECT name FROM t WHERE id = :id").bind("id", i)
                        .mapTo(String.class).one());
            }
            assertEquals(afterInserts + 1, cache.prepared(), "five runs of one query, one statement prepared");
            assertEquals(2, afterInserts, "the table and the insert");
        });
    }

    @Test
    void theSameQueryInsideItsOwnIterationGetsAStatementOfItsOwn() throws Exception {
        withCache("n.db", (h, cache) -> {
            h.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, parent INTEGER)");
            h.execute("INSERT INTO t(id, parent) VALUES (1, 0), (2, 1), (3, 1)");
            String sql = "SELECT id FROM t WHERE parent = :p ORDER BY id";
            List<String> pairs = new java.util.ArrayList<>();
            try (var outer = h.createQuery(sql).bind("p", 0).mapTo(Integer.class).stream()) {
                outer.forEach(id -> h.createQuery(sql).bind("p", id).mapTo(Integer.class).forEach(k -> pairs.add(id + ">" + k)));
            }
            assertEquals(List.of("1>2", "1>3"), pairs);
            assertEquals(List.of(2, 3), h.createQuery(sql).bind("p", 1).mapTo(Integer.class).list());
        });
    }
}
