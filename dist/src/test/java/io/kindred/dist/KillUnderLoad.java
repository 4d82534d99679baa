package io.kindred.dist;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The kill -9 tests' scaffolding: jars started on one data directory (one log), a pool of load threads, and a
 * SIGKILL once the load has been acknowledged often enough to tell. Closing it stops the load and every jar.
 */
final class KillUnderLoad implements AutoCloseable {

    /** The load runs at least this long before the kill. */
    static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(2);

    private final Path log;
    private final ExecutorService load;
    private final List<KindredProcess> started = new ArrayList<>();
    private final List<Future<?>> running = new ArrayList<>();
    /** Set just before the kill: load threads stop sending. */
    final AtomicBoolean killed = new AtomicBoolean();

    KillUnderLoad(Path tmp, int threads) {
        this.log = tmp.resolve("kindred.log");
        this.load = Executors.newFixedThreadPool(threads);
    }

    KindredProcess launch(Path data) throws Exception {
        KindredProcess k = KindredProcess.start(data, log, KindredProcess.adminEnv());
        started.add(k);
        return k;
    }

    /** Starts one load thread (it should stop when {@link #killed} is set or its connection is lost). */
    void load(Runnable work) {
        running.add(load.submit(work));
    }

    /**
     * Lets the load run {@link #LOAD_BEFORE_KILL}, then until {@code enough} answers were acknowledged (a slow
     * machine gets up to 30 s in all), kills the jar with SIGKILL and waits for the load threads to notice.
     */
    void killWhenEnough(KindredProcess k, IntSupplier acknowledged, int enough) throws Exception {
        KindredProcess.sleep(LOAD_BEFORE_KILL);
        for (int i = 0; i < 280 && acknowledged.getAsInt() < enough; i++) {
            KindredProcess.sleep(Duration.ofMillis(100));
        }
        killed.set(true);
        assertEquals(137, k.kill(), "destroyForcibly() sends SIGKILL: exit status 128 + 9");
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        load.shutdownNow();
        load.awaitTermination(30, TimeUnit.SECONDS);
        started.forEach(KindredProcess::close);
    }
}
