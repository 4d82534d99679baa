package io.kindred.core;

import io.kindred.api.KindredException;
import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.Transfer;
import io.kindred.api.ledger.TransferRequest;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many writers on the ledger at once, through HTTP and through the Java API: every idempotency key is
 * applied once, no member balance goes below zero, and the ledger's own invariant check stays clean.
 */
class LedgerConcurrencyTest {

    /** The platform each test starts: SQLite here, PostgreSQL in {@code LedgerConcurrencyOnPostgresqlTest}. */
    TestPlatform.Builder builder() {
        return TestPlatform.builder();
    }

    private TestPlatform platform;
    private Http shop;

    @BeforeEach
    void start() {
        platform = builder().start();
        shop = platform.apiClient("shop");
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    /** One adjustment as the shop would post it; each is sent twice with the same key. */
    private record Adjustment(String key, long userId, long amount) {
        boolean overdraw() {
            return amount < -OVERDRAW_THRESHOLD;
        }
    }

    private static final long SEED = 1_000;
    private static final long OVERDRAW_THRESHOLD = 10_000;

    @Test
    void twoHundredParallelTransfersApplyEachKeyOnceAndKeepInvariants() throws Exception {
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(memberId(platform.member("m" + i + "@ledger.test", "Member " + i)));
        }
        for (long id : members) {
            Http.Response seed = adjust(id, SEED, "seed-" + id);
            assertEquals(201, seed.status(), seed.body());
        }

        // 100 adjustments, each sent twice with its key: credits, small debits that always fit, and overdraws.
        Random random = new Random(7);
        List<Adjustment> adjustments = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long userId = members.get(i % members.size());
            long amount = switch (i % 5) {
                case 0, 1 -> 5 + random.nextInt(46);
                case 2, 3 -> -(10 + random.nextInt(51));
                default -> -(OVERDRAW_THRESHOLD + 1 + random.nextInt(1000));
            };
            adjustments.add(new Adjustment("op-" + i, userId, amount));
        }
        List<Adjustment> requests = new ArrayList<>(adjustments);
        requests.addAll(adjustments);
        Collections.shuffle(requests, random);

        Map<String, List<Http.Response>> responses = new ConcurrentHashMap<>();
        runInParallel(32, requests.stream().<Callable<Void>>map(a -> () -> {
            Http.Response r = adjust(a.userId(), a.amount(), a.key());
            responses.computeIfAbsent(a.key(), k -> Collections.synchronizedList(new ArrayList<>())).add(r);
            return null;
        }).toList());

        Map<Long, Long> expected = new HashMap<>();
        members.forEach(id -> expected.put(id, SEED));
        int applied = 0;
        for (Adjustment a : adjustments) {
            List<Http.Response> rs = responses.get(a.key());
            assertEquals(2, rs.size(), a.key());
            if (a.overdraw()) {
                for (Http.Response r : rs) {
                    assertEquals(409, r.status(), r.body());
                    assertEquals("insufficient_points", r.errorCode());
                }
                assertEquals(0, transfersWithKey(a.key()), a.key() + " must not be applied");
            } else {
                List<Integer> statuses = rs.stream().map(Http.Response::status).sorted().toList();
                assertEquals(List.of(200, 201), statuses, a.key() + ": " + rs);
                assertEquals(rs.get(0).json().at("/transfer/id").asLong(), rs.get(1).json().at("/transfer/id").asLong(),
                        "a repeated key answers the first transfer");
                assertEquals(1, transfersWithKey(a.key()), a.key() + " must be applied once");
                expected.merge(a.userId(), a.amount(), Long::sum);
                applied++;
            }
        }

