package io.kindred.server.privacy;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.pages.Views;
import io.kindred.server.plugins.PluginRoutes;
import io.kindred.server.users.MemberIds;
import io.kindred.server.users.UserRow;
import io.kindred.server.web.CoreRouting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The personal data pages: {@code /terms} and {@code /privacy}; {@code /consent} (accept a new version);
 * {@code /account/export.zip} and {@code /account/delete} for the member; for staff, the download and the erasure on
 * a member's console page and {@code /console/legal}, where an administrator publishes new versions of the texts.
 */
public final class PrivacyPages implements Consumer<CoreRouting> {

    private final Views views;
    private final PrivacyRoutes.Services s;

    public PrivacyPages(Views views, PrivacyRoutes.Services services) {
        this.views = views;
        this.s = services;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/terms", Access.PUBLIC, ctx -> legal(ctx, "terms", "privacy"));
        r.get("/privacy", Access.PUBLIC, ctx -> legal(ctx, "privacy", "terms"));
        r.get("/consent", Access.MEMBER, ctx -> views.page(ctx, "consent", Map.of("versions", s.consents().currentVersions())));
        r.post("/consent", Access.MEMBER, this::accept);
        r.get("/account/export.zip", Access.MEMBER, ctx -> zip(ctx, me(ctx).id()));
        r.get("/account/delete", Access.MEMBER, ctx -> deletePage(ctx, me(ctx), null));
        r.post("/account/delete", Access.MEMBER, this::delete);
        r.get("/console/members/{id}/export.zip", Access.OPERATOR, ctx -> zip(ctx, MemberIds.existing(ctx, s.users())));
        r.post("/console/members/{id}/erase", Access.OPERATOR, this::erase);
        r.get("/console/legal", Access.ADMIN, ctx -> new LegalConsole(views, s).page(ctx, null));
        r.post("/console/legal/{document}", Access.ADMIN, ctx -> new LegalConsole(views, s).publish(ctx));
    }

    private void legal(Context ctx, String document, String other) {
        LegalTexts.Text text = s.texts().current(document, views.locale(ctx))
                .orElseThrow(() -> new KindredException(CoreError.NOT_FOUND, "No text is published yet."));
        Map<String, Object> m = new HashMap<>();
        m.put("text", text);
        m.put("title", views.t(ctx, "legal." + document + ".title"));
        m.put("otherPath", "/" + other);
        m.put("otherTitle", views.t(ctx, "legal." + other + ".title"));
        views.page(ctx, "legal", m);
    }

    private void accept(Context ctx) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String doc : LegalTexts.DOCUMENTS) {
            String v = ctx.formParam(doc + "Version");
            if (v != null && v.matches("[0-9]{1,6}")) {
                seen.put(doc, Integer.parseInt(v));
            }
        }
        try {
            s.consents().accept(me(ctx).id(), seen);
            ctx.redirect("/?notice=consent_given", HttpStatus.SEE_OTHER);
        } catch (KindredException e) {
            // A newer version was published while the page was open: show the current ones.
            ctx.redirect("/consent?notice=consent_changed", HttpStatus.SEE_OTHER);
        }
    }

    private void zip(Context ctx, long userId) {
        ctx.contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"kindred-export-" + userId + ".zip\"")
                .header("Cache-Control", "no-store");
        try {
            s.export().zip(userId, ctx.outputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deletePage(Context ctx, UserRow me, String error) {
        Map<String, Object> m = new HashMap<>();
        m.put("email", me.email());
        m.put("points", s.points().applyAsLong(me.id()));
        if (error != null) {
            m.put("error", error);
            ctx.status(400);
        }
        views.page(ctx, "account-delete", m);
    }

    private void delete(Context ctx) {
        UserRow me = me(ctx);
        try {
            if (!"yes".equals(ctx.formParam("understood"))) {
                throw KindredException.missingField("understood");
            }
            s.passwords().confirm(me, ctx.formParam("password"), "password", ctx.ip());
        } catch (KindredException e) {
            if (e.status() == 429) {
                throw e;
            }
            deletePage(ctx, me, views.errorText(ctx, e));
            return;
        }
        s.erasure().erase("the member (#" + me.id() + ")", me.id(), "deleted their own account");
        s.auth().signOut(ctx);
        ctx.redirect("/?notice=account_deleted", HttpStatus.SEE_OTHER);
    }

    private void erase(Context ctx) {
        long id = MemberIds.existing(ctx, s.users());
        String back = "/console/members/" + id;
        if (!String.valueOf(id).equals(String.valueOf(ctx.formParam("confirm")).strip())) {
            ctx.redirect(back + "?notice=privacy_erase_unconfirmed#personal-data", HttpStatus.SEE_OTHER);
            return;
        }
        String reason = ctx.formParam("reason");
        try {
            s.erasure().erase(PluginRoutes.actor(ctx, s.auth()), id, reason == null ? "" : reason.substring(0, Math.min(200, reason.length())));
            ctx.redirect(back + "?notice=privacy_erased#personal-data", HttpStatus.SEE_OTHER);
        } catch (KindredException e) {
            if (!e.code().equals(CoreError.ERASE_REFUSED.code())) {
                throw e;
            }
            ctx.redirect(back + "?notice=privacy_erase_staff#personal-data", HttpStatus.SEE_OTHER);
        }
    }

    private UserRow me(Context ctx) {
        long id = views.viewer(ctx).orElseThrow(() -> KindredException.unauthenticated("Sign in first.")).id();
        return s.users().byId(id).orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
    }
}
