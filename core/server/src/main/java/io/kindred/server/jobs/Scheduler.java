package io.kindred.server.jobs;

import io.kindred.api.KindredException;
import io.kindred.api.jobs.Job;
import io.kindred.api.jobs.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs scheduled jobs on one background thread (so a job never runs twice at once, and "run now" waits its
 * turn), remembers each job's last run for the console, and cancels an owner's jobs when it stops. Daily jobs run
 * at a local time of the site's zone.
 */
public final class Scheduler {

    private static final Logger log = LoggerFactory.getLogger("kindred.jobs");
    /** How long "run now" waits for a job before answering that it goes on in the background. */
    private static final long RUN_NOW_WAIT_SECONDS = 120;

    /** One registered job and its last run. */
    private static final class Registered {
        final String owner;
        final String name;
        final Schedule schedule;
        final Job job;
        final List<ScheduledFuture<?>> futures = new CopyOnWriteArrayList<>();
        volatile JobRun last;

        Registered(String owner, String name, Schedule schedule, Job job) {
            this.owner = owner;
            this.name = name;
            this.schedule = schedule;
            this.job = job;
        }
    }

    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private final Map<String, Registered> jobs = new ConcurrentHashMap<>();
    private volatile Thread jobsThread;

    public Scheduler(Clock clock, Supplier<ZoneId> zone) {
        this.clock = clock;
        this.zone = zone;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kindred-jobs");
            t.setDaemon(true);
            jobsThread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    private static String key(String owner, String name) {
        return owner + "/" + name;
    }

    public void schedule(String owner, String name, Schedule schedule, Job job) {
        Registered r = new Registered(owner, name, schedule, job);
        if (jobs.putIfAbsent(key(owner, name), r) != null) {
            throw new IllegalArgumentException("a job named " + name + " is scheduled already");
        }
        Runnable run = () -> runLogged(r, "schedule");
        if (schedule.interval() != null) {
            long ms = schedule.interval().toMillis();
            // The first run is one interval after start, as documented (operators read "every 10 minutes" so).
            r.futures.add(executor.scheduleWithFixedDelay(run, ms, ms, TimeUnit.MILLISECONDS));
        } else {
            scheduleDaily(r, run);
        }
    }

    /** Runs a job on the jobs thread; failures are logged in one line and kept as its last run. */
    private JobRun runLogged(Registered r, String trigger) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        JobRun result;
        try {
            long count = r.job.run(started);
            result = new JobRun(started, (System.nanoTime() - t0) / 1_000_000, count, null, trigger);
            if (count > 0 || trigger.equals("run now")) {
                log.info("Job {}/{} handled {} in {} ms ({})", r.owner, r.name, count, result.durationMs(), trigger);
            }
        } catch (Throwable e) {
            String error = String.valueOf(e).replaceAll("\\s+", " ");
            result = new JobRun(started, (System.nanoTime() - t0) / 1_000_000, 0, error, trigger);
            log.error("Job {}/{} failed: {}", r.owner, r.name, error);
        }
        r.last = result;
        return result;
    }

    private void scheduleDaily(Registered r, Runnable run) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                run.run();
                if (jobs.get(key(r.owner, r.name)) == r && !executor.isShutdown()) {
                    r.futures.removeIf(Future::isDone);
                    r.futures.add(executor.schedule(this, untilNext(r.schedule), TimeUnit.MILLISECONDS));
                }
            }
        };
        r.futures.add(executor.schedule(once, untilNext(r.schedule), TimeUnit.MILLISECONDS));
    }

    private long untilNext(Schedule schedule) {
        ZonedDateTime now = clock.instant().atZone(zone.get());
        ZonedDateTime next = now.with(schedule.dailyTime());
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Duration.between(now.toInstant(), next.toInstant()).toMillis();
    }

    /**
     * Runs a job now, as an operator asks: on the jobs thread, after the job in hand, never twice at once.
     *
     * @return its run; a 404 {@code not_found} for an unknown job, a 409 {@code job_still_running} if it takes
     * longer than two minutes (it goes on in the background)
     */
    public JobRun runNow(String owner, String name) {
        Registered r = jobs.get(key(owner, name));
        if (r == null) {
            throw KindredException.notFound("There is no job '" + name + "' of '" + owner + "'.");
        }
        if (Thread.currentThread() == jobsThread) {
            return runLogged(r, "run now"); // a job that runs another must not wait for itself
        }
        Future<JobRun> f = executor.submit(() -> runLogged(r, "run now"));
        try {
            return f.get(RUN_NOW_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new KindredException(io.kindred.api.CoreError.JOB_STILL_RUNNING, "The job is still running; its result will show on the jobs page.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for job " + name, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("job " + name + " could not run", e.getCause());
        }
    }

    /** @return every registered job, by owner then name */
    public List<JobInfo> list() {
        return jobs.values().stream()
                .map(r -> new JobInfo(r.owner, r.name, r.schedule, r.last, nextRun(r)))
                .sorted(Comparator.comparing(JobInfo::owner).thenComparing(JobInfo::name)).toList();
    }

    /** @return when the job is due next: the shortest wait of its pending runs, from now (real time) */
    private static Instant nextRun(Registered r) {
        return r.futures.stream().filter(f -> !f.isDone()).mapToLong(f -> f.getDelay(TimeUnit.MILLISECONDS)).min()
                .stream().mapToObj(ms -> Instant.now().plusMillis(Math.max(0, ms))).findFirst().orElse(null);
    }

    public void cancelAll(String owner) {
        List<Registered> mine = jobs.values().stream().filter(r -> r.owner.equals(owner)).toList();
        if (mine.isEmpty()) {
            return;
        }
        mine.forEach(r -> {
            jobs.remove(key(r.owner, r.name), r);
            r.futures.forEach(f -> f.cancel(false));
        });
        if (Thread.currentThread() == jobsThread || executor.isShutdown()) {
            return; // a job that stops a plugin must not wait for itself; after shutdown nothing runs
        }
        try {
            // One thread runs every job: once this no-op ran, the job in hand (if any) has finished.
            executor.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Jobs of {} were cancelled but one may still be running: {}", owner, e.toString());
        }
    }

    public void shutdown() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
