package io.kindred.api.tasks;

import io.kindred.api.events.Event;

import java.util.Map;
import java.util.Optional;

/**
 * Reads a member's progress on a task from one event of the kind's event type, given the task's parameters (as the
 * operator set them, by parameter name). Empty when the event does not count for this task (another category).
 * Runs inside the task centre's event handler: keep it a pure function of its arguments.
 *
 * <pre>{@code
 * ProgressRule rule = (event, params) -> params.getOrDefault("category", "").isEmpty()
 *         || params.get("category").equals(event.string("categoryId")) ? Optional.of(TaskProgress.add(event.userId(), 1)) : Optional.empty();
 * }</pre>
 */
@FunctionalInterface
public interface ProgressRule {

    /**
     * @param event      an event of the kind's type
     * @param parameters the task's parameters by name (the target is {@code target})
     * @return the progress step, or empty when the event does not count
     */
    Optional<TaskProgress> progress(Event event, Map<String, String> parameters);
}
