package io.kindred.dist;

import io.kindred.testkit.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's commands of the single jar: {@code backup}, {@code apikey}, {@code doctor}, usage. */
class CliIT {

    @TempDir
    Path tmp;
    private final List<KindredProcess> started = new ArrayList<>();
    private final ExecutorService load = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopEverything() throws InterruptedException {
        load.shutdownNow();
        load.awaitTermination(30, TimeUnit.SECONDS);
        started.forEach(KindredProcess::close);
    }

    private KindredProcess launch(Path data) throws Exception {
        KindredProcess k = KindredProcess.start(data, tmp.resolve("kindred.log"), KindredProcess.adminEnv());
        started.add(k);
        return k;
    }

    @Test
    void backupWhileServingWritesIsAValidDatabaseThatDoctorAccepts() throws Exception {
        Path data = tmp.resolve("data");
        KindredProcess k = launch(data);
        String key = KindredProcess.cli(data, "apikey", "create", "shop").apiKey();
        long member = register(k, "backup@cli.test");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        Future<?> writes = load.submit(() -> {
            Http shop = k.withApiKey(key);
            for (int i = 0; i < 5_000 && !stop.get(); i++) {
                Http.Response r = shop.post("/api/v1/admin/ledger/adjustments",
                        Map.of("userId", member, "asset", "points", "amount", 3, "reason", "backup test"));
                assertEquals(201, r.status(), r.body());
                written.incrementAndGet();
                KindredProcess.sleep(Duration.ofMillis(5));
            }
        });
        awaitAtLeast(written, 10);
        Path backup = tmp.resolve("backups").resolve("kindred-backup.db");
        int writtenBeforeBackup = written.get();
        KindredProcess.CliRun run = KindredProcess.cli(data, "backup", "--to", backup.toString());
        int writtenDuringBackup = written.get();
        stop.set(true);
        writes.get(60, TimeUnit.SECONDS);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Backup written to"), run.output());
        assertTrue(writtenDuringBackup > writtenBeforeBackup, "the server kept taking writes while the backup ran");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup)) {
            assertEquals("ok", one(c, "PRAGMA integrity_check"));
            assertEquals("2", one(c, "SELECT COUNT(*) FROM users"), "the administrator and the member");
            assertTrue(Long.parseLong(one(c, "SELECT COUNT(*) FROM ledger_transfers")) >= 10);
        }

        Path restored = tmp.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(backup, restored.resolve("kindred.db"));
        KindredProcess.CliRun doctor = KindredProcess.cli(restored, "doctor");
        assertEquals(0, doctor.exitCode(), doctor.output());
    }

    @Test
    void backupRefusesToOverwriteAFile() throws Exception {
        Path data = tmp.resolve("data");
        launch(data);
        Path existing = tmp.resolve("precious.db");
        byte[] before = "not yours to overwrite".getBytes();
        Files.write(existing, before);

        KindredProcess.CliRun run = KindredProcess.cli(data, "backup", "--to", existing.toString());

        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("will not overwrite " + existing), run.output());
        assertArrayEquals(before, Files.readAllBytes(existing));
    }

    @Test
    void backupOfAMistypedDataDirectoryFailsAndCreatesNothing() throws Exception {
        Path typo = tmp.resolve("kindred-dta");
        Path backup = tmp.resolve("backup.db");

        KindredProcess.CliRun run = KindredProcess.cli(typo, "backup", "--to", backup.toString());

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("No data directory at " + typo), run.output());
        assertFalse(Files.exists(backup), "no empty backup that looks like a real one");
        assertFalse(Files.exists(typo), "no new data directory with an empty database");
    }

    @Test
    void apiKeyCreatedOnTheCommandLineWorksUntilRevoked() throws Exception {
        Path data = tmp.resolve("data");
        KindredProcess k = launch(data);

        KindredProcess.CliRun created = KindredProcess.cli(data, "apikey", "create", "erp");
        assertEquals(0, created.exitCode(), created.output());
        Http erp = k.withApiKey(created.apiKey());
        Http.Response plugins = erp.get("/api/v1/admin/plugins");
        assertEquals(200, plugins.status(), plugins.body());
        assertTrue(plugins.json().path("items").isArray(), plugins.body());

        KindredProcess.CliRun revoked = KindredProcess.cli(data, "apikey", "revoke", "erp");
        assertEquals(0, revoked.exitCode(), revoked.output());
        Http.Response after = erp.get("/api/v1/admin/plugins");
        assertEquals(401, after.status(), after.body());
        assertEquals("invalid_api_key", after.errorCode());
    }

    @Test
    void doctorPassesAHealthyDataDirectoryAndReportsATamperedBalance() throws Exception {
        Path data = tmp.resolve("data");
        KindredProcess k = launch(data);
        long member = register(k, "doctor@cli.test");
        Http.Response credit = k.admin().post("/api/v1/admin/ledger/adjustments",
                Map.of("userId", member, "asset", "points", "amount", 40, "reason", "doctor test"));
        assertEquals(201, credit.status(), credit.body());
        assertEquals(0, k.terminate(Duration.ofSeconds(30)));

        KindredProcess.CliRun healthy = KindredProcess.cli(data, "doctor");
        assertEquals(0, healthy.exitCode(), healthy.output());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("kindred.db"));
             Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE ledger_accounts SET balance = balance + 5 WHERE user_id = " + member
                    + " AND asset = 'points'"));
        }
        KindredProcess.CliRun tampered = KindredProcess.cli(data, "doctor");
        assertEquals(1, tampered.exitCode(), tampered.output());
        Matcher problem = Pattern.compile("PROBLEM ledger: account \\d+ has balance (\\d+) but its entries add up to (\\d+)")
                .matcher(tampered.output());
        assertTrue(problem.find(), tampered.output());
        assertEquals(5, Long.parseLong(problem.group(1)) - Long.parseLong(problem.group(2)), tampered.output());
    }

    @Test
    void unknownCommandExitsTwoWithUsage() throws Exception {
        KindredProcess.CliRun run = KindredProcess.cli(tmp.resolve("data"), "frobnicate");

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("Unknown command 'frobnicate'"), run.output());
        assertTrue(run.output().contains("Usage: java -jar kindred.jar"), run.output());
    }

    @Test
    void helpExitsZeroWithUsage() throws Exception {
        KindredProcess.CliRun run = KindredProcess.cli(null, "--help");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Usage: java -jar kindred.jar"), run.output());
        assertTrue(run.output().contains("backup --to FILE"), run.output());
    }

    private static long register(KindredProcess k, String email) {
        Http.Response r = k.http().post("/api/v1/auth/register", Map.of("email", email, "password", "member-password-1",
                "displayName", "Member"));
        assertEquals(201, r.status(), r.body());
        return r.json().path("user").path("id").asLong();
    }

    private static void awaitAtLeast(AtomicInteger counter, int n) {
        for (int i = 0; i < 600 && counter.get() < n; i++) {
            KindredProcess.sleep(Duration.ofMillis(50));
        }
        assertTrue(counter.get() >= n, "only " + counter.get() + " writes in 30 s");
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
