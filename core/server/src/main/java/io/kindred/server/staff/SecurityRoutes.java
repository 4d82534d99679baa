package io.kindred.server.staff;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.server.users.Sessions;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.Principal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The JSON side of staff security: the second step of a sign-in ({@code POST /api/v1/auth/second-factor}), the
 * own TOTP ({@code /api/v1/me/second-factor/*}) and the own sessions ({@code /api/v1/me/sessions}).
 */
public final class SecurityRoutes implements Consumer<CoreRouting> {

    record CodeBody(String code) {
    }

    record DisableBody(String password, String code) {
    }

    private final SecondFactor secondFactor;
    private final Sessions sessions;
    private final UserStore users;
    private final Auth auth;

    public SecurityRoutes(SecondFactor secondFactor, Sessions sessions, UserStore users, Auth auth) {
        this.secondFactor = secondFactor;
        this.sessions = sessions;
        this.users = users;
        this.auth = auth;
    }

    @Override
    public void accept(CoreRouting r) {
        r.postWithoutCsrf("/api/v1/auth/second-factor", Access.PUBLIC, this::completeSignIn);
        r.get("/api/v1/me/second-factor", Access.MEMBER, ctx -> json(ctx, 200, "secondFactor", status(ctx)));
        r.post("/api/v1/me/second-factor/setup", Access.MEMBER, this::setup);
        r.post("/api/v1/me/second-factor/confirm", Access.MEMBER, this::confirm);
        r.post("/api/v1/me/second-factor/disable", Access.MEMBER, this::disable);
        r.post("/api/v1/me/second-factor/recovery-codes", Access.MEMBER, this::renew);
        r.delete("/api/v1/admin/users/{id}/second-factor", Access.ADMIN, this::reset);
        r.get("/api/v1/me/sessions", Access.MEMBER, this::list);
        r.delete("/api/v1/me/sessions/{id}", Access.MEMBER, this::revoke);
        r.delete("/api/v1/me/sessions", Access.MEMBER, ctx -> {
            sessions.closeOthers(me(ctx).id(), currentSessionId(ctx));
            ctx.status(204);
        });
    }

    /** The second step of a sign-in: the TOTP code (or a recovery code) for the session the password opened. */
    private void completeSignIn(Context ctx) {
        Sessions.Session pending = auth.pendingSession(ctx)
                .orElseThrow(() -> KindredException.unauthenticated("Sign in with the email and password first."));
        CodeBody b = Bodies.read(Json.CORE, ctx.body(), CodeBody.class);
        secondFactor.verify(pending.userId(), b.code(), ctx.ip());
        UserRow user = users.byId(pending.userId()).filter(u -> u.status().equals("active"))
                .orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
        auth.completeSignIn(ctx, user);
        json(ctx, 200, "user", user.toJson());
    }

    private Map<String, Object> status(Context ctx) {
        SecondFactor.Status s = secondFactor.status(me(ctx).toMember());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("on", s.on());
        m.put("recoveryCodesLeft", s.recoveryCodesLeft());
        m.put("required", s.required());
        return m;
    }

    private void setup(Context ctx) {
        SecondFactor.Enrolment e = secondFactor.start(me(ctx));
        json(ctx, 201, "enrolment", Map.of("secret", e.secret(), "otpauthUri", e.uri()));
    }

    private void confirm(Context ctx) {
        CodeBody b = Bodies.read(Json.CORE, ctx.body(), CodeBody.class);
        List<String> codes = secondFactor.confirm(me(ctx).id(), b.code(), ctx.ip(), currentSessionId(ctx));
        Map<String, Object> m = status(ctx);
        m.put("recoveryCodes", codes);
        json(ctx, 200, "secondFactor", m);
    }

    private void renew(Context ctx) {
        CodeBody b = Bodies.read(Json.CORE, ctx.body(), CodeBody.class);
        List<String> codes = secondFactor.renewRecoveryCodes(me(ctx).id(), b.code(), ctx.ip());
        Map<String, Object> m = status(ctx);
        m.put("recoveryCodes", codes);
        json(ctx, 200, "secondFactor", m);
    }

    private void disable(Context ctx) {
        DisableBody b = Bodies.read(Json.CORE, ctx.body(), DisableBody.class);
        secondFactor.disable(me(ctx), b.password(), b.code(), ctx.ip());
        ctx.status(204);
    }

    /** An administrator removes a member's TOTP (a lost phone and lost recovery codes). */
    private void reset(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new KindredException(io.kindred.api.CoreError.USER_NOT_FOUND, "No such member.");
        }
        if (users.byId(id).isEmpty()) {
            throw new KindredException(io.kindred.api.CoreError.USER_NOT_FOUND, "No such member.");
        }
        secondFactor.reset(id, auth.principal(ctx).map(Principal::label).orElse("unknown"));
        ctx.status(204);
    }

    private void list(Context ctx) {
        String current = currentSessionId(ctx);
        List<Map<String, Object>> items = sessions.listOf(me(ctx).id()).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("device", Devices.describe(s.userAgent()));
            m.put("userAgent", s.userAgent());
            m.put("address", s.address());
            m.put("signedInAt", Instant.ofEpochMilli(s.signedInAt()));
            m.put("lastSeenAt", Instant.ofEpochMilli(s.lastSeenAt()));
            m.put("current", s.id().equals(current));
            return m;
        }).toList();
        ctx.contentType("application/json").result(Json.write(Page.all(items)));
    }

    private void revoke(Context ctx) {
        if (!sessions.revoke(me(ctx).id(), ctx.pathParam("id"))) {
            throw new KindredException(SecurityError.SESSION_NOT_FOUND, "You have no session with this id.");
        }
        ctx.status(204);
    }

    private UserRow me(Context ctx) {
        Principal p = auth.principal(ctx).orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
        if (p.isApiKey()) {
            throw KindredException.forbidden("An API key is not a member.");
        }
        return users.byId(p.member().id()).orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
    }

    private String currentSessionId(Context ctx) {
        return auth.session(ctx).map(Sessions.Session::id).orElse("");
    }

    private static void json(Context ctx, int status, String key, Object value) {
        ctx.status(status).contentType("application/json").result(Json.write(Map.of(key, value)));
    }
}
