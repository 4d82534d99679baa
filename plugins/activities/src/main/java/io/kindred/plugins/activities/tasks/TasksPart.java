package io.kindred.plugins.activities.tasks;

import io.kindred.api.PluginContext;
import io.kindred.api.jobs.Schedule;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

import java.time.Duration;

/**
 * The task centre (任务中心): tasks with points rewards that operators make from a kind — built in (complete the
 * profile, bind a phone, follow the brand with a proof, share a link) or declared by another plugin through
 * {@code ctx.taskKind(...)} (check in N days in a row, publish a post, invite N friends) — once or daily. Progress of
 * plugin kinds is read from their events ({@link EventProgress}); the reward is paid once per task and member (and
 * day) and {@code task.completed} {taskId, userId, code} is published once. A plugin kind's tasks are hidden while
 * its plugin is off. The overview page can include the partial {@code activities/tasks/today} with the widget's
 * variables.
 */
public final class TasksPart {

    private final PluginContext ctx;
    private TaskPages pages;

    public TasksPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's contributions (the plugin registers the shared migrations folder). */
    public void contribute() {
        TaskStore store = new TaskStore();
        ProgressStore progress = new ProgressStore();
        ProofStore proofStore = new ProofStore();
        ShareStore shareStore = new ShareStore();
        Kinds kinds = new Kinds(ctx);
        Completions completions = new Completions(ctx, progress);
        EventProgress events = new EventProgress(ctx, store, kinds, completions);
        Tasks tasks = new Tasks(ctx, store, progress, kinds, completions, events);
        Proofs proofs = new Proofs(ctx, proofStore, tasks, progress, completions);
        Shares shares = new Shares(ctx, shareStore, tasks, progress, completions);
        TaskViews views = new TaskViews(kinds);
        TaskApi api = new TaskApi(ctx, tasks, proofs, shares, views);
        TaskAdmin admin = new TaskAdmin(ctx, tasks, store, progress, proofStore, proofs, kinds, views);
        pages = new TaskPages(ctx, tasks, proofs, shares, shareStore, proofStore, views);
        TaskConsole console = new TaskConsole(ctx, tasks, store, progress, proofStore, proofs, kinds, views);
        ctx.nav(io.kindred.api.ui.NavEntry.member("tasks.title", "/activities/tasks", 46).withIcon("task"));

        ctx.messages("messages/tasks");
        ctx.stylesheet("tasks/tasks.css");
        ctx.openApi("openapi/tasks.json");
        ctx.notificationType(Proofs.APPROVED);
        ctx.notificationType(Proofs.REJECTED);
        ctx.widget(Widget.localized("activities-tasks", "activities/tasks/widget", 40, pages::widget));
        // Subscriptions to the event types tasks read: at once for a new task, and by this job after a start.
        ctx.job("task-subscriptions", Schedule.every(Duration.ofSeconds(30)), now -> events.subscribe());

        Routes r = ctx.routes();
        r.group("/api/v1/tasks", Access.MEMBER, g -> {
            g.get("", api::list);
            g.get("/{id}", api::one);
            g.post("/{id}/claim", api::claim);
            g.post("/{id}/proofs", api::proof);
            g.post("/{id}/share", api::share);
        });
        r.group("/api/v1/admin/tasks", Access.OPERATOR, g -> {
            g.get("", admin::list);
            g.post("", admin::create);
            g.get("/kinds", admin::kinds);
            g.get("/proofs", admin::proofs);
            g.post("/proofs/{id}/approve", admin::approve);
            g.post("/proofs/{id}/reject", admin::reject);
            g.get("/{id}", admin::one);
            g.put("/{id}", admin::update);
            g.get("/{id}/completions.csv", admin::completions);
        });
        r.get("/activities/tasks", Access.MEMBER, pages::index);
        r.get("/activities/tasks/s/{token}", Access.PUBLIC, pages::visit);
        r.post("/activities/tasks/{id}/claim", Access.MEMBER, pages::claim);
        r.post("/activities/tasks/{id}/proof", Access.MEMBER, pages::proof);
        r.post("/activities/tasks/{id}/share", Access.MEMBER, pages::share);
        r.group("/console/activities/tasks", Access.OPERATOR, g -> {
            g.get("", console::list);
            g.post("", console::create);
            g.get("/proofs", console::queue);
            g.post("/proofs/{id}", console::decide);
            g.get("/{id}", console::edit);
            g.post("/{id}", console::update);
            g.get("/{id}/completions.csv", admin::completions);
        });
    }

    /**
     * The variables of the partial {@code activities/tasks/today} (today's open tasks, at most four), for the
     * activities overview page: {@code {% include "activities/tasks/today" %}} with this model. Call after
     * {@link #contribute()}.
     *
     * @param viewer the member viewing the page, or null for a visitor
     * @param locale the page's language
     * @return {@code tasks} and {@code signedIn}
     */
    public java.util.Map<String, Object> today(io.kindred.api.users.Member viewer, java.util.Locale locale) {
        return pages.widget(viewer, locale);
    }
}
