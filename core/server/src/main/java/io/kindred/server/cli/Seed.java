package io.kindred.server.cli;

import io.kindred.server.Kindred;
import io.kindred.server.config.Config;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code seed --members N [--ledger M] [--posts P] [--sessions S] [--force]}: fills a stopped Kindred's data
 * directory with a large, realistic brand for benchmarks (issue 21). Kindred is started once without traffic, so
 * that core and every bundled plugin run their migrations as a normal start does, then stopped; the rows are
 * bulk-inserted over one SQLite connection ({@code synchronous=OFF} for the seed only, prepared statements
 * reused, batches, a commit every ~200 k rows). The ledger obeys its invariants ({@code doctor} passes after).
 * A data directory that already has members other than staff is refused unless {@code --force}.
 */
final class Seed {

    /** What to seed. */
    record Plan(long members, long entries, long posts, long sessions, boolean force) {

        static Plan parse(List<String> rest) {
            long members = number(rest, "--members", -1);
            if (members < 1) {
                throw new Cli.UsageException("seed needs --members N (at least 1).");
            }
            long entries = number(rest, "--ledger", members * 10);
            return new Plan(members, entries, number(rest, "--posts", members / 10),
                    Math.min(members, number(rest, "--sessions", 50_000)), rest.contains("--force"));
        }

        private static long number(List<String> rest, String flag, long fallback) {
            int i = rest.indexOf(flag);
            if (i < 0) {
                return fallback;
            }
            try {
                return Long.parseLong(rest.get(i + 1).replace("_", ""));
            } catch (IndexOutOfBoundsException | NumberFormatException e) {
                throw new Cli.UsageException(flag + " needs a whole number.");
            }
        }
    }

    static final String PASSWORD = "seed-password-1";
    static final long COMMIT_EVERY = 200_000;

    private final Path dataDir;
    private final Map<String, String> env;
    private final Map<String, String> overrides;
    private final PrintStream out;

    Seed(Path dataDir, Map<String, String> env, Map<String, String> overrides, PrintStream out) {
        this.dataDir = dataDir;
        this.env = env;
        this.overrides = overrides;
        this.out = out;
    }

    int run(Plan plan) throws Exception {
        long started = System.nanoTime();
        Config config = Config.load(dataDir, env, overrides);
        if (!config.dbUrl().startsWith("jdbc:sqlite:")) {
            out.println("seed writes the embedded SQLite database only.");
            return 1;
        }
        long existing = plan.force() ? 0 : existingMembers(config);
        if (existing > 0) {
            out.println("This data directory already has " + existing + " members; seed fills an empty one only "
                    + "(stop Kindred first). Use --force to add to it anyway.");
            return 1;
        }
        migrate();
        try (Connection c = DriverManager.getConnection(config.dbUrl())) {
            fill(c, plan, started);
        }
        return 0;
    }

    private static long existingMembers(Config config) throws SQLException {
        if (!Files.exists(Path.of(config.dbUrl().substring("jdbc:sqlite:".length())))) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection(config.dbUrl())) {
            return tableExists(c, "users") ? members(c) : 0;
        }
    }

    private void fill(Connection c, Plan plan, long started) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA synchronous = OFF");
            s.execute("PRAGMA cache_size = -262144");
            s.execute("PRAGMA temp_store = MEMORY");
        }
        c.setAutoCommit(false);
        SeedMembers.Result members = new SeedMembers(c, plan, out).run();
        long posts = tableExists(c, "community_posts") ? new SeedCommunity(c, members.firstUserId(), plan, out).run() : -1;
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("ANALYZE");
        }
        Files.write(dataDir.resolve("bench-sessions.txt"), members.tokens());
        out.printf("seed: %d members, %d ledger entries, %s posts in %.1f s; data directory %d MiB; sessions of the "
                        + "first %d members in %s (password of every seeded member: %s)%n",
                plan.members(), members.entries(), posts < 0 ? "no community plugin, 0" : Long.toString(posts),
                (System.nanoTime() - started) / 1e9, size(dataDir) >> 20, members.tokens().size(),
                dataDir.resolve("bench-sessions.txt"), PASSWORD);
    }

    /** Starts and stops Kindred once, on a free port, so that core and plugin migrations have run. */
    private void migrate() throws IOException {
        Map<String, String> quiet = new HashMap<>(overrides);
        quiet.put("port", "0");
        Kindred k = Kindred.start(new Kindred.Options(dataDir, env, quiet, Clock.systemUTC()));
        k.stop();
    }

    /** Members who are not staff (the administrator from the environment, operators). */
    static long members(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            p.setString(1, table);
            try (var rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    static long maxId(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** One reused INSERT, sent in batches; commits the connection every {@link #COMMIT_EVERY} rows of all batches. */
    static final class Rows implements AutoCloseable {
        private static long pending;
        private final Connection c;
        private final PreparedStatement p;
        private int batched;

        Rows(Connection c, String sql) throws SQLException {
            this.c = c;
            this.p = c.prepareStatement(sql);
        }

        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                p.setObject(i + 1, values[i]);
            }
            p.addBatch();
            if (++batched == 1_000) {
                flush();
            }
            if (++pending >= COMMIT_EVERY) {
                pending = 0;
                c.commit();
            }
        }

        void flush() throws SQLException {
            if (batched > 0) {
                p.executeBatch();
                batched = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            flush();
            p.close();
        }
    }
}
