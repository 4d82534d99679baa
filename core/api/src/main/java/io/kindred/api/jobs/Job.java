package io.kindred.api.jobs;

import java.time.Instant;

/**
 * A scheduled piece of work, e.g. expiring plans at night. It must be idempotent: after a crash, when an
 * operator runs it now, or on another node it may run again for the same moment. It returns how many things
 * it handled (plans expired, members greeted…): the log line of each run and the operator's "run now" show it.
 *
 * <pre>{@code
 * ctx.job("expire-plans", Schedule.dailyAt(LocalTime.of(3, 0)), now -> plans.expireBefore(now)); // returns a count
 * ctx.job("tick", Schedule.every(Duration.ofMinutes(5)), now -> { ticks.add(); return 1; });
 * }</pre>
 */
@FunctionalInterface
public interface Job {

    /**
     * @param now the platform clock's time at this run
     * @return how many things this run handled (0 when there was nothing to do)
     * @throws Exception logged in one line; the job runs again at its next time
     */
    long run(Instant now) throws Exception;
}
