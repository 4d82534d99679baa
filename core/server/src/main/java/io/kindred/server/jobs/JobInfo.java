package io.kindred.server.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A registered job, as the jobs page and {@code GET /api/v1/admin/jobs} show it.
 *
 * @param owner    {@code core} or a plugin id
 * @param name     the job's name
 * @param schedule when it runs, in words
 * @param lastRun  its last run since the platform started, or null
 */
public record JobInfo(String owner, String name, String schedule, JobRun lastRun) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plugin", owner);
        m.put("name", name);
        m.put("schedule", schedule);
        m.put("lastRun", lastRun == null ? null : lastRun.toJson());
        return m;
    }
}
