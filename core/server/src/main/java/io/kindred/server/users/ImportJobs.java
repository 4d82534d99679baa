package io.kindred.server.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Customer imports started from the console run here, one at a time on their own thread, so that a big file
 * shows its progress instead of holding a request open. Jobs are kept in memory (the last 20) for their report.
 */
public final class ImportJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("kindred.import");
    private static final int KEPT = 20;

    /** One import: its progress while running, its report or error when done. */
    public static final class Job {
        private final String id;
        private final String fileName;
        private final Instant startedAt;
        private volatile int done;
        private volatile int total = -1;
        private volatile CustomerImport.Report report;
        private volatile String error;

        Job(String id, String fileName, Instant startedAt) {
            this.id = id;
            this.fileName = fileName;
            this.startedAt = startedAt;
        }

        public String id() {
            return id;
        }

        public String fileName() {
            return fileName;
        }

        public Instant startedAt() {
            return startedAt;
        }

        public int done() {
            return done;
        }

        /** @return the number of rows, or -1 while the file is still being read */
        public int total() {
            return total;
        }

        public Optional<CustomerImport.Report> report() {
            return Optional.ofNullable(report);
        }

        public Optional<String> error() {
            return Optional.ofNullable(error);
        }

        public boolean finished() {
            return report != null || error != null;
        }
    }

    private final CustomerImport importer;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kindred-import");
        t.setDaemon(true);
        return t;
    });

    public ImportJobs(CustomerImport importer, Clock clock) {
        this.importer = importer;
        this.clock = clock;
    }

    /** Refuses a file that cannot be imported (not CSV, wrong header) before a job is started for it. */
    public void check(String csv) {
        importer.parse(csv);
    }

    /** Queues an import of {@code csv}; returns its job at once. */
    public Job start(String fileName, String csv, String actor) {
        Job job = new Job(Tokens.secret(12), fileName, clock.instant());
        jobs.put(job.id(), job);
        if (jobs.size() > KEPT) {
            jobs.values().stream().filter(Job::finished).sorted(java.util.Comparator.comparing(Job::startedAt))
                    .limit(jobs.size() - KEPT).forEach(j -> jobs.remove(j.id()));
        }
        executor.submit(() -> {
            try {
                job.report = importer.run(csv, actor, fileName, (done, total) -> {
                    job.done = done;
                    job.total = total;
                });
                job.total = job.report.rows().size();
                job.done = job.total;
                log.info("Customer import of {} done: {} imported, {} updated, {} rejected", fileName,
                        job.report.imported(), job.report.updated(), job.report.rejected());
            } catch (io.kindred.api.KindredException e) {
                job.error = e.getMessage();
            } catch (RuntimeException e) {
                job.error = "The import stopped: " + e.getMessage();
                log.error("Customer import of {} stopped after {} rows: {}", fileName, job.done, e.toString());
            }
        });
        return job;
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(id == null ? null : jobs.get(id));
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
