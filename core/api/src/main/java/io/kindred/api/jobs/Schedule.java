package io.kindred.api.jobs;

import java.time.Duration;
import java.time.LocalTime;

/**
 * When a job runs: at a fixed interval, or once a day at a local time of the site's time zone.
 *
 * <pre>{@code
 * Schedule.every(Duration.ofMinutes(5));  Schedule.dailyAt(LocalTime.of(3, 0));
 * }</pre>
 *
 * @param interval  interval between runs, or null
 * @param dailyTime local time of day, or null
 */
public record Schedule(Duration interval, LocalTime dailyTime) {

    /** Exactly one of the two is set. */
    public Schedule {
        if ((interval == null) == (dailyTime == null)) {
            throw new IllegalArgumentException("a schedule is an interval or a daily time");
        }
        if (interval != null && interval.toMillis() < 1000) {
            throw new IllegalArgumentException("interval must be at least one second");
        }
    }

    /** @param interval time between runs @return an interval schedule */
    public static Schedule every(Duration interval) {
        return new Schedule(interval, null);
    }

    /** @param time local time in the site's zone @return a daily schedule */
    public static Schedule dailyAt(LocalTime time) {
        return new Schedule(null, time);
    }
}
