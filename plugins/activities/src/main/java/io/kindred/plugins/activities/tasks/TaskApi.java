package io.kindred.plugins.activities.tasks;

import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;

import java.util.Map;

/** The member JSON API under {@code /api/v1/tasks}. */
final class TaskApi {

    private final PluginContext ctx;
    private final Tasks tasks;
    private final Proofs proofs;
    private final Shares shares;
    private final TaskViews views;

    TaskApi(PluginContext ctx, Tasks tasks, Proofs proofs, Shares shares, TaskViews views) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.proofs = proofs;
        this.shares = shares;
        this.views = views;
    }

    /** {@code GET /api/v1/tasks}: today's tasks with my progress. */
    void list(Exchange x) {
        long me = x.requireMember().id();
        x.json(Page.all(tasks.forMember(me).stream().map(m -> views.member(m, x.locale())).toList()));
    }

    /** {@code GET /api/v1/tasks/{id}}: one task with my progress. */
    void one(Exchange x) {
        x.json(Map.of("task", views.member(tasks.mine(x.requireMember().id(), x.pathParamAsId("id")), x.locale())));
    }

    /** {@code POST /api/v1/tasks/{id}/claim}: completes a profile or phone task when the profile has what it asks. */
    void claim(Exchange x) {
        x.json(Map.of("task", views.member(tasks.claim(x.requireMember(), x.pathParamAsId("id")), x.locale())));
    }

    /** {@code POST /api/v1/tasks/{id}/proofs} (multipart: {@code screenshot} and/or {@code handle}): sends a proof. */
    void proof(Exchange x) {
        Proof p = proofs.submit(x.requireMember(), x.pathParamAsId("id"), x.file("screenshot"), x.formValue("handle"));
        x.json(201, Map.of("proof", p.json()));
    }

    /** {@code POST /api/v1/tasks/{id}/share}: my share link for a share task. */
    void share(Exchange x) {
        String link = shares.link(x.requireMember(), x.pathParamAsId("id"), Devices.hash(x));
        x.json(Map.of("share", Map.of("link", x.siteUrl() + link, "path", link)));
    }
}
