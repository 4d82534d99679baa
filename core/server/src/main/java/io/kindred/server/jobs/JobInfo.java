package io.kindred.server.jobs;

import io.kindred.api.jobs.Schedule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A registered job, as the jobs page and {@code GET /api/v1/admin/jobs} show it.
 *
 * @param owner    {@code core} or a plugin id
 * @param name     the job's name
 * @param schedule when it runs
 * @param lastRun  its last run since the platform started, or null
 * @param nextRun  when it is due next (real time), or null while it runs or once cancelled
 */
public record JobInfo(String owner, String name, Schedule schedule, JobRun lastRun, Instant nextRun) {

    /** @return the interval in short form ({@code 10m}, {@code 30s}, {@code 1h30m}), or null for a daily job */
    public String every() {
        return schedule.interval() == null ? null : schedule.interval().toString().substring(2).toLowerCase();
    }

    /** @return the local time of a daily job ({@code 04:10}), or null for an interval job */
    public String dailyAt() {
        return schedule.dailyTime() == null ? null : schedule.dailyTime().toString();
    }


    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plugin", owner);
        m.put("name", name);
        m.put("schedule", every() != null ? "every " + every() : "daily at " + dailyAt());
        m.put("every", every());
        m.put("dailyAt", dailyAt());
        m.put("lastRun", lastRun == null ? null : lastRun.toJson());
        m.put("nextRun", nextRun);
        return m;
    }
}
