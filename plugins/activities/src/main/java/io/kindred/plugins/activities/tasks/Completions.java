package io.kindred.plugins.activities.tasks;

import io.kindred.api.PluginContext;
import io.kindred.api.tasks.TaskProgress;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves a member's progress on a task and, when it reaches the target, completes the task: in the caller's
 * transaction, the progress row is marked completed (once: a conditional update), the reward is credited under the
 * ledger key {@code tasks:<task>:<member>[:<day>]} and {@code task.completed} {taskId, userId, code} is published.
 * A replayed event (id at or below the row's last counted event) moves nothing.
 */
final class Completions {

    static final String ASSET = "points";
    static final String EVENT = "task.completed";

    private final PluginContext ctx;
    private final ProgressStore progress;

    Completions(PluginContext ctx, ProgressStore progress) {
        this.ctx = ctx;
        this.progress = progress;
    }

    /**
     * @param eventId the event the step comes from, or 0 for a step that is no event (a claim, an approval, a visit)
     * @return whether this step completed the task
     */
    boolean step(Handle tx, Task task, String periodKey, TaskProgress step, long eventId) {
        long userId = step.memberId();
        ProgressStore.Row row = progress.find(tx, task.id(), userId, periodKey)
                .orElse(new ProgressStore.Row(task.id(), userId, periodKey, 0, 0, null));
        if (row.completed() || (eventId > 0 && eventId <= row.lastEventId())) {
            return false;
        }
        long value = step.mode() == TaskProgress.Mode.ADD ? row.progress() + step.value() : step.value();
        progress.save(tx, task.id(), userId, periodKey, Math.min(value, task.target()), eventId);
        return value >= task.target() && complete(tx, task, userId, periodKey);
    }

    /** Completes the task for the member at once (an approved proof, a claimed profile task). */
    boolean completeNow(Handle tx, Task task, long userId, String periodKey) {
        progress.save(tx, task.id(), userId, periodKey, task.target(), 0);
        return complete(tx, task, userId, periodKey);
    }

    private boolean complete(Handle tx, Task task, long userId, String periodKey) {
        if (!progress.complete(tx, task.id(), userId, periodKey, ctx.clock().millis())) {
            return false;
        }
        String key = "tasks:" + task.id() + ":" + userId + (periodKey.isEmpty() ? "" : ":" + periodKey);
        if (task.reward() > 0) {
            ctx.ledger().credit(tx, userId, ASSET, task.reward(), "tasks.reward", "task:" + task.id(), key);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskId", task.id());
        payload.put("userId", userId);
        payload.put("code", task.kind());
        ctx.events().publish(tx, EVENT, userId, payload);
        return true;
    }
}
