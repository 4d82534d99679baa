package io.kindred.plugins.activities.tasks;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Console pages under {@code /console/activities/tasks}: the list, the editor and the proof review queue. */
final class TaskConsole {

    private final PluginContext ctx;
    private final Tasks tasks;
    private final TaskStore store;
    private final ProgressStore progress;
    private final ProofStore proofStore;
    private final Proofs proofs;
    private final Kinds kinds;
    private final TaskViews views;

    TaskConsole(PluginContext ctx, Tasks tasks, TaskStore store, ProgressStore progress, ProofStore proofStore,
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

    /** {@code GET /console/activities/tasks}: every task and the form for a new one. */
    void list(Exchange x) {
        Map<String, Object> model = base(x);
        model.put("tasks", ctx.db().read(h -> store.list(h, Long.MAX_VALUE, 500)).stream()
                .map(t -> views.admin(t, x.locale())).toList());
        x.render("activities/tasks/console-list", model);
    }

    /** {@code POST /console/activities/tasks}. */
    void create(Exchange x) {
        act(x, "/console/activities/tasks", () -> "/console/activities/tasks/" + tasks.create(x.actor(), input(x)).id());
    }

    /** {@code GET /console/activities/tasks/{id}}: the editor, with the completions count and the CSV link. */
    void edit(Exchange x) {
        Task t = tasks.find(x.pathParamAsId("id"));
        Map<String, Object> model = base(x);
        model.put("task", views.admin(t, x.locale()));
        model.put("parameters", kinds.options(x.locale()).stream().filter(o -> o.code().equals(t.kind()))
                .findFirst().map(Kinds.Option::parameters).orElse(List.copyOf(t.params().keySet())));
        model.put("completions", ctx.db().read(h -> progress.countCompleted(h, t.id())));
        x.render("activities/tasks/console-task", model);
    }

    /** {@code POST /console/activities/tasks/{id}}. */
    void update(Exchange x) {
        long id = x.pathParamAsId("id");
        String back = "/console/activities/tasks/" + id;
        act(x, back, () -> {
            tasks.update(x.actor(), id, input(x));
            return back;
        });
    }

    /** {@code GET /console/activities/tasks/proofs}: pending proofs, oldest first. */
    void queue(Exchange x) {
        Map<String, Object> model = base(x);
        model.put("proofs", ctx.db().read(h -> proofStore.queue(h, Proof.Status.PENDING, 0, 200)).stream().map(p -> {
            Map<String, Object> m = p.json();
            m.put("taskTitle", kinds.title(tasks.find(p.taskId()), x.locale()));
            m.put("sentAt", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(java.time.Instant.ofEpochMilli(p.createdAt()).atZone(ctx.siteZone())));
            m.put("member", ctx.members().find(p.userId()).map(u -> u.displayName()).orElse("#" + p.userId()));
            return m;
        }).toList());
        x.render("activities/tasks/console-proofs", model);
    }

    /** {@code POST /console/activities/tasks/proofs/{id}}: approve or reject (with a reason). */
    void decide(Exchange x) {
        boolean approve = x.formValue("decision").map("approve"::equals).orElse(false);
        String back = "/console/activities/tasks/proofs";
        act(x, back, () -> {
            proofs.decide(x.actor(), x.pathParamAsId("id"), approve, x.formValue("reason").orElse(""));
            return back;
        });
    }

    private Map<String, Object> base(Exchange x) {
        Map<String, Object> model = new HashMap<>();
        model.put("path", x.path());
        model.put("kinds", kinds.options(x.locale()));
        model.put("error", x.query("error").orElse(null));
        model.put("today", ctx.today().toString());
        return model;
    }

    private static TaskStore.Input input(Exchange x) {
        Map<String, String> params = new LinkedHashMap<>();
        x.form().forEach((name, values) -> {
            if (name.startsWith("param.") && !values.isEmpty() && !values.get(0).isBlank()) {
                params.put(name.substring("param.".length()), values.get(0).strip());
            }
        });
        return new TaskStore.Input(value(x, "kind").orElse(""), null, value(x, "title").orElse(""), params,
                number(value(x, "target").orElse("1")), number(value(x, "reward").orElse("0")),
                Task.Period.of(value(x, "period").orElse("once")), day(value(x, "startsOn")), day(value(x, "endsOn")),
                Task.Status.of(value(x, "status").orElse("active")));
    }

    private static Optional<String> value(Exchange x, String field) {
        return x.formValue(field).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static long number(String text) {
        if (!text.matches("[0-9]{1,9}")) {
            throw KindredException.invalidField("Target and reward are whole numbers.");
        }
        return Long.parseLong(text);
    }

    private static LocalDate day(Optional<String> text) {
        try {
            return text.map(LocalDate::parse).orElse(null);
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("Dates are written 2026-12-31.");
        }
    }

    private static void act(Exchange x, String back, Supplier<String> action) {
        String next;
        try {
            next = action.get();
        } catch (KindredException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw e;
            }
            x.redirect(back + "?error=" + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8));
            return;
        }
        x.redirect(next + "?notice=tasks.console.saved");
    }
}
