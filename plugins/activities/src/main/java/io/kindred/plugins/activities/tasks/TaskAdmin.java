package io.kindred.plugins.activities.tasks;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The operator JSON API under {@code /api/v1/admin/tasks}. */
final class TaskAdmin {

    /** A task as the operator sends it; kind and period are fixed once made. */
    record Body(Optional<String> kind, Optional<String> title, Optional<Map<String, String>> params, OptionalLong target,
                long reward, Optional<String> period, Optional<String> startsOn, Optional<String> endsOn,
                Optional<String> status) {
    }

    /** A decision on a proof. */
    record Decision(Optional<String> reason) {
    }

    /** Completion times in the CSV: the site's local time, as operators read them. */
    private static final java.time.format.DateTimeFormatter LOCAL =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PluginContext ctx;
    private final Tasks tasks;
    private final TaskStore store;
    private final ProgressStore progress;
    private final ProofStore proofStore;
    private final Proofs proofs;
    private final Kinds kinds;
    private final TaskViews views;

    TaskAdmin(PluginContext ctx, Tasks tasks, TaskStore store, ProgressStore progress, ProofStore proofStore,
              Proofs proofs, Kinds kinds, TaskViews views) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.store = store;
        this.progress = progress;
        this.proofStore = proofStore;
        this.proofs = proofs;
        this.kinds = kinds;
        this.views = views;
    }

    /** {@code GET /api/v1/admin/tasks}: every task, newest first. */
    void list(Exchange x) {
        PageRequest page = x.page(50, 200);
        List<Task> rows = ctx.db().read(h -> store.list(h, page.before(), page.limit()));
        x.json(Page.of(rows, page, Task::id).map(t -> views.admin(t, x.locale())));
    }

    /** {@code GET /api/v1/admin/tasks/kinds}: the kinds a task can be made from now. */
    void kinds(Exchange x) {
        x.json(Page.all(kinds.options(x.locale())));
    }

    /** {@code POST /api/v1/admin/tasks}: makes a task. */
    void create(Exchange x) {
        Body body = x.body(Body.class);
        if (body.kind().isEmpty()) {
            throw KindredException.missingField("kind");
        }
        Task t = tasks.create(x.actor(), input(body));
        x.json(201, Map.of("task", views.admin(t, x.locale())));
    }

    /** {@code GET /api/v1/admin/tasks/{id}}: one task, with how many completed it. */
    void one(Exchange x) {
        Task t = tasks.find(x.pathParamAsId("id"));
        Map<String, Object> m = views.admin(t, x.locale());
        m.put("completions", ctx.db().read(h -> progress.countCompleted(h, t.id())));
        x.json(Map.of("task", m));
    }

    /** {@code PUT /api/v1/admin/tasks/{id}}: changes a task. */
    void update(Exchange x) {
        Task t = tasks.update(x.actor(), x.pathParamAsId("id"), input(x.body(Body.class)));
        x.json(Map.of("task", views.admin(t, x.locale())));
    }

    /** {@code GET /api/v1/admin/tasks/proofs?status=pending}: the proof review queue, oldest first. */
    void proofs(Exchange x) {
        PageRequest page = x.page(50, 200);
        Proof.Status status = status(x.query("status").orElse("pending"));
        List<Proof> rows = ctx.db().read(h -> proofStore.queue(h, status, page.after(), page.limit()));
        x.json(Page.of(rows, page, Proof::id).map(Proof::json));
    }

    /** {@code POST /api/v1/admin/tasks/proofs/{id}/approve}. */
    void approve(Exchange x) {
        x.json(Map.of("proof", proofs.decide(x.actor(), x.pathParamAsId("id"), true, null).json()));
    }

    /** {@code POST /api/v1/admin/tasks/proofs/{id}/reject} {reason}. */
    void reject(Exchange x) {
        String reason = x.body(Decision.class).reason().orElse("");
        x.json(Map.of("proof", proofs.decide(x.actor(), x.pathParamAsId("id"), false, reason).json()));
    }

    /** {@code GET /api/v1/admin/tasks/{id}/completions.csv}: who completed the task, when (site time) and on which day. */
    void completions(Exchange x) {
        Task t = tasks.find(x.pathParamAsId("id"));
        var rows = ctx.db().read(h -> progress.completions(h, t.id(), 100_000)).stream()
                .map(c -> List.<Object>of(c.userId(), c.periodKey(), LOCAL.format(
                        Instant.ofEpochMilli(c.completedAt()).atZone(ctx.siteZone())), t.reward()))
                .toList();
        x.csv("task-" + t.id() + "-completions.csv", List.of("userId", "day", "completedAt", "reward"), rows);
    }

    static TaskStore.Input input(Body b) {
        return new TaskStore.Input(b.kind().orElse(""), null, b.title().orElse(""), b.params().orElse(Map.of()),
                b.target().orElse(1), b.reward(), Task.Period.of(b.period().orElse("once")), day(b.startsOn()),
                day(b.endsOn()), Task.Status.of(b.status().orElse("active")));
    }

    private static LocalDate day(Optional<String> text) {
        try {
            return text.filter(s -> !s.isBlank()).map(LocalDate::parse).orElse(null);
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("Dates are written 2026-12-31.");
        }
    }

    private static Proof.Status status(String code) {
        try {
            return Proof.Status.of(code);
        } catch (IllegalArgumentException e) {
            throw KindredException.invalidField("The status is pending, approved or rejected.");
        }
    }
}