        Http admin = platform.admin();
        for (long id : members) {
            long balance = admin.get("/api/v1/admin/users/" + id + "/balances").json().at("/balances/points").asLong();
            assertEquals(expected.get(id), balance, "balance of member " + id);
            assertTrue(balance >= 0);
        }
        long transfers = count("SELECT COUNT(*) FROM ledger_transfers");
        assertEquals(members.size() + applied, transfers);
        assertEquals(2 * transfers, count("SELECT COUNT(*) FROM ledger_entries"));
        assertEquals(0, count("SELECT COUNT(*) FROM ledger_accounts WHERE user_id IS NOT NULL AND balance < 0"));
        assertEquals(List.of(), platform.kindred().invariants.check());
        Http.Response check = admin.get("/api/v1/admin/ledger/check");
        assertTrue(check.json().path("ok").asBoolean(), check.body());
    }

    @Test
    void parallelDebitsNeverTakeABalanceBelowZero() throws Exception {
        long member = memberId(platform.member("spender@ledger.test", "Spender"));
        assertEquals(201, adjust(member, 100, "seed").status());

        List<Http.Response> responses = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> debits = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String key = "debit-" + i;
            debits.add(() -> {
                responses.add(adjust(member, -10, key));
                return null;
            });
        }
        runInParallel(25, debits);

        assertEquals(10, responses.stream().filter(r -> r.status() == 201).count());
        assertEquals(40, responses.stream().filter(r -> r.status() == 409 && "insufficient_points".equals(r.errorCode())).count());
        assertEquals(0, platform.kindred().ledger.balance(member, "points"));
        assertEquals(List.of(), platform.kindred().invariants.check());
    }

    @Test
    void reusingAnIdempotencyKeyForADifferentAdjustmentIsRefused() {
        long member = memberId(platform.member("reuse@ledger.test", "Reuse"));
        assertEquals(201, adjust(member, 40, "same-key").status());

        Http.Response other = adjust(member, 41, "same-key");

        assertEquals(409, other.status(), other.body());
        assertEquals("idempotency_conflict", other.errorCode());
        assertEquals(40, platform.kindred().ledger.balance(member, "points"));
    }

    @Test
    void parallelTransfersThroughTheJavaApiKeepEveryInvariant() throws Exception {
        int memberCount = 6;
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            members.add(platform.kindred().accounts.register("j" + i + "@ledger.test", "member-password-1", "J" + i, null).id());
        }
        var db = platform.kindred().database;
        var ledger = platform.kindred().ledger;
        for (long id : members) {
            db.write(h -> ledger.credit(h, id, "points", 500, "seed", null, "seed:" + id));
        }

        // 16 threads x 40 transfers between members; every third transfer's key is raced by all 16 threads.
        AtomicInteger insufficient = new AtomicInteger();
        Map<String, Transfer> firstAnswer = new ConcurrentHashMap<>();
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            work.add(() -> {
                for (int i = 0; i < 40; i++) {
                    boolean shared = i % 3 == 0;
                    String key = shared ? "gift:shared:" + i : "gift:" + thread + ":" + i;
                    Random op = new Random(key.hashCode());
                    int fromIndex = op.nextInt(memberCount);
                    long from = members.get(fromIndex);
                    long to = members.get((fromIndex + 1 + op.nextInt(memberCount - 1)) % memberCount);
                    TransferRequest req = new TransferRequest("points", AccountRef.member(from), AccountRef.member(to),
                            1 + op.nextInt(200), "gift", null, key);
                    try {
                        Transfer posted = db.write(h -> ledger.transfer(h, req));
                        Transfer first = firstAnswer.putIfAbsent(key, posted);
                        if (first != null) {
                            assertEquals(first.id(), posted.id(), "a repeated key returns the first transfer");
                        }
                    } catch (KindredException e) {
                        assertEquals("insufficient_points", e.code());
                        insufficient.incrementAndGet();
                    }
                }
                return null;
            });
        }
        runInParallel(16, work);

        assertEquals(firstAnswer.size(), count("SELECT COUNT(*) FROM ledger_transfers WHERE reason = 'gift'"));
        assertEquals(List.of(), platform.kindred().invariants.check());
        long total = members.stream().mapToLong(id -> ledger.balance(id, "points")).sum();
        assertEquals(500L * memberCount, total, "gifts move points between members without creating any");
        members.forEach(id -> assertTrue(ledger.balance(id, "points") >= 0));
    }

    private Http.Response adjust(long userId, long amount, String key) {
        return shop.post("/api/v1/admin/ledger/adjustments",
                Map.of("userId", userId, "asset", "points", "amount", amount, "reason", "concurrency test"),
                Map.of("Idempotency-Key", key));
    }

    private long transfersWithKey(String key) {
        return platform.kindred().database.read(h -> h.createQuery(
                        "SELECT COUNT(*) FROM ledger_transfers WHERE idempotency_key = :k")
                .bind("k", "adjustment:" + key).mapTo(Long.class).one());
    }

    private long count(String sql) {
        return platform.kindred().database.read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static long memberId(Http member) {
        return member.get("/api/v1/me").json().at("/user/id").asLong();
    }

    /** Runs the tasks on {@code threads} threads, at most 60 s, and rethrows the first failure. */
    static void runInParallel(int threads, List<? extends Callable<?>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Callable<?> task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
