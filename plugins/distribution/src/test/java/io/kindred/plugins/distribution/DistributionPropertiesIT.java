package io.kindred.plugins.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.plugins.distribution.CommissionModel.Withdrawal;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static io.kindred.plugins.distribution.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.distribution.Fixture.code;
import static io.kindred.plugins.distribution.Fixture.grant;
import static io.kindred.plugins.distribution.Fixture.me;
import static io.kindred.plugins.distribution.Fixture.member;
import static io.kindred.plugins.distribution.Fixture.runJob;
import static io.kindred.plugins.distribution.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random interleavings of purchases by referred fans (some sent twice), refunds (some asked twice, some after the
 * commission was released), days passing with the release job (run twice), withdrawals asked for (some in
 * parallel, some repeated with their idempotency key) and approved, paid or rejected (some by two operators at
 * once), on a fresh team per try of one real platform. After every step both distributors' frozen, available,
 * withdrawn and pending commission follow {@link CommissionModel}; a withdrawal never takes the available balance
 * below zero (only a claw-back does); at the end each commission's status is the documented one, no distributor
 * was paid more than was ever released to them, replaying the purchase and refund events changes nothing, and the
 * ledger's check is clean.
 */
class DistributionPropertiesIT {

    private static final AtomicInteger runs = new AtomicInteger();
    private static MutableClock clock;
    private static TestPlatform platform;
    private static Http api;
    /** Its own threads: the common pool has one thread on a 2-core machine, and the requests must overlap. */
    private static final ExecutorService pool = Executors.newFixedThreadPool(3);

    sealed interface Op {
    }

    record Buy(int fan, int amount, boolean twice) implements Op {
    }

    record Refund(int pick, boolean twice) implements Op {
    }

    record Pass(int days) implements Op {
    }

    record Withdraw(int member, int amount, int copies, boolean repeat) implements Op {
    }

    record Decide(int pick, String action, boolean race) implements Op {
    }

    /** Distributors A (0) and B (1, invited by A); fans 0 and 1 invited by B, fan 2 by A. */
    private record Team(String run, List<Http> distributors, List<Long> fans) {
    }

    @BeforeContainer
    static void start() {
        clock = Fixture.clock();
        // Sessions last for the whole run, however far the clock moves.
        platform = Fixture.platform(clock).setting("session.days", "36500").start();
        api = platform.apiClient("props");
    }

    @AfterContainer
    static void stop() {
        pool.shutdown();
        platform.close();
    }

    @Property(tries = 10, seed = "20261207")
    void commissionsRefundsReleasesAndWithdrawalsMoveEachAmountOnceAndNeverOverdraw(@ForAll("sequences") List<Op> ops) {
        Team team = team("d" + runs.incrementAndGet());
        CommissionModel model = new CommissionModel();
        int step = 0;
        for (Op op : withOpening(ops)) {
            String key = team.run() + "-" + step++;
            if (op instanceof Buy b) {
                buy(b, team, model, key);
            } else if (op instanceof Refund r) {
                refund(r, model);
            } else if (op instanceof Pass p) {
                pass(p, model);
            } else if (op instanceof Withdraw w) {
                withdraw(w, team, model, key);
            } else {
                decide((Decide) op, model);
            }
            assertBalances(team, model, op.toString());
        }
        assertCommissions(team, model);
        for (String subscriber : List.of("commission", "refund")) {
            Http.Response r = api.post("/api/v1/admin/events/subscribers/distribution:" + subscriber + "/replay", Map.of());
            assertEquals(200, r.status(), r.body());
        }
        platform.awaitEvents();
        assertBalances(team, model, "replaying the purchase and refund events");
        assertCommissions(team, model);
        assertLedgerBalanced(platform);
        Statistics.label("answers").coverage(c -> {
            for (String seen : List.of("refund cancelled", "refund clawed back", "withdrawal 201", "withdrawal below_minimum",
                    "withdrawal insufficient_commission", "approve won", "pay won", "reject won", "race refused")) {
                c.check(seen).count(n -> n > 0);
            }
        });
    }

