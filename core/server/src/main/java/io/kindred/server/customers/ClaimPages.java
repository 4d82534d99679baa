package io.kindred.server.customers;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.pages.Views;
import io.kindred.server.web.Auth;
import io.kindred.server.web.CoreRouting;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code /claim}: the member pages of claiming an imported record, phone first. One template, {@code claim},
 * in steps: {@code start} (phone, or email), {@code code} (the code and a password), {@code email-sent},
 * {@code email-password} (from the emailed link) and {@code invalid} (a used or expired link). Like
 * {@code /forgot}, nothing here acts on a session's authority, so no CSRF token is needed.
 */
public final class ClaimPages implements Consumer<CoreRouting> {

    private final Views views;
    private final Claims claims;
    private final Auth auth;

    public ClaimPages(Views views, Claims claims, Auth auth) {
        this.views = views;
        this.claims = claims;
        this.auth = auth;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/claim", Access.PUBLIC, ctx -> page(ctx, "start", Map.of()));
        r.postWithoutCsrf("/claim/phone", Access.PUBLIC, this::sendCode);
        r.postWithoutCsrf("/claim/phone/confirm", Access.PUBLIC, this::confirmCode);
        r.postWithoutCsrf("/claim/email", Access.PUBLIC, this::sendLink);
        r.get("/claim/email", Access.PUBLIC, this::linkPage);
        r.postWithoutCsrf("/claim/email/confirm", Access.PUBLIC, this::confirmLink);
    }

    /** The page that tells a sign-up with an imported email to open the link just sent. */
    public void linkSent(Context ctx, String email) {
        claims.sendLink(ctx, email);
        ctx.status(202);
        page(ctx, "email-sent", Map.of("email", Claims.normalised(email), "known", true));
    }

    private void sendCode(Context ctx) {
        String phone = form(ctx, "phone");
        try {
            claims.sendCode(ctx, phone);
            page(ctx, "code", Map.of("phone", phone));
        } catch (KindredException e) {
            ctx.status(e.status());
            page(ctx, "start", Map.of("phone", phone, "error", views.errorText(ctx, e)));
        }
    }

    private void confirmCode(Context ctx) {
        String phone = form(ctx, "phone");
        ctx.header("Cache-Control", "no-store");
        try {
            auth.signIn(ctx, claims.confirmCode(ctx, phone, ctx.formParam("code"), ctx.formParam("password")));
            ctx.redirect("/?notice=welcome", HttpStatus.SEE_OTHER);
        } catch (io.kindred.server.users.TooManyAttempts e) {
            e.answer(ctx);
            page(ctx, "code", Map.of("phone", phone, "error", views.errorText(ctx, e)));
        } catch (KindredException e) {
            ctx.status(e.status());
            page(ctx, "code", Map.of("phone", phone, "error", views.errorText(ctx, e)));
        }
    }

    private void sendLink(Context ctx) {
        String email = form(ctx, "email");
        try {
            claims.sendLink(ctx, email);
            page(ctx, "email-sent", Map.of("email", Claims.normalised(email), "known", false));
        } catch (KindredException e) {
            ctx.status(e.status());
            page(ctx, "start", Map.of("email", email, "error", views.errorText(ctx, e)));
        }
    }

    private void linkPage(Context ctx) {
        String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
        ctx.header("Cache-Control", "no-store");
        if (!claims.email().isValid(token)) {
            ctx.status(400);
            page(ctx, "invalid", Map.of());
            return;
        }
        page(ctx, "email-password", Map.of("token", token));
    }

    private void confirmLink(Context ctx) {
        String token = form(ctx, "token");
        ctx.header("Cache-Control", "no-store");
        try {
            auth.signIn(ctx, claims.confirmLink(ctx, token, ctx.formParam("password")));
            ctx.redirect("/?notice=welcome", HttpStatus.SEE_OTHER);
        } catch (io.kindred.server.users.TooManyAttempts e) {
            e.answer(ctx);
            page(ctx, "email-password", Map.of("token", token, "error", views.errorText(ctx, e)));
        } catch (KindredException e) {
            ctx.status(400);
            boolean badLink = e.code().equals("reset_link_invalid");
            page(ctx, badLink ? "invalid" : "email-password",
                    badLink ? Map.of() : Map.of("token", token, "error", views.errorText(ctx, e)));
        }
    }

    private void page(Context ctx, String step, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>();
        model.put("step", step);
        model.put("phone", "");
        model.put("email", "");
        model.put("token", "");
        model.put("mailMissing", !claims.canMail());
        model.putAll(extra);
        views.page(ctx, "claim", model);
    }

    private static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }
}
