package io.kindred.plugins.activities.tasks;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.tasks.TaskKind;
import io.kindred.api.users.Member;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The task centre's rules: operators make and change tasks; members see the tasks that run today and whose kind is
 * available (a plugin kind's tasks are hidden while its plugin is off), and claim the profile tasks.
 */
final class Tasks {

    /** A task as a member sees it: with the member's progress in the current period. */
    record Mine(Task task, long progress, boolean completed) {
    }

    private final PluginContext ctx;
    private final TaskStore store;
    private final ProgressStore progress;
    private final Kinds kinds;
    private final Completions completions;
    private final EventProgress events;

    Tasks(PluginContext ctx, TaskStore store, ProgressStore progress, Kinds kinds, Completions completions,
          EventProgress events) {
        this.ctx = ctx;
        this.store = store;
        this.progress = progress;
        this.kinds = kinds;
        this.completions = completions;
        this.events = events;
    }

    /** Makes a task; a plugin kind's task starts reading its event type at once. */
    Task create(Member operator, TaskStore.Input in) {
        TaskStore.Input checked = check(in, parametersOf(in.kind()));
        Task task = ctx.db().write(tx -> {
            long id = store.insert(tx, checked, ctx.clock().millis());
            ctx.audit().record(tx, operator, "tasks.task_created", "tasks:task:" + id, checked.kind());
            return store.find(tx, id).orElseThrow();
        });
        events.subscribe();
        return task;
    }

    /**
     * Changes a task's title, parameters, target, reward, dates and status (not its kind nor its period); also while
     * its kind's plugin is off (e.g. to pause it), when its parameters are checked against those it has.
     */
    Task update(Member operator, long id, TaskStore.Input in) {
        Task old = find(id);
        List<String> allowed = kinds.available(old.kind()) ? parametersOf(old.kind()) : List.copyOf(old.params().keySet());
        TaskStore.Input checked = check(new TaskStore.Input(old.kind(), old.eventType(), in.title(), in.params(),
                in.target(), in.reward(), old.period(), in.startsOn(), in.endsOn(), in.status()), allowed);
        return ctx.db().write(tx -> {
            store.update(tx, id, checked, ctx.clock().millis());
            ctx.audit().record(tx, operator, "tasks.task_updated", "tasks:task:" + id, checked.status().code());
            return store.find(tx, id).orElseThrow();
        });
    }

    Task find(long id) {
        return ctx.db().read(h -> store.find(h, id))
                .orElseThrow(() -> new KindredException(TasksError.TASK_NOT_FOUND, "There is no task " + id + "."));
    }

    /** @return the task if members can see it today, else 404 */
    Task visible(long id) {
        Task t = find(id);
        if (!t.runsOn(ctx.today()) || !kinds.available(t.kind())) {
            throw new KindredException(TasksError.TASK_NOT_FOUND, "There is no task " + id + ".");
        }
        return t;
    }

    /** @return today's tasks for the member, one-off ones first done last, with progress */
    List<Mine> forMember(long userId) {
        LocalDate today = ctx.today();
        return ctx.db().read(h -> {
            Map<Long, ProgressStore.Row> rows = progress.ofMember(h, userId, today.toString());
            return store.active(h).stream()
                    .filter(t -> t.runsOn(today) && kinds.available(t.kind()))
                    .map(t -> {
                        ProgressStore.Row r = rows.get(t.id());
                        boolean current = r != null && r.periodKey().equals(t.periodKey(today));
                        return new Mine(t, current ? r.progress() : 0, current && r.completed());
                    })
                    .toList();
        });
    }

    /** @return the member's task with progress, if visible */
    Mine mine(long userId, long taskId) {
        Task t = visible(taskId);
        return forMember(userId).stream().filter(m -> m.task().id() == t.id()).findFirst()
                .orElse(new Mine(t, 0, false));
    }

    /** The member claims a profile or phone task: checked against the profile, then completed and paid once. */
    Mine claim(Member member, long taskId) {
        Task t = visible(taskId);
        BuiltInKind kind = BuiltInKind.of(t.kind()).orElse(null);
        if (kind != BuiltInKind.PROFILE && kind != BuiltInKind.PHONE) {
            throw new KindredException(TasksError.WRONG_KIND, "This task is completed by what you do, not by a claim.");
        }
        Set<String> filled = ctx.members().profileFilled(member.id());
        boolean done = kind == BuiltInKind.PHONE ? filled.contains("phone")
                : filled.contains("displayName") && filled.contains("birthday");
        if (!done) {
            throw new KindredException(TasksError.NOT_DONE_YET, kind == BuiltInKind.PHONE
                    ? "Bind a phone number to your account first." : "Fill in your name and birthday first.");
        }
        ctx.db().write(tx -> completions.completeNow(tx, t, member.id(), t.periodKey(ctx.today())));
        return mine(member.id(), taskId);
    }

    /** @return the parameter names of a kind available now; 400 unknown_task_kind when it is not */
    private List<String> parametersOf(String code) {
        Optional<BuiltInKind> builtIn = BuiltInKind.of(code);
        if (builtIn.isPresent()) {
            return builtIn.get().parameters();
        }
        return declared(code).parameters();
    }

    private TaskKind declared(String code) {
        return kinds.declared(code).orElseThrow(() -> new KindredException(TasksError.UNKNOWN_KIND,
                "There is no task kind '" + code + "' (is its plugin on?)."));
    }

    private TaskStore.Input check(TaskStore.Input in, List<String> allowed) {
        String eventType = in.eventType() != null || BuiltInKind.of(in.kind()).isPresent() ? in.eventType()
                : declared(in.kind()).eventType();
        for (String name : in.params().keySet()) {
            if (!allowed.contains(name)) {
                throw KindredException.invalidField("The kind " + in.kind() + " has no parameter '" + name + "'.");
            }
        }
        if (in.target() < 1 || in.target() > 10_000 || in.reward() < 0 || in.reward() > 1_000_000) {
            throw KindredException.invalidField("The target is 1 to 10000 and the reward 0 to 1000000 points.");
        }
        if (in.startsOn() != null && in.endsOn() != null && in.endsOn().isBefore(in.startsOn())) {
            throw KindredException.invalidField("The task ends before it starts.");
        }
        String title = in.title() == null ? "" : in.title().strip();
        if (title.length() > 120) {
            throw KindredException.invalidField("A title has at most 120 characters.");
        }
        return new TaskStore.Input(in.kind(), eventType, title, in.params(), in.target(), in.reward(), in.period(),
                in.startsOn(), in.endsOn(), in.status());
    }
}
