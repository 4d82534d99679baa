package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.notifications.BroadcastStore;
import io.kindred.server.notifications.Broadcasts;
import io.kindred.server.notifications.NotificationStore;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Params;
import io.kindred.server.web.Principal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /console/broadcasts} (operators): write an announcement, preview it with the number of members it reaches,
 * send it (delivered in the background), and see what was sent; {@code /console/emails}: the email queue, with the
 * emails that could not be sent and why.
 */
public final class ConsoleBroadcasts implements Consumer<CoreRouting> {

    private final Views views;
    private final Broadcasts broadcasts;
    private final NotificationStore emails;
    private final SiteSettings settings;
    private final io.kindred.server.segments.Segments segments;
    private final io.kindred.server.users.Mailer mailer;

    public ConsoleBroadcasts(Views views, Broadcasts broadcasts, NotificationStore emails, SiteSettings settings,
                             io.kindred.server.segments.Segments segments, io.kindred.server.users.Mailer mailer) {
        this.segments = segments;
        this.mailer = mailer;
        this.views = views;
        this.broadcasts = broadcasts;
        this.emails = emails;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/broadcasts", Access.OPERATOR, ctx -> page(ctx, null, null, null));
        r.post("/console/broadcasts/preview", Access.OPERATOR, this::preview);
        r.post("/console/broadcasts", Access.OPERATOR, this::send);
        r.get("/console/emails", Access.OPERATOR, ctx -> emailsPage(ctx, Map.of()));
        r.post("/console/emails/test", Access.OPERATOR, this::testMail);
    }

    /** Sends a test email to the operator now, on this request, and shows what the mail server answered. */
    private void testMail(Context ctx) {
        io.kindred.api.users.Member me = views.viewer(ctx).orElseThrow();
        if (!mailer.configured() || me.email() == null) {
            emailsPage(ctx, Map.of("testError", views.t(ctx, mailer.configured() ? "console.mail.test.noEmail" : "console.mail.missing")));
            return;
        }
        try {
            mailer.send(new io.kindred.server.users.Mailer.Mail(me.email(), views.t(ctx, "console.mail.test.subject", settings.siteName()),
                    views.t(ctx, "console.mail.test.body", settings.siteName())));
            emailsPage(ctx, Map.of("testSent", me.email()));
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            emailsPage(ctx, Map.of("testError", io.kindred.server.users.Mailer.rootMessage(e)));
        }
    }

    private static Broadcasts.Draft draft(Context ctx) {
        boolean toLabel = "label".equals(ConsoleSupport.field(ctx, "audience"));
        boolean toSegment = "segment".equals(ConsoleSupport.field(ctx, "audience"));
        Long segmentId = null;
        if (toSegment) {
            try {
                segmentId = Long.parseLong(ConsoleSupport.field(ctx, "segment"));
            } catch (NumberFormatException e) {
                segmentId = 0L; // not a segment: refused as one that is not there
            }
        }
        return new Broadcasts.Draft(ConsoleSupport.field(ctx, "title"), ConsoleSupport.field(ctx, "body"),
                ConsoleSupport.field(ctx, "link"), toLabel ? ConsoleSupport.field(ctx, "label") : null, segmentId,
                ctx.formParam("inSite") != null, ctx.formParam("email") != null);
    }

    private void preview(Context ctx) {
        Broadcasts.Draft d = draft(ctx);
        try {
            d = d.checked();
            if ("label".equals(ConsoleSupport.field(ctx, "audience")) && d.label() == null) {
                throw KindredException.missingField("label");
            }
            page(ctx, d, broadcasts.audienceSize(d), null);
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            page(ctx, d, null, views.errorText(ctx, e));
        }
    }

    private void send(Context ctx) {
        Broadcasts.Draft d = draft(ctx);
        try {
            String actor = views.principal(ctx).map(Principal::label).orElse("anonymous");
            broadcasts.send(actor, d);
            ConsoleSupport.redirect(ctx, "/console/broadcasts", "broadcast.sent");
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            page(ctx, d, null, views.errorText(ctx, e));
        }
    }

    private void page(Context ctx, Broadcasts.Draft draft, Long count, String error) {
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("title", draft == null ? "" : draft.title());
        form.put("body", draft == null ? "" : draft.body());
        form.put("link", draft == null || draft.link() == null ? "" : draft.link());
        form.put("label", draft == null || draft.label() == null ? "" : draft.label());
        form.put("toLabel", draft != null && draft.label() != null);
        form.put("toSegment", draft != null && draft.segmentId() != null);
        form.put("segment", draft == null || draft.segmentId() == null ? "" : String.valueOf(draft.segmentId()));
        form.put("inSite", draft == null || draft.inSite());
        form.put("email", draft == null || draft.email());
        model.put("form", form);
        model.put("segments", segments.saved(Long.MAX_VALUE, 100).stream().map(g -> Map.of("id", String.valueOf(g.id()),
                "name", g.name())).toList());
        model.put("count", count);
        model.put("error", error);
        PageRequest page = Params.page(ctx, 20);
        Page<BroadcastStore.Broadcast> sent = Page.of(broadcasts.newestFirst(page.before(), page.limit()), page,
                BroadcastStore.Broadcast::id);
        model.put("sent", sent.items().stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", b.id());
            m.put("title", b.title());
            m.put("actor", b.actor());
            m.put("when", ConsoleSupport.when(b.createdAt(), settings.zone()));
            m.put("label", b.label() == null ? "" : b.label());
            m.put("segmentId", b.segmentId() == null ? "" : String.valueOf(b.segmentId()));
            m.put("recipients", b.recipients());
            m.put("delivered", b.delivered());
            m.put("done", "done".equals(b.state()));
            m.put("inSite", b.inSite());
            m.put("email", b.email());
            return m;
        }).toList());
        model.put("nextCursor", sent.nextCursor());
        views.page(ctx, "console/broadcasts", model);
    }

    private void emailsPage(Context ctx, Map<String, Object> test) {
        PageRequest page = Params.page(ctx, 50);
        Page<NotificationStore.Email> failed = Page.of(emails.emails("failed", page.before(), page.limit()), page,
                NotificationStore.Email::id);
        Map<String, Object> model = new HashMap<>(test);
        model.put("mailConfigured", mailer.configured());
        model.put("pending", emails.countEmails("pending"));
        model.put("sent", emails.countEmails("sent"));
        model.put("failedCount", emails.countEmails("failed"));
        List<Map<String, Object>> rows = failed.items().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("userId", e.userId());
            m.put("attempts", e.attempts());
            m.put("error", e.lastError() == null ? "" : e.lastError());
            m.put("when", ConsoleSupport.when(e.createdAt(), settings.zone()));
            return m;
        }).toList();
        model.put("failed", rows);
        model.put("nextCursor", failed.nextCursor());
        views.page(ctx, "console/emails", model);
    }
}
