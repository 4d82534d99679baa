package io.kindred.plugins.activities.tasks;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Member pages: {@code /activities/tasks} (today's tasks with progress bars and rewards, the proof form, the share
 * link), their forms without JavaScript, the share link's redirect, the home widget and the overview partial.
 */
final class TaskPages {

    private final PluginContext ctx;
    private final Tasks tasks;
    private final Proofs proofs;
    private final Shares shares;
    private final ShareStore shareStore;
    private final ProofStore proofStore;
    private final TaskViews views;

    TaskPages(PluginContext ctx, Tasks tasks, Proofs proofs, Shares shares, ShareStore shareStore, ProofStore proofStore,
              TaskViews views) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.proofs = proofs;
        this.shares = shares;
        this.shareStore = shareStore;
        this.proofStore = proofStore;
        this.views = views;
    }

    /** {@code GET /activities/tasks}. */
    void index(Exchange x) {
        Member me = x.requireMember();
        Map<String, Object> model = new HashMap<>();
        model.put("tasks", cards(me, x.locale()));
        model.put("baseUrl", x.siteUrl());
        model.put("error", x.query("error").filter(e -> e.matches("[a-z_]{1,40}")).orElse(null));
        model.put("done", x.query("done").filter(e -> e.matches("[a-z_]{1,20}")).orElse(null));
        x.render("activities/tasks/index", model);
    }

    /** {@code POST /activities/tasks/{id}/claim}. */
    void claim(Exchange x) {
        act(x, () -> tasks.claim(x.requireMember(), x.pathParamAsId("id")), "claimed");
    }

    /** {@code POST /activities/tasks/{id}/proof} (multipart). */
    void proof(Exchange x) {
        act(x, () -> proofs.submit(x.requireMember(), x.pathParamAsId("id"), x.file("screenshot"),
                x.formValue("handle")), "proof");
    }

    /** {@code POST /activities/tasks/{id}/share}: makes the member's link, shown on the page from then on. */
    void share(Exchange x) {
        act(x, () -> shares.link(x.requireMember(), x.pathParamAsId("id"), Devices.hash(x)), "shared");
    }

    /** {@code GET /activities/tasks/s/{token}}: counts the visit (see {@link Shares}) and goes on to what was shared. */
    void visit(Exchange x) {
        String token = x.pathParam("token");
        if (!token.matches("[0-9a-f]{24}")) {
            throw KindredException.notFound("This share link is not known.");
        }
        Shares.Visit v = shares.visit(token, x.member(), Devices.cookieId(x), Devices.hash(x),
                x.header("User-Agent").orElse(""));
        x.redirect(v.location());
    }

    /** The home widget and the overview partial {@code activities/tasks/today}: today's open tasks, at most four. */
    Map<String, Object> widget(Member viewer, Locale locale) {
        if (viewer == null) {
            return Map.of("tasks", List.of(), "signedIn", false);
        }
        List<Map<String, Object>> open = tasks.forMember(viewer.id()).stream().filter(m -> !m.completed()).limit(4)
                .map(m -> views.member(m, locale)).toList();
        return Map.of("tasks", open, "signedIn", true);
    }

    private List<Map<String, Object>> cards(Member me, Locale locale) {
        return tasks.forMember(me.id()).stream().map(m -> {
            Map<String, Object> card = views.member(m, locale);
            String kind = m.task().kind();
            card.put("builtIn", BuiltInKind.of(kind).map(k -> k.name().toLowerCase()).orElse("plugin"));
            if (BuiltInKind.SHARE.code().equals(kind)) {
                card.put("link", ctx.db().read(h -> shareStore.ofMember(h, m.task().id(), me.id()))
                        .map(s -> Shares.PATH + s.token()).orElse(null));
            }
            if (BuiltInKind.FOLLOW.code().equals(kind)) {
                card.put("proof", ctx.db().read(h -> proofStore.latest(h, m.task().id(), me.id()))
                        .map(Proof::json).orElse(null));
            }
            return card;
        }).toList();
    }

    private static void act(Exchange x, Runnable action, String done) {
        try {
            action.run();
        } catch (KindredException e) {
            if (e.status() == 401) {
                throw e;
            }
            x.redirect("/activities/tasks?error=" + e.code() + "#task-" + x.pathParam("id"));
            return;
        }
        x.redirect("/activities/tasks?done=" + done + "#task-" + x.pathParam("id"));
    }
}
