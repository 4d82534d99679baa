package io.kindred.dist;

import io.kindred.testkit.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Check-ins under load go through the group commit (many requests, one commit) and their listeners run in
 * batches: the jar is killed with SIGKILL in the middle of a check-in rush and restarted on the same data. Every
 * check-in that was acknowledged (201) must still be there, and after the restart every check-in must get its
 * listeners' effects (the membership plugin's growth) exactly once.
 */
@Isolated("kill -9 under load, with deadlines: it runs with no other test class beside it.")
class CheckinCrashIT {

    private static final int MEMBERS = 3_000;
    private static final int CONCURRENCY = 16;
    private static final int ENOUGH_TO_TELL = 150;

    @TempDir
    Path tmp;
    private KillUnderLoad crash;

    @BeforeEach
    void scaffolding() {
        crash = new KillUnderLoad(tmp, CONCURRENCY);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        crash.close();
    }

    @Test
    void everyAcknowledgedCheckInSurvivesKillDashNineAndGetsItsGrowthOnce() throws Exception {
        Path data = tmp.resolve("data");
        KindredProcess first = crash.launch(data);
        Queue<String> tokens = new ConcurrentLinkedQueue<>(seedMembersWithSessions(data.resolve("kindred.db")));

        Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<String> serverErrors = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            crash.load(() -> checkIn(first, tokens, crash.killed, acknowledged, serverErrors));
        }
        crash.killWhenEnough(first, acknowledged::size, ENOUGH_TO_TELL);
        assertTrue(serverErrors.isEmpty(), "5xx answers under load: " + serverErrors);
        assertTrue(acknowledged.size() >= 20, "the load acknowledged only " + acknowledged.size() + " check-ins before the kill");

        KindredProcess second = crash.launch(data);
        Path db = data.resolve("kindred.db");
        List<Long> checkedIn = longs(db, "SELECT user_id FROM checkins");
        List<Long> lost = acknowledged.stream().filter(id -> !checkedIn.contains(id)).toList();
        assertEquals(List.of(), lost, "acknowledged check-ins lost by kill -9 (of " + acknowledged.size() + ")");

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long missing;
        do {
            KindredProcess.sleep(Duration.ofMillis(200));
            missing = longs(db, """
                    SELECT COUNT(*) FROM checkins c
                     WHERE NOT EXISTS (SELECT 1 FROM membership_awards a WHERE a.source = 'checkin' AND a.user_id = c.user_id)""")
                    .get(0);
        } while (missing > 0 && System.nanoTime() < deadline);
        assertEquals(0, missing, "check-ins whose growth never came after the restart");
        assertEquals(longs(db, "SELECT COUNT(*) FROM checkins").get(0),
                longs(db, "SELECT COUNT(*) FROM membership_awards WHERE source = 'checkin'").get(0), "growth once per check-in");
        assertEquals(List.of(0L), longs(db, """
                SELECT COUNT(*) FROM checkins c JOIN ledger_accounts a ON a.user_id = c.user_id AND a.asset = 'growth'
                 WHERE a.balance <> 1"""), "each member's growth balance is the one check-in's growth");

        Http.Response check = second.admin().get("/api/v1/admin/ledger/check");
        assertTrue(check.json().path("ok").asBoolean(), "ledger check after restart: " + check.body());
        System.out.printf("CheckinCrashIT: %d check-ins acknowledged before kill -9, %d committed, all with their growth%n",
                acknowledged.size(), checkedIn.size());
    }

    /** One member per check-in, as in a campaign's first minutes; records each member whose check-in answered 201. */
    private static void checkIn(KindredProcess k, Queue<String> tokens, AtomicBoolean killed, Queue<Long> acknowledged,
                                Queue<String> serverErrors) {
        String token;
        while (!killed.get() && (token = tokens.poll()) != null) {
            Http member = k.http().header("Cookie", "kindred_session=" + token);
            Http.Response r;
            try {
                r = member.post("/api/v1/checkins", java.util.Map.of());
            } catch (IllegalStateException connectionLost) {
                return; // the kill: whatever was in flight may or may not have been committed
            }
            if (r.status() == 201) {
                acknowledged.add(Long.parseLong(token.substring(token.lastIndexOf('-') + 1)));
            } else if (r.status() >= 500) {
                serverErrors.add(r.status() + " " + r.body());
            }
        }
    }

    /**
     * Members and their sessions written straight into the database (signing up thousands through the API would
     * spend the test's time on password hashing); a token ends with its member's id.
     */
    private static List<String> seedMembersWithSessions(Path db) throws Exception {
        List<String> tokens = new ArrayList<>();
        long now = System.currentTimeMillis();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=30000");
            }
            c.setAutoCommit(false);
            try (PreparedStatement user = c.prepareStatement("""
                    INSERT INTO users(email, display_name, referral_code, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?) RETURNING id""");
                 PreparedStatement session = c.prepareStatement("""
                    INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, 'crash', ?, ?)""")) {
                for (int i = 0; i < MEMBERS; i++) {
                    user.setString(1, "rush" + i + "@crash.test");
                    user.setString(2, "Rush " + i);
                    user.setString(3, "RUSH" + i);
                    user.setLong(4, now);
                    user.setLong(5, now);
                    long id;
                    try (ResultSet rs = user.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    String token = HexFormat.of().formatHex(sha.digest(("rush:" + now + ":" + i).getBytes(StandardCharsets.UTF_8)))
                            + "-" + id;
                    session.setString(1, HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8))));
                    session.setLong(2, id);
                    session.setLong(3, now);
                    session.setLong(4, now + 86_400_000L);
                    session.executeUpdate();
                    tokens.add(token);
                }
            }
            c.commit();
        }
        return tokens;
    }

    private static List<Long> longs(Path db, String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
