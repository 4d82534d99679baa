package io.kindred.dist;

import io.kindred.testkit.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.nio.file.Path;
import java.time.Duration;
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
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(2);
    private static final int ENOUGH_TO_TELL = 200;

    /** A 2xx answer to an adjustment: the transfer it names must survive anything. */
    record Acknowledged(String idempotencyKey, long userId, long amount, long transferId) {
    }

    @TempDir
    Path tmp;
    private final List<KindredProcess> started = new ArrayList<>();
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);

    @AfterEach
    void stopEverything() throws InterruptedException {
        writers.shutdownNow();
        writers.awaitTermination(30, TimeUnit.SECONDS);
        started.forEach(KindredProcess::close);
    }

    @Test
    void everyAcknowledgedTransferSurvivesKillDashNine() throws Exception {
        Path data = tmp.resolve("data");
        Path log = tmp.resolve("kindred.log");
        KindredProcess first = launch(data, log);
        String key = KindredProcess.cli(data, "apikey", "create", "shop").apiKey();
        List<Long> members = registerMembers(first, 5);

        AtomicBoolean killed = new AtomicBoolean();
        Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<String> serverErrors = new ConcurrentLinkedQueue<>();
        List<Future<?>> load = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            load.add(writers.submit(() -> write(first.withApiKey(key), writer, members, killed, acknowledged, serverErrors)));
        }
        KindredProcess.sleep(LOAD_BEFORE_KILL);
        for (int i = 0; i < 280 && acknowledged.size() < ENOUGH_TO_TELL; i++) { // a slow machine gets up to 30 s in all
            KindredProcess.sleep(Duration.ofMillis(100));
        }
        killed.set(true);
        assertEquals(137, first.kill(), "destroyForcibly() sends SIGKILL: exit status 128 + 9");
        for (Future<?> f : load) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertTrue(serverErrors.isEmpty(), "5xx answers under load: " + serverErrors);
        assertTrue(acknowledged.size() >= 20, "the load acknowledged only " + acknowledged.size() + " transfers before the kill");

        KindredProcess.CliRun doctor = KindredProcess.cli(data, "doctor");
        assertEquals(0, doctor.exitCode(), "doctor after kill -9:\n" + doctor.output());

        KindredProcess second = launch(data, log);
        Http shop = second.withApiKey(key);
        Http.Response check = shop.get("/api/v1/admin/ledger/check");
        assertEquals(200, check.status(), check.body());
        assertTrue(check.json().path("ok").asBoolean(), "ledger check after restart: " + check.body());

        List<String> lost = replayAll(second, key, new ArrayList<>(acknowledged));
        assertTrue(lost.isEmpty(), lost.size() + " of " + acknowledged.size() + " acknowledged transfers were not replayed as such: "
                + lost.subList(0, Math.min(10, lost.size())));
        System.out.printf("CrashIT: %d transfers acknowledged before kill -9, all found again after restart%n", acknowledged.size());
    }

    private KindredProcess launch(Path data, Path log) throws Exception {
        KindredProcess k = KindredProcess.start(data, log, KindredProcess.adminEnv());
        started.add(k);
        return k;
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
        for (Future<?> f : parts) {
            f.get(5, TimeUnit.MINUTES);
        }
        return new ArrayList<>(lost);
    }
}
