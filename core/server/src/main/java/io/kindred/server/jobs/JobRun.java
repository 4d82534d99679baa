package io.kindred.server.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a job.
 *
 * @param startedAt  when it started (platform clock)
 * @param durationMs how long it took
 * @param count      how many things it handled, as the job reported
 * @param error      why it failed, or null
 * @param trigger    {@code schedule} or {@code run now}
 */
public record JobRun(Instant startedAt, long durationMs, long count, String error, String trigger) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startedAt", startedAt.toString());
        m.put("durationMs", durationMs);
        m.put("count", count);
        m.put("ok", error == null);
        m.put("error", error);
        m.put("trigger", trigger);
        return m;
    }
}