    /**
     * Each team starts with released commission (B 90.00, A 87.00) and a withdrawal each waiting for an operator, so
     * that withdrawals are asked of a balance and decisions have something to decide.
     */
    private static List<Op> withOpening(List<Op> ops) {
        List<Op> all = new ArrayList<>(List.of(new Buy(0, 900_00, false), new Buy(2, 600_00, false), new Pass(8),
                new Withdraw(1, 20_00, 1, false), new Withdraw(0, 15_00, 1, false)));
        all.addAll(ops);
        return all;
    }

    private static Team team(String run) {
        Http a = member(platform, run + "-a@distribution-props.test", "A " + run, null);
        grant(api, userId(a));
        Http b = member(platform, run + "-b@distribution-props.test", "B " + run, code(a));
        grant(api, userId(b));
        List<Long> fans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fans.add(userId(member(platform, run + "-f" + i + "@distribution-props.test", "F" + i, code(i < 2 ? b : a))));
        }
        platform.awaitEvents();
        return new Team(run, List.of(a, b), fans);
    }

    private static void buy(Buy b, Team team, CommissionModel model, String order) {
        Map<String, Object> body = Map.of("userId", team.fans().get(b.fan()), "externalOrderId", order,
                "amount", b.amount(), "currency", "CNY");
        Http.Response r = api.post("/api/v1/admin/purchases", body);
        assertEquals(201, r.status(), r.body());
        platform.awaitEvents();
        model.bought(r.json().path("purchase").path("id").asLong(), order, b.fan(), b.amount(), clock.instant());
        if (b.twice()) {
            Http.Response again = api.post("/api/v1/admin/purchases", body);
            assertEquals(200, again.status(), again.body());
            platform.awaitEvents();
        }
    }

    private static void refund(Refund r, CommissionModel model) {
        if (model.purchases.isEmpty()) {
            return;
        }
        CommissionModel.Purchase p = model.purchases.get(r.pick() % model.purchases.size());
        p.commissions().stream().map(c -> c.status).filter(st -> st != CommissionModel.Status.CANCELLED
                && st != CommissionModel.Status.CLAWED_BACK).findFirst().ifPresent(st ->
                Statistics.label("answers").collect(st == CommissionModel.Status.FROZEN ? "refund cancelled" : "refund clawed back"));
        for (int i = 0; i < (r.twice() ? 2 : 1); i++) {
            Http.Response answer = api.post("/api/v1/admin/purchases/" + p.order() + "/refund", Map.of());
            assertEquals(200, answer.status(), answer.body());
            platform.awaitEvents();
        }
        model.refunded(p);
    }

    /** Days pass; the release job runs, then runs again and must find nothing more of this team's. */
    private static void pass(Pass p, CommissionModel model) {
        clock.advance(Duration.ofDays(p.days()));
        runJob(api, "release-commissions");
        platform.awaitEvents();
        model.released(clock.instant());
        runJob(api, "release-commissions");
        platform.awaitEvents();
    }

    private static void withdraw(Withdraw w, Team team, CommissionModel model, String key) {
        Http member = team.distributors().get(w.member());
        int expected = model.accepts(w.member(), w.amount(), w.copies());
        Map<String, Object> body = Map.of("amount", w.amount(), "method", "alipay", "account", key + "@alipay.test");
        List<Http.Response> answers = parallel(w.copies(), i -> member.post("/api/v1/distribution/withdrawals", body,
                Map.of("Idempotency-Key", key + "-" + i)));
        int accepted = 0;
        for (Http.Response r : answers) {
            Statistics.label("answers").collect("withdrawal " + (r.status() == 201 ? "201" : r.errorCode()));
            if (r.status() == 201) {
                model.requested(r.json().path("withdrawal").path("id").asLong(), w.member(), w.amount());
                accepted++;
            } else {
                assertEquals(409, r.status(), r.body());
                assertTrue(Set.of("insufficient_commission", "below_minimum").contains(r.errorCode()), r.body());
            }
        }
        assertEquals(expected, accepted, "withdrawals accepted of " + w + " with " + model.available(w.member()));
        if (w.repeat() && answers.get(0).status() == 201) {
            Http.Response again = member.post("/api/v1/distribution/withdrawals", body, Map.of("Idempotency-Key", key + "-0"));
            assertEquals(answers.get(0).json().path("withdrawal").path("id"), again.json().path("withdrawal").path("id"),
                    "a repeated key answers the first withdrawal: " + again.body());
        }
    }

    /** An operator's decision, or two operators deciding the same at once: exactly one wins if it is allowed. */
    private static void decide(Decide d, CommissionModel model) {
        if (model.withdrawals.isEmpty()) {
            return;
        }
        Withdrawal w = model.withdrawals.get(d.pick() % model.withdrawals.size());
        // "next" is the step the withdrawal's status leads to (approve, then pay); a paid or rejected one is paid again.
        String action = d.action().equals("next") ? (w.status.equals("requested") ? "approve" : "pay") : d.action();
        boolean allowed = CommissionModel.allows(w, action);
        Map<String, Object> body = switch (action) {
            case "pay" -> Map.of("reference", "PAY-" + w.id);
            case "reject" -> Map.of("note", "wrong account");
            default -> Map.of();
        };
        List<Http.Response> answers = parallel(d.race() ? 2 : 1, i ->
                api.post("/api/v1/admin/distribution/withdrawals/" + w.id + "/" + action, body));
        long won = answers.stream().filter(r -> r.status() == 200).count();
        assertEquals(allowed ? 1 : 0, won, d + " on a " + w.status + " withdrawal: " + answers.get(0).body());
        answers.stream().filter(r -> r.status() != 200).forEach(r -> assertEquals("wrong_status", r.errorCode(), r.body()));
        Statistics.label("answers").collect(action + (allowed ? " won" : " refused"));
        if (allowed && d.race()) {
            Statistics.label("answers").collect("race refused");
        }
        if (allowed) {
            CommissionModel.decided(w, action);
        }
        platform.awaitEvents();
    }

    private static void assertBalances(Team team, CommissionModel model, String after) {
        for (int i = 0; i < 2; i++) {
            JsonNode c = me(team.distributors().get(i)).path("commission");
            String who = "distributor " + i + " after " + after;
            assertEquals(model.frozen(i), c.path("frozen").asLong(), "frozen of " + who);
            assertEquals(model.available(i), c.path("available").asLong(), "available of " + who);
            assertEquals(model.withdrawn(i), c.path("withdrawn").asLong(), "withdrawn of " + who);
            assertEquals(model.pending(i), c.path("pending").asLong(), "pending of " + who);
            assertTrue(c.path("available").asLong() >= 0 || model.clawedBack(i) > 0,
                    "only a claw-back takes the available balance below zero: " + who);
        }
    }

    private static void assertCommissions(Team team, CommissionModel model) {
        for (int i = 0; i < 2; i++) {
            Http.Response r = team.distributors().get(i).get("/api/v1/distribution/commissions?limit=100");
            assertEquals(200, r.status(), r.body());
            assertTrue(r.json().path("nextCursor").isNull(), r.body());
            Map<Long, String> statuses = new HashMap<>();
            r.json().path("items").forEach(c -> statuses.put(c.path("purchaseId").asLong(), c.path("status").asText()));
            assertEquals(model.statuses(i), statuses, "one commission per purchase, in the documented status");
            assertTrue(model.withdrawn(i) <= model.everReleased(i), "never paid out more than was released");
        }
    }

    private static List<Http.Response> parallel(int n, IntFunction<Http.Response> request) {
        List<CompletableFuture<Http.Response>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int copy = i;
            all.add(CompletableFuture.supplyAsync(() -> request.apply(copy), pool));
        }
        return all.stream().map(CompletableFuture::join).toList();
    }

    /** Amounts spread evenly: jqwik's default leans towards the bounds, which would leave most withdrawals too small. */
    private static Arbitrary<Integer> uniform(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        Arbitrary<Boolean> twice = Arbitraries.of(true, false);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(Arbitraries.integers().between(0, 2),
                        uniform(50_00, 900_00), twice).as(Buy::new)),
                Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, 100), twice).as(Refund::new)),
                Tuple.of(3, Arbitraries.integers().between(3, 10).map(Pass::new)),
                Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, 1),
                        uniform(7_00, 30_00), Arbitraries.integers().between(1, 3), twice)
                        .as(Withdraw::new)),
                Tuple.of(5, Combinators.combine(Arbitraries.integers().between(0, 100),
                        Arbitraries.of("next", "next", "approve", "pay", "reject"), twice).as(Decide::new)));
        return op.list().ofMinSize(6).ofMaxSize(16);
    }
}
