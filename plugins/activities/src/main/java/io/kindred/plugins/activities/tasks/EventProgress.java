package io.kindred.plugins.activities.tasks;

import io.kindred.api.PluginContext;
import io.kindred.api.events.Event;
import io.kindred.api.events.Replay;
import io.kindred.api.tasks.TaskKind;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads progress on plugin-declared tasks from their plugins' events. The task centre subscribes to each event type
 * that a task reads ({@code progress.<type>}, a durable cursor in the outbox): when a task is made, and for the tasks
 * already made by a job shortly after each start (this plugin's migrations run after its contribution, so the start
 * itself cannot read them; a known cursor resumes where it stopped, so nothing is lost in between). Because the
 * subscription is this plugin's, start order does not matter: an event is handled whether or not its plugin has
 * started yet; its kind is looked up when the event is handled, and a task whose kind's plugin is off is skipped.
 */
final class EventProgress {

    private final PluginContext ctx;
    private final TaskStore tasks;
    private final Kinds kinds;
    private final Completions completions;
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();

    EventProgress(PluginContext ctx, TaskStore tasks, Kinds kinds, Completions completions) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.kinds = kinds;
        this.completions = completions;
    }

    /** Subscribes to every event type that a task reads and this run does not hear yet. @return how many new */
    int subscribe() {
        int added = 0;
        for (String type : ctx.db().read(tasks::eventTypes)) {
            if (subscribed.add(type)) {
                ctx.on(type, "progress." + type, Replay.FROM_NOW, this::handle);
                added++;
            }
        }
        return added;
    }

    private void handle(Event event, Handle tx) {
        LocalDate day = LocalDate.ofInstant(event.createdAt(), ctx.siteZone());
        for (Task task : tasks.readingEvent(tx, event.type())) {
            Optional<TaskKind> kind = kinds.declared(task.kind());
            if (kind.isEmpty() || !task.runsOn(day)) {
                continue;
            }
            kind.get().rule().progress(event, Kinds.ruleParameters(task))
                    .ifPresent(step -> completions.step(tx, task, task.periodKey(day), step, event.id()));
        }
    }
}
