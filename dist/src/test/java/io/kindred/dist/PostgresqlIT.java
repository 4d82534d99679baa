package io.kindred.dist;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The single jar on PostgreSQL, as an operator runs it: {@code KINDRED_DB_URL}, {@code KINDRED_DB_USER} and
 * {@code KINDRED_DB_PASSWORD} name an empty database of the embedded server; every migration of the core and of every
 * bundled plugin runs, every plugin starts, and money moves over HTTP.
 */
class PostgresqlIT {

    private static final Pattern MIGRATION = Pattern.compile("db/([A-Za-z0-9_-]+)/V(\\d+)__[A-Za-z0-9_-]+?(?:\\.(?:sqlite|postgresql))?\\.sql");

    @TempDir
    Path tmp;
    private KindredProcess kindred;

    @AfterEach
    void stop() {
        if (kindred != null) {
            kindred.close();
        }
    }

    @Test
    void theJarRunsEveryMigrationAndEveryBundledPluginOnPostgresql() throws Exception {
        EmbeddedPostgres pg = TestDatabases.server();
        String database = "kindred_it_" + ProcessHandle.current().pid();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("DROP ROLE IF EXISTS kindred_it");
            s.execute("CREATE ROLE kindred_it LOGIN PASSWORD 'it-password'");
            s.execute("CREATE DATABASE " + database + " OWNER kindred_it");
        }
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database;
        Map<String, String> env = new HashMap<>(KindredProcess.adminEnv());
        env.put("KINDRED_DB_URL", url);
        env.put("KINDRED_DB_USER", "kindred_it");
        env.put("KINDRED_DB_PASSWORD", "it-password");

        kindred = KindredProcess.start(tmp.resolve("data"), tmp.resolve("kindred.log"), env);

        assertTrue(kindred.log().contains("database localhost:" + pg.getPort() + "/" + database), "the ready line names it");
        assertFalse(kindred.log().contains("it-password"), "no password in the log");
        JsonNode health = kindred.http().get("/healthz").json();
        Map<String, Integer> expected = bundledMigrations();
        assertFalse(health.path("plugins").isEmpty());
        for (JsonNode p : health.path("plugins")) {
            assertEquals("STARTED", p.path("state").asText(), p.toString());
        }
        Map<String, Integer> applied = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, "kindred_it", "it-password");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT owner, COUNT(*) FROM schema_migrations GROUP BY owner")) {
            while (rs.next()) {
                applied.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertEquals(expected, applied, "every migration file of the core and of each bundled plugin ran once");

        // Money moves: a member, a purchase from the shop's server, an adjustment; the ledger adds up.
        Http admin = kindred.admin();
        Http member = kindred.http();
        Http.Response signup = member.post("/api/v1/auth/register",
                Map.of("email", "pg@members.test", "password", "member-password-1", "displayName", "Pat"));
        assertEquals(201, signup.status(), signup.body());
        long userId = signup.json().at("/user/id").asLong();
        Http.Response purchase = admin.post("/api/v1/admin/purchases", Map.of("userId", userId,
                "externalOrderId", "PG-1", "amount", 12_900, "currency", "CNY"));
        assertEquals(201, purchase.status(), purchase.body());
        Http.Response again = admin.post("/api/v1/admin/purchases", Map.of("userId", userId,
                "externalOrderId", "PG-1", "amount", 12_900, "currency", "CNY"));
        assertEquals(200, again.status(), again.body());
        Http.Response adjustment = admin.post("/api/v1/admin/ledger/adjustments",
                Map.of("userId", userId, "asset", "points", "amount", 50, "reason", "welcome on PostgreSQL"),
                Map.of("Idempotency-Key", "pg-1"));
        assertEquals(201, adjustment.status(), adjustment.body());
        assertTrue(member.get("/api/v1/me/balances").json().at("/balances/points").asLong() >= 50);
        Http.Response check = admin.get("/api/v1/admin/ledger/check");
        assertTrue(check.json().path("ok").asBoolean(), check.body());
        assertEquals(200, member.get("/").status(), "the member's home page renders from PostgreSQL");
    }

    /** @return per owner ("core", "plugin:<id>"), how many migration versions the jar and its bundled plugins carry */
    private static Map<String, Integer> bundledMigrations() throws IOException {
        Map<String, TreeSet<Integer>> versions = new TreeMap<>();
        try (JarFile jar = new JarFile(KindredProcess.jar().toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                note(e.getName(), versions);
                if (e.getName().startsWith("bundled-plugins/") && e.getName().endsWith(".jar")) {
                    try (InputStream in = jar.getInputStream(e); JarInputStream plugin = new JarInputStream(in)) {
                        for (JarEntry pe = plugin.getNextJarEntry(); pe != null; pe = plugin.getNextJarEntry()) {
                            note(pe.getName(), versions);
                        }
                    }
                }
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        versions.forEach((owner, v) -> counts.put(owner, v.size()));
        return counts;
    }

    private static void note(String entry, Map<String, TreeSet<Integer>> versions) {
        Matcher m = MIGRATION.matcher(entry);
        if (m.matches()) {
            String owner = m.group(1).equals("core") ? "core" : "plugin:" + m.group(1);
            versions.computeIfAbsent(owner, k -> new TreeSet<>()).add(Integer.parseInt(m.group(2)));
        }
    }
}
