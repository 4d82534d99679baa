package io.kindred.api.jobs;

import java.time.Instant;

/**
 * A scheduled piece of work, e.g. expiring plans at night. It must be idempotent: after a crash or on
 * another node it may run again for the same moment.
 *
 * <pre>{@code
 * ctx.job("expire-plans", Schedule.dailyAt(LocalTime.of(3, 0)), now -> plans.expireBefore(now));
 * }</pre>
 */
@FunctionalInterface
public interface Job {

    /**
     * @param now the platform clock's time at this run
     * @throws Exception logged in one line; the job runs again at its next time
     */
    void run(Instant now) throws Exception;
}
