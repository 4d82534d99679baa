package io.kindred.server.jobs;

import io.kindred.api.jobs.Job;
import io.kindred.api.jobs.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs scheduled jobs on one background thread (so a job never runs twice at once), and cancels an
 * owner's jobs when it stops. Daily jobs run at a local time of the site's zone.
 */
public final class Scheduler {

    private static final Logger log = LoggerFactory.getLogger("kindred.jobs");

    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private final Map<String, List<ScheduledFuture<?>>> byOwner = new ConcurrentHashMap<>();
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

    public void schedule(String owner, String name, Schedule schedule, Job job) {
        Runnable run = () -> {
            try {
                job.run(clock.instant());
            } catch (Throwable e) {
                log.error("Job {}/{} failed: {}", owner, name, String.valueOf(e).replaceAll("\\s+", " "));
            }
        };
        List<ScheduledFuture<?>> futures = byOwner.computeIfAbsent(owner, k -> new CopyOnWriteArrayList<>());
        if (schedule.interval() != null) {
            long ms = schedule.interval().toMillis();
            futures.add(executor.scheduleWithFixedDelay(run, Math.min(ms, FIRST_RUN_MAX_DELAY_MS), ms, TimeUnit.MILLISECONDS));
        } else {
            scheduleDaily(owner, schedule, run, futures);
        }
    }

    /** Interval jobs first run soon after start (catching up on what came due while the platform was down). */
    private static final long FIRST_RUN_MAX_DELAY_MS = 30_000;

    private void scheduleDaily(String owner, Schedule schedule, Runnable run, List<ScheduledFuture<?>> futures) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                run.run();
                if (byOwner.get(owner) == futures && !executor.isShutdown()) {
                    futures.removeIf(java.util.concurrent.Future::isDone);
                    futures.add(executor.schedule(this, untilNext(schedule), TimeUnit.MILLISECONDS));
                }
            }
        };
        futures.add(executor.schedule(once, untilNext(schedule), TimeUnit.MILLISECONDS));
    }

    private long untilNext(Schedule schedule) {
        ZonedDateTime now = clock.instant().atZone(zone.get());
        ZonedDateTime next = now.with(schedule.dailyTime());
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Duration.between(now.toInstant(), next.toInstant()).toMillis();
    }

    public void cancelAll(String owner) {
        List<ScheduledFuture<?>> fs = byOwner.remove(owner);
        if (fs == null) {
            return;
        }
        fs.forEach(f -> f.cancel(false));
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
