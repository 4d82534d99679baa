package io.kindred.server.staff;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.pages.MemberPages;
import io.kindred.server.pages.Views;
import io.kindred.server.users.Sessions;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Auth;
import io.kindred.server.web.CoreRouting;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code /signin/code} (the second step of a sign-in) and {@code /account/security}: the own sessions with
 * "end" buttons, and the TOTP second factor (set up with a QR code, confirm, recovery codes shown once, turn off).
 */
public final class SecurityPages implements Consumer<CoreRouting> {

    private final Views views;
    private final SecondFactor secondFactor;
    private final Sessions sessions;
    private final UserStore users;
    private final Auth auth;
    private final SiteSettings settings;

    public SecurityPages(Views views, SecondFactor secondFactor, Sessions sessions, UserStore users, Auth auth,
                         SiteSettings settings) {
        this.views = views;
        this.secondFactor = secondFactor;
        this.sessions = sessions;
        this.users = users;
        this.auth = auth;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/signin/code", Access.PUBLIC, ctx -> codePage(ctx, Map.of()));
        r.postWithoutCsrf("/signin/code", Access.PUBLIC, this::enterCode);
        r.get("/account/security", Access.MEMBER, ctx -> page(ctx, Map.of()));
        r.post("/account/security/totp/start", Access.MEMBER, ctx -> {
            secondFactor.start(me(ctx));
            ctx.redirect("/account/security#totp", HttpStatus.SEE_OTHER);
        });
        r.post("/account/security/totp/confirm", Access.MEMBER, this::confirm);
        r.post("/account/security/totp/disable", Access.MEMBER, this::disable);
        r.post("/account/security/recovery-codes", Access.MEMBER, this::renew);
        r.post("/account/security/sessions/{id}/end", Access.MEMBER, ctx -> {
            sessions.revoke(me(ctx).id(), ctx.pathParam("id"));
            ctx.redirect("/account/security?notice=session_ended#sessions", HttpStatus.SEE_OTHER);
        });
        r.post("/account/security/sessions/end-others", Access.MEMBER, ctx -> {
            sessions.closeOthers(me(ctx).id(), currentSessionId(ctx));
            ctx.redirect("/account/security?notice=session_ended#sessions", HttpStatus.SEE_OTHER);
        });
    }

    private void codePage(Context ctx, Map<String, Object> extra) {
        if (auth.pendingSession(ctx).isEmpty()) {
            ctx.redirect("/signin", HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("next", MemberPages.safeNext(Optional.ofNullable(ctx.queryParam("next")).orElse(ctx.formParam("next"))));
        model.putAll(extra);
        views.page(ctx, "signin-code", model);
    }

    private void enterCode(Context ctx) {
        Optional<Sessions.Session> pending = auth.pendingSession(ctx);
        if (pending.isEmpty()) {
            ctx.redirect("/signin", HttpStatus.SEE_OTHER);
            return;
        }
        try {
            secondFactor.verify(pending.get().userId(), ctx.formParam("code"), ctx.ip());
        } catch (KindredException e) {
            ctx.status(e.status());
            codePage(ctx, Map.of("error", views.t(ctx, e.status() == 429 ? "signin.throttled" : "security.code.wrong")));
            return;
        }
        UserRow user = users.byId(pending.get().userId()).orElseThrow();
        auth.completeSignIn(ctx, user);
        ctx.redirect(MemberPages.safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void confirm(Context ctx) {
        UserRow me = me(ctx);
        try {
            List<String> codes = secondFactor.confirm(me.id(), ctx.formParam("code"), ctx.ip(), currentSessionId(ctx));
            page(ctx, Map.of("recoveryCodes", codes));
        } catch (KindredException e) {
            ctx.status(e.status());
            page(ctx, Map.of("error", errorText(ctx, e), "errorSection", "totp"));
        }
    }

    private void renew(Context ctx) {
        try {
            page(ctx, Map.of("recoveryCodes", secondFactor.renewRecoveryCodes(me(ctx).id(), ctx.formParam("code"), ctx.ip())));
        } catch (KindredException e) {
            ctx.status(e.status());
            page(ctx, Map.of("error", errorText(ctx, e), "errorSection", "totp"));
        }
    }

    private void disable(Context ctx) {
        try {
            secondFactor.disable(me(ctx), ctx.formParam("password"), ctx.formParam("code"), ctx.ip());
            ctx.redirect("/account/security?notice=totp_off#totp", HttpStatus.SEE_OTHER);
        } catch (KindredException e) {
            ctx.status(e.status());
            page(ctx, Map.of("error", errorText(ctx, e), "errorSection", "totp"));
        }
    }

    private String errorText(Context ctx, KindredException e) {
        return switch (e.code()) {
            case "invalid_totp_code" -> views.t(ctx, "security.code.wrong");
            case "invalid_credentials" -> views.t(ctx, "account.error.password.current");
            case "too_many_attempts" -> views.t(ctx, "signin.throttled");
            case "totp_required" -> views.t(ctx, "security.totp.required");
            default -> views.errorText(ctx, e);
        };
    }

    private void page(Context ctx, Map<String, Object> extra) {
        UserRow me = me(ctx);
        SecondFactor.Status status = secondFactor.status(me.toMember());
        Map<String, Object> model = new HashMap<>();
        model.put("totpOn", status.on());
        model.put("totpRequired", status.required());
        model.put("recoveryCodesLeft", status.recoveryCodesLeft());
        model.put("requiredNotice", "1".equals(ctx.queryParam("required")) && status.required() && !status.on());
        if (!status.on()) {
            secondFactor.pendingEnrolment(me).ifPresent(e -> {
                model.put("enrolmentSecret", e.secret().replaceAll("(.{4})(?!$)", "$1 "));
                model.put("enrolmentQr", io.kindred.server.share.QrCodes.svg(e.uri(), views.t(ctx, "security.totp.qr"), "totp-qr"));
            });
        }
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(settings.zone());
        String current = currentSessionId(ctx);
        model.put("sessions", sessions.listOf(me.id()).stream().map(s -> Map.<String, Object>of(
                "id", s.id(),
                "device", Devices.describe(s.userAgent()),
                "address", s.address(),
                "signedInAt", when.format(Instant.ofEpochMilli(s.signedInAt())),
                "lastSeenAt", when.format(Instant.ofEpochMilli(s.lastSeenAt())),
                "current", s.id().equals(current))).toList());
        model.putAll(extra);
        views.page(ctx, "account-security", model);
    }

    private UserRow me(Context ctx) {
        long id = views.viewer(ctx).orElseThrow(() -> KindredException.unauthenticated("Sign in first.")).id();
        return users.byId(id).orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
    }

    private String currentSessionId(Context ctx) {
        return auth.session(ctx).map(Sessions.Session::id).orElse("");
    }
}
