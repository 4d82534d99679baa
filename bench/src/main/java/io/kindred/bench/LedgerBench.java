package io.kindred.bench;

import io.kindred.server.Kindred;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ledger's hot paths inside one Kindred (core only, no HTTP traffic, real SQLite in a temporary directory):
 * a points credit in its own write transaction (what each check-in reward costs, commit included) and one page of a
 * member's history 2,000 entries long. {@code synchronous} is a parameter: FULL (the default) or NORMAL.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class LedgerBench {

    @Param({"FULL"})
    public String synchronous;

    private Kindred kindred;
    private java.nio.file.Path dir;
    private long member;
    private final AtomicLong keys = new AtomicLong();

    @Setup(Level.Trial)
    public void start() throws IOException {
        dir = Files.createTempDirectory("kindred-jmh-");
        kindred = Kindred.start(new Kindred.Options(dir, Map.of(), Map.of("port", "0", "db.synchronous", synchronous),
                Clock.systemUTC()));
        long now = System.currentTimeMillis();
        member = kindred.database.write(h -> h.createUpdate("""
                        INSERT INTO users(email, display_name, referral_code, created_at, updated_at)
                        VALUES ('jmh@bench.test', 'JMH', 'JMHBENCH', :now, :now)""")
                .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        kindred.database.write(h -> {
            for (int i = 0; i < 2_000; i++) {
                kindred.ledger.credit(h, member, "points", 1, "bench", null, "jmh:setup:" + i);
            }
            return null;
        });
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        kindred.stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Benchmark
    public Object credit() {
        return kindred.database.write(h -> kindred.ledger.credit(h, member, "points", 1, "bench", null,
                "jmh:" + keys.incrementAndGet()));
    }

    @Benchmark
    public List<?> historyPage() {
        return kindred.ledger.history(member, "points", Long.MAX_VALUE, 20);
    }
}
