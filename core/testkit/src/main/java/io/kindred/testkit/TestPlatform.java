package io.kindred.testkit;

import io.kindred.server.Kindred;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Kindred for a test: a fresh data directory with its own SQLite file (or, with
 * {@code -Dkindred.test.db=postgresql}, a fresh database on an embedded PostgreSQL server: {@link TestDatabases}), a
 * random port, and plugins loaded through PF4J from their jars, as the single jar does. Close it at the end of the
 * test.
 *
 * <pre>{@code
 * try (TestPlatform p = TestPlatform.builder().plugin(Path.of(System.getProperty("kindred.plugin.jar"))).start()) {
 *     Http admin = p.admin();
 * }
 * }</pre>
 */
public final class TestPlatform implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@kindred.test";
    public static final String ADMIN_PASSWORD = "admin-password-1";

    private final Path dataDir;
    private final boolean ownDir;
    /** The PostgreSQL database made for this platform, dropped on close; null on SQLite. */
    private final String ownDatabase;
    private Kindred kindred;
    private final Kindred.Options options;

    private TestPlatform(Path dataDir, boolean ownDir, String ownDatabase, Kindred.Options options) throws IOException {
        this.dataDir = dataDir;
        this.ownDir = ownDir;
        this.ownDatabase = ownDatabase;
        this.options = options;
        this.kindred = Kindred.start(options);
        kindred.adminReady.join(); // tests read the administrator's row at once, not only through sign-in
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a platform. */
    public static final class Builder {
        private Path dataDir;
        private final List<Path> plugins = new ArrayList<>();
        private final List<String> disabled = new ArrayList<>();
        private final Map<String, String> env = new HashMap<>();
        private final Map<String, String> properties = new HashMap<>();
        private Clock clock = Clock.systemUTC();
        private boolean postgresql = TestDatabases.postgresql();

        Builder() {
            env.put("KINDRED_ADMIN_EMAIL", ADMIN_EMAIL);
            env.put("KINDRED_ADMIN_PASSWORD", ADMIN_PASSWORD);
        }

        /** Uses this data directory (kept after close) instead of a temporary one. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Copies a plugin jar into {@code plugins/}. */
        public Builder plugin(Path jar) {
            plugins.add(jar);
            return this;
        }

        /** Lists a plugin in {@code plugins/disabled.txt} before start. */
        public Builder disabled(String pluginId) {
            disabled.add(pluginId);
            return this;
        }

        /** Sets a setting as an environment variable would ({@code site.timezone}, ...). */
        public Builder setting(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Builder env(String name, String value) {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
            return this;
        }

        /**
         * Runs this platform on a fresh database of the embedded PostgreSQL server, whatever
         * {@code -Dkindred.test.db} says: for the tests that check PostgreSQL in every build.
         */
        public Builder postgresql() {
            this.postgresql = true;
            return this;
        }

        /** Runs this platform on SQLite whatever {@code -Dkindred.test.db} says: for tests of SQLite itself (its query plans). */
        public Builder sqlite() {
            this.postgresql = false;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public TestPlatform start() {
            try {
                boolean own = dataDir == null;
                Path dir = own ? Files.createTempDirectory("kindred-test-") : dataDir;
                Path pluginsDir = dir.resolve("plugins");
                Files.createDirectories(pluginsDir);
                for (Path jar : plugins) {
                    Files.copy(jar, pluginsDir.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                if (!disabled.isEmpty()) {
                    Files.write(pluginsDir.resolve("disabled.txt"), disabled, StandardCharsets.UTF_8);
                }
                Map<String, String> overrides = new HashMap<>(properties);
                overrides.putIfAbsent("port", "0");
                overrides.putIfAbsent("db.synchronous", "NORMAL");
                // Tests move the clock by days between requests: idle timeouts stay off unless a test sets them.
                overrides.putIfAbsent("session.idle-hours", "0");
                overrides.putIfAbsent("session.staff-idle-minutes", "0");
                // A data directory keeps its database for the JVM's life: a later platform on the same folder finds it.
                String database = null;
                if (postgresql && !overrides.containsKey("kindred.db.url") && !env.containsKey("KINDRED_DB_URL")) {
                    database = TestDatabases.forDirectory(dir);
                    overrides.put("kindred.db.url", database);
                }
                return new TestPlatform(dir, own, own ? database : null, new Kindred.Options(dir, env, overrides, clock));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Kindred kindred() {
        return kindred;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + kindred.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A new client with its own cookie jar. */
    public Http http() {
        return new Http(baseUrl());
    }

    /**
     * A client signed in as the bootstrap administrator. Sign-ins racing each other (tests that call this from many
     * threads at once) may find the credential throttle's tokens all held by attempts still being checked; such a
     * sign-in is tried again for a moment, as each success gives its token back.
     */
    public Http admin() {
        Http h = http();
        Http.Response r = h.post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        for (int tries = 0; r.status() == 429 && tries < 200; tries++) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            r = h.post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        }
        if (r.status() != 200) {
            throw new IllegalStateException("admin sign-in failed: " + r.status() + " " + r.body());
        }
        return h;
    }

    /** Registers a member and returns their signed-in client. */
    public Http member(String email, String displayName) {
        Http h = http();
        Http.Response r = h.post("/api/v1/auth/register", Map.of("email", email, "password", "member-password-1",
                "displayName", displayName));
        if (r.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + r.status() + " " + r.body());
        }
        return h;
    }

    /** Creates an API key and returns a client that uses it. */
    public Http apiClient(String name) {
        String secret = kindred.apiKeys.create(name).secret();
        return http().header("X-Requested-With", null).bearer(secret);
    }

    /** Creates an API key that holds only the given scopes and returns a client that uses it. */
    public Http apiClient(String name, io.kindred.api.web.Scope... scopes) {
        String secret = kindred.apiKeys.create(name, java.util.Set.of(scopes), null).secret();
        return http().header("X-Requested-With", null).bearer(secret);
    }

    /** Waits until every event written so far has been handled by every active subscriber. */
    /**
     * @return a member's export as an operator downloads it ({@code GET /api/v1/admin/users/{id}/export}); a plugin's
     * part is {@code exportOf(id).path("plugins").path("<section>")}
     */
    public com.fasterxml.jackson.databind.JsonNode exportOf(long userId) {
        Http.Response r = admin().get("/api/v1/admin/users/" + userId + "/export");
        if (r.status() != 200) {
            throw new IllegalStateException("export failed: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** Erases a member's personal data as an operator does on request; @return the {@code erasure} object */
    public com.fasterxml.jackson.databind.JsonNode erase(long userId) {
        Http.Response r = admin().post("/api/v1/admin/users/" + userId + "/erase", Map.of());
        if (r.status() != 200) {
            throw new IllegalStateException("erase failed: " + r.status() + " " + r.body());
        }
        return r.json().path("erasure");
    }

    /**
     * @return the database file and its write-ahead log after a checkpoint, as ISO-8859-1 text: what someone with a copy
     * of the files reads (an ASCII value shows as it is); on PostgreSQL every row of every table, as text
     */
    public String databaseText() {
        if (kindred.database.dialect().equals("postgresql")) {
            // Every row of every table as text: what a dump of the database shows (old row versions wait for VACUUM
            // in the server's files; that is the server's business, as its backups are).
            return kindred.database.read(h -> {
                StringBuilder rows = new StringBuilder();
                for (String table : h.createQuery("""
                                SELECT table_name FROM information_schema.tables
                                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")
                        .mapTo(String.class).list()) {
                    h.createQuery("SELECT CAST(t AS TEXT) FROM \"" + table + "\" t").mapTo(String.class)
                            .forEach(r -> rows.append(r).append('\n'));
                }
                return rows.toString();
            });
        }
        kindred.db.coreJdbi().useHandle(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list());
        StringBuilder text = new StringBuilder();
        for (String name : List.of("kindred.db", "kindred.db-wal")) {
            Path file = dataDir().resolve(name);
            try {
                if (Files.exists(file)) {
                    text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }

    /** @return the names of the database's tables that start with {@code prefix}, sorted (SQLite or PostgreSQL alike) */
    public List<String> tables(String prefix) {
        return kindred.database.read(h -> {
            List<String> names = new ArrayList<>();
            try (java.sql.ResultSet rs = h.getConnection().getMetaData().getTables(null, null, prefix + "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (name.startsWith(prefix)) { // "_" is a wildcard in the pattern
                        names.add(name);
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot list the tables: " + e.getMessage(), e);
            }
            java.util.Collections.sort(names);
            return names;
        });
    }

    /** @return whether the database has a table of this name */
    public boolean hasTable(String name) {
        return tables(name).contains(name);
    }

    public void awaitEvents() {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            // A disabled plugin's subscriber keeps its row (and its place) but is not waited for.
            List<String> behind = kindred.database.read(h -> h.createQuery("""
                    SELECT s.name FROM event_subscribers s
                     WHERE EXISTS (SELECT 1 FROM events e WHERE e.type = s.event_type AND e.id > s.cursor_id)""")
                    .mapTo(String.class).list());
            if (behind.stream().noneMatch(kindred.dispatcher::isActive)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("events were not handled within 20 s");
    }

    /** Stops and starts the same platform on the same data directory (a new port). */
    public void restart() {
        kindred.stop();
        try {
            kindred = Kindred.start(options);
            kindred.adminReady.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        kindred.stop();
        if (ownDatabase != null) {
            TestDatabases.drop(ownDatabase);
        }
        if (ownDir) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp files; the OS cleans up
            }
        }
    }
}
