package io.kindred.server.customers;

import io.javalin.http.Context;
import io.kindred.api.web.Access;
import io.kindred.server.users.Accounts;
import io.kindred.server.users.UserRow;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;

import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /api/v1/auth/claim/...}: an imported customer proves their phone (a code by SMS) or their email (a
 * link) and sets a password; the record, with its history, is then theirs and they are signed in.
 */
public final class ClaimRoutes implements Consumer<CoreRouting> {

    record PhoneBody(String phone) {
    }

    record PhoneConfirmBody(String phone, String code, String password) {
    }

    record EmailBody(String email) {
    }

    record EmailConfirmBody(String token, String password) {
    }

    private final Claims claims;
    private final Auth auth;

    public ClaimRoutes(Claims claims, Auth auth) {
        this.claims = claims;
        this.auth = auth;
    }

    @Override
    public void accept(CoreRouting r) {
        r.postWithoutCsrf("/api/v1/auth/claim/phone", Access.PUBLIC, this::phone);
        r.postWithoutCsrf("/api/v1/auth/claim/phone/confirm", Access.PUBLIC, this::phoneConfirm);
        r.postWithoutCsrf("/api/v1/auth/claim/email", Access.PUBLIC, this::email);
        r.postWithoutCsrf("/api/v1/auth/claim/email/confirm", Access.PUBLIC, this::emailConfirm);
    }

    private void phone(Context ctx) {
        PhoneBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), PhoneBody.class);
        claims.sendCode(ctx, b.phone());
        json(ctx, 202, Map.of("claim", Claims.answer("phone", Accounts.normalisePhone(b.phone()))));
    }

    private void phoneConfirm(Context ctx) {
        PhoneConfirmBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), PhoneConfirmBody.class);
        signedIn(ctx, claims.confirmCode(ctx, b.phone(), b.code(), b.password()));
    }

    private void email(Context ctx) {
        EmailBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), EmailBody.class);
        String email = Accounts.normaliseEmail(b.email());
        claims.sendLink(ctx, email);
        json(ctx, 202, Map.of("claim", Claims.answer("email", email)));
    }

    private void emailConfirm(Context ctx) {
        EmailConfirmBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), EmailConfirmBody.class);
        signedIn(ctx, claims.confirmLink(ctx, b.token(), b.password()));
    }

    private void signedIn(Context ctx, UserRow user) {
        auth.signIn(ctx, user);
        json(ctx, 200, Map.of("user", user.toJson()));
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
