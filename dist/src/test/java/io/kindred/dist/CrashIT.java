package io.kindred.dist;

import io.kindred.testkit.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the single jar with SIGKILL in the middle of a write load and restarts it on the same data
 * directory: every transfer that was acknowledged must still be there, and the ledger must be sound
 * (the default {@code db.synchronous=FULL}).
 */
@Isolated("kill -9 under load, with deadlines: it runs with no other test class beside it.")
class CrashIT {

    private static final int WRITERS = 6;
    private static final int MAX_REQUESTS_PER_WRITER = 50_000;
    private static final int ENOUGH_TO_TELL = 200;

    /** A 2xx answer to an adjustment: the transfer it names must survive anything. */
    record Acknowledged(String idempotencyKey, long userId, long amount, long transferId) {
    }

    @TempDir
    Path tmp;
    private KillUnderLoad crash;

    @BeforeEach
    void scaffolding() {
        crash = new KillUnderLoad(tmp, WRITERS);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        crash.close();
    }

    @Test
    void everyAcknowledgedTransferSurvivesKillDashNine() throws Exception {
        Path data = tmp.resolve("data");
        KindredProcess first = crash.launch(data);
        String key = KindredProcess.cli(data, "apikey", "create", "shop").apiKey();
        List<Long> members = registerMembers(first, 5);

        Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<String> serverErrors = new ConcurrentLinkedQueue<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            crash.load(() -> write(first.withApiKey(key), writer, members, crash.killed, acknowledged, serverErrors));
        }
        crash.killWhenEnough(first, acknowledged::size, ENOUGH_TO_TELL);
        assertTrue(serverErrors.isEmpty(), "5xx answers under load: " + serverErrors);
        assertTrue(acknowledged.size() >= 20, "the load acknowledged only " + acknowledged.size() + " transfers before the kill");

        KindredProcess.CliRun doctor = KindredProcess.cli(data, "doctor");
        assertEquals(0, doctor.exitCode(), "doctor after kill -9:\n" + doctor.output());

        KindredProcess second = crash.launch(data);
        Http shop = second.withApiKey(key);
        Http.Response check = shop.get("/api/v1/admin/ledger/check");
        assertEquals(200, check.status(), check.body());
        assertTrue(check.json().path("ok").asBoolean(), "ledger check after restart: " + check.body());

        List<String> lost = replayAll(second, key, new ArrayList<>(acknowledged));
        assertTrue(lost.isEmpty(), lost.size() + " of " + acknowledged.size() + " acknowledged transfers were not replayed as such: "
                + lost.subList(0, Math.min(10, lost.size())));
        System.out.printf("CrashIT: %d transfers acknowledged before kill -9, all found again after restart%n", acknowledged.size());
    }

    private static List<Long> registerMembers(KindredProcess k, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Http.Response r = k.http().post("/api/v1/auth/register",
                    Map.of("email", "member" + i + "@crash.test", "password", "member-password-" + i, "displayName", "Member " + i));
            assertEquals(201, r.status(), r.body());
            ids.add(r.json().path("user").path("id").asLong());
        }
        return ids;
    }

    /** Credits and debits as fast as the server takes them, until the server is killed; records each 2xx. */
    private static void write(Http shop, int writer, List<Long> members, AtomicBoolean killed,
                              Queue<Acknowledged> acknowledged, Queue<String> serverErrors) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < MAX_REQUESTS_PER_WRITER && !killed.get(); i++) {
            long userId = members.get(random.nextInt(members.size()));
            long amount = random.nextInt(10) < 6 ? random.nextLong(1, 100) : -random.nextLong(1, 60);
            String idempotencyKey = "crash-" + writer + "-" + i;
            Http.Response r;
            try {
                r = shop.post("/api/v1/admin/ledger/adjustments", adjustment(userId, amount), Map.of("Idempotency-Key", idempotencyKey));
            } catch (IllegalStateException connectionLost) {
                return; // the kill: whatever was in flight may or may not have been committed
            }
            if (r.status() / 100 == 2) {
                acknowledged.add(new Acknowledged(idempotencyKey, userId, amount, r.json().path("transfer").path("id").asLong()));
            } else if (r.status() >= 500) {
                serverErrors.add(r.status() + " " + r.body());
            }
        }
    }

    private static Map<String, Object> adjustment(long userId, long amount) {
        return Map.of("userId", userId, "asset", "points", "amount", amount, "reason", "crash test");
    }

    /** Posts every acknowledged request again: each must be a replay (200) of the very same transfer. */
    private List<String> replayAll(KindredProcess k, String key, List<Acknowledged> all) throws Exception {
        Queue<String> lost = new ConcurrentLinkedQueue<>();
        List<Future<?>> parts = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int part = w;
            parts.add(writers.submit(() -> {
                Http shop = k.withApiKey(key);
                for (int i = part; i < all.size(); i += WRITERS) {
                    Acknowledged a = all.get(i);
                    Http.Response r = shop.post("/api/v1/admin/ledger/adjustments", adjustment(a.userId(), a.amount()),
                            Map.of("Idempotency-Key", a.idempotencyKey()));
                    long id = r.json() == null ? -1 : r.json().path("transfer").path("id").asLong(-1);
                    if (r.status() != 200 || id != a.transferId()) {
                        lost.add(a + " -> " + r.status() + " " + r.body());
                    }
                }
            }));
        }
        try {
            for (Future<?> f : parts) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }
        return new ArrayList<>(lost);
    }
}
