package io.kindred.server.privacy;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Scope;
import io.kindred.server.plugins.PluginRoutes;
import io.kindred.server.users.MemberIds;
import io.kindred.server.users.PasswordConfirmation;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.Principal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The personal data API: the published terms and privacy notice, a member's consents, their export and the deletion
 * of their account; the same export and erasure for operators acting on a member's request; publishing new texts.
 */
public final class PrivacyRoutes implements Consumer<CoreRouting> {

    record ConsentBody(Optional<Integer> terms, Optional<Integer> privacy) {

        Map<String, Integer> seen() {
            Map<String, Integer> m = new LinkedHashMap<>();
            terms.ifPresent(v -> m.put("terms", v));
            privacy.ifPresent(v -> m.put("privacy", v));
            return m;
        }
    }

    record DeleteBody(String password) {
    }

    record EraseBody(Optional<String> reason) {
    }

    record PublishBody(Map<String, String> texts) {
    }

    /** The services the routes use. */
    public record Services(LegalTexts texts, Consents consents, MemberExport export, MemberErasure erasure, UserStore users,
                           Auth auth, PasswordConfirmation passwords, java.util.function.LongUnaryOperator points) {
    }

    private final Services s;

    public PrivacyRoutes(Services services) {
        this.s = services;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/legal", Access.PUBLIC, this::legal);
        r.get("/api/v1/me/consents", Access.MEMBER, ctx -> json(ctx, 200, Map.of("consents", consents(memberId(ctx)))));
        r.post("/api/v1/me/consents", Access.MEMBER, this::accept);
        r.get("/api/v1/me/export", Access.MEMBER, ctx -> export(ctx, memberId(ctx)));
        r.delete("/api/v1/me", Access.MEMBER, this::deleteOwn);
        r.scoped(Scope.MEMBERS_READ).get("/api/v1/admin/users/{id}/export", Access.OPERATOR,
                ctx -> export(ctx, MemberIds.existing(ctx, s.users())));
        r.scoped(Scope.MEMBERS_WRITE).post("/api/v1/admin/users/{id}/erase", Access.OPERATOR, this::erase);
        r.put("/api/v1/admin/legal/{document}", Access.ADMIN, this::publish);
    }

    private void legal(Context ctx) {
        Locale locale = "zh-CN".equalsIgnoreCase(ctx.queryParam("locale")) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        Map<String, Object> m = new LinkedHashMap<>();
        for (String doc : LegalTexts.DOCUMENTS) {
            s.texts().current(doc, locale).ifPresent(t -> m.put(doc, Map.of("version", t.version(), "locale", t.locale(),
                    "publishedAt", t.publishedAt(), "body", t.body())));
        }
        json(ctx, 200, Map.of("legal", m));
    }

    private Map<String, Object> consents(long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("current", s.consents().currentVersions());
        m.put("upToDate", s.consents().upToDate(userId));
        m.put("history", s.consents().history(userId).stream().map(Consents.Consent::toJson).toList());
        return m;
    }

    private void accept(Context ctx) {
        long id = memberId(ctx);
        ConsentBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), ConsentBody.class);
        s.consents().accept(id, b.seen());
        json(ctx, 200, Map.of("consents", consents(id)));
    }

    private void export(Context ctx, long userId) {
        if ("zip".equals(ctx.queryParam("format"))) {
            ctx.contentType("application/zip")
                    .header("Content-Disposition", "attachment; filename=\"kindred-export-" + userId + ".zip\"");
            try {
                s.export().zip(userId, ctx.outputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        if (ctx.queryParam("format") != null && !"json".equals(ctx.queryParam("format"))) {
            throw KindredException.invalidField("The format is json or zip.");
        }
        json(ctx, 200, s.export().document(userId));
    }

    private void deleteOwn(Context ctx) {
        long id = memberId(ctx);
        DeleteBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), DeleteBody.class);
        UserRow me = s.users().byId(id).orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
        s.passwords().confirm(me, b.password(), "password", ctx.ip());
        MemberErasure.Erasure done = s.erasure().erase("the member (#" + id + ")", id, "deleted their own account");
        s.auth().signOut(ctx);
        json(ctx, 200, Map.of("erasure", done.toJson()));
    }

    private void erase(Context ctx) {
        long id = MemberIds.existing(ctx, s.users());
        EraseBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), EraseBody.class);
        json(ctx, 200, Map.of("erasure", s.erasure().erase(PluginRoutes.actor(ctx, s.auth()), id, b.reason().orElse("")).toJson()));
    }

    private void publish(Context ctx) {
        String document = ctx.pathParam("document");
        PublishBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), PublishBody.class);
        int version = s.texts().publish(PluginRoutes.actor(ctx, s.auth()), document, b.texts());
        json(ctx, 200, Map.of("legal", Map.of("document", document, "version", version)));
    }

    private long memberId(Context ctx) {
        Principal p = s.auth().principal(ctx).orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
        if (p.isApiKey()) {
            throw KindredException.forbidden("An API key is not a member.");
        }
        return p.member().id();
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
