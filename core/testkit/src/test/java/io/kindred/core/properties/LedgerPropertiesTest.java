package io.kindred.core.properties;

import io.kindred.api.ledger.AssetDefinition;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random interleavings of credits and debits (points that expire 30 days after earning, stars that never do),
 * refunds, reversals, operator adjustments over HTTP, expiry runs at a moved clock and replays of idempotency keys,
 * on three fresh members per try of one real platform: every balance follows an independent model of lots, none goes
 * below zero, each equals the sum of the member's entries, each key is applied once, and the ledger's check is clean.
 */
class LedgerPropertiesTest {

    private static final int MEMBERS = 3;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private static final AtomicInteger runs = new AtomicInteger();
    private static TestPlatform platform;
    private static Http operator;

    @BeforeContainer
    static void start() {
        platform = TestPlatform.builder().clock(clock).setting("ledger.points.expiry", "days_after_earning")
                .setting("ledger.points.expiry-days", "30").start();
        platform.kindred().ledger.assets().register("props", AssetDefinition.of("stars"));
        operator = platform.apiClient("props-operator");
    }

    @AfterContainer
    static void stop() {
        platform.close();
    }

    @Property(tries = 60, seed = "20261207")
    void randomInterleavingsOfLedgerOperationsKeepEveryInvariant(@ForAll("sequences") List<LedgerOp> ops) {
        LedgerRun run = new LedgerRun(platform.kindred(), clock, operator, runs.incrementAndGet(), MEMBERS);
        ops.forEach(run::apply);
        run.assertInvariants();
        Http.Response check = operator.get("/api/v1/admin/ledger/check");
        assertTrue(check.json().path("ok").asBoolean(), check.body());
    }

    @Provide
    Arbitrary<List<LedgerOp>> sequences() {
        return LedgerOp.any(MEMBERS).list().ofMinSize(4).ofMaxSize(25);
    }
}
