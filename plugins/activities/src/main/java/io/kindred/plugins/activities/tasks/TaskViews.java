package io.kindred.plugins.activities.tasks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JSON (and template) shape of tasks. */
final class TaskViews {

    private final Kinds kinds;

    TaskViews(Kinds kinds) {
        this.kinds = kinds;
    }

    /** @return the task as operators see it, with whether members see its kind now */
    Map<String, Object> admin(Task t, Locale locale) {
        Map<String, Object> m = base(t, locale);
        m.put("customTitle", t.title());
        m.put("status", t.status().code());
        m.put("available", kinds.available(t.kind()));
        m.put("eventType", t.eventType());
        m.put("createdAt", Instant.ofEpochMilli(t.createdAt()).toString());
        return m;
    }

    /** @return the task as the member sees it, with their progress in the current period */
    Map<String, Object> member(Tasks.Mine mine, Locale locale) {
        Map<String, Object> m = base(mine.task(), locale);
        m.put("progress", mine.progress());
        m.put("completed", mine.completed());
        m.put("percent", Math.min(100, mine.progress() * 100 / Math.max(1, mine.task().target())));
        return m;
    }

    private Map<String, Object> base(Task t, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("kind", t.kind());
        m.put("title", kinds.title(t, locale));
        m.put("params", t.params());
        m.put("target", t.target());
        m.put("reward", t.reward());
        m.put("period", t.period().code());
        m.put("startsOn", t.startsOn() == null ? null : t.startsOn().toString());
        m.put("endsOn", t.endsOn() == null ? null : t.endsOn().toString());
        return m;
    }
}
