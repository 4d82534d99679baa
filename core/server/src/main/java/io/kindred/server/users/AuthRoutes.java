package io.kindred.server.users;

import io.javalin.http.Context;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.customers.Claims;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code /api/v1/auth/*}: sign up, sign in, sign out. */
public final class AuthRoutes implements Consumer<CoreRouting> {

    /**
     * @param consent the versions of the terms and the privacy notice the app showed the member (from
     *                {@code GET /api/v1/legal}); the sign-up records the member's acceptance of the current ones
     */
    record RegisterBody(String email, String password, String displayName, Optional<String> referralCode,
                        Optional<ConsentSeen> consent) {
    }

    record ConsentSeen(Optional<Integer> terms, Optional<Integer> privacy) {

        Map<String, Integer> versions() {
            Map<String, Integer> m = new java.util.LinkedHashMap<>();
            terms.ifPresent(v -> m.put("terms", v));
            privacy.ifPresent(v -> m.put("privacy", v));
            return m;
        }
    }

    record LoginBody(String email, String password) {
    }

    private final Accounts accounts;
    private final UserStore users;
    private final Auth auth;
    private final SiteSettings settings;
    private final CredentialThrottle throttle;
    private final Claims claims;

    public AuthRoutes(Accounts accounts, UserStore users, Auth auth, SiteSettings settings, CredentialThrottle throttle,
                      Claims claims) {
        this.claims = claims;
        this.accounts = accounts;
        this.users = users;
        this.auth = auth;
        this.settings = settings;
        this.throttle = throttle;
    }

    @Override
    public void accept(CoreRouting r) {
        r.postWithoutCsrf("/api/v1/auth/register", Access.PUBLIC, this::register);
        r.postWithoutCsrf("/api/v1/auth/login", Access.PUBLIC, this::login);
        r.postWithoutCsrf("/api/v1/auth/logout", Access.PUBLIC, this::logout);
    }

    private void register(Context ctx) {
        RegisterBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), RegisterBody.class);
        if (claims.isClaim(b.email())) {
            // An imported customer's email: they prove it through the emailed link, then the record is theirs.
            claims.sendLink(ctx, b.email());
            ctx.status(202).contentType("application/json")
                    .result(Json.write(Map.of("claim", Claims.answer("email", Accounts.normaliseEmail(b.email())))));
            return;
        }
        UserRow user = accounts.register(new Accounts.SignUp(b.email(), b.password(), b.displayName(),
                b.referralCode().orElse(null), "signup", ctx.ip(), "api", b.consent().map(ConsentSeen::versions).orElse(Map.of())));
        auth.signIn(ctx, user);
        ctx.status(201).contentType("application/json").result(Json.write(Map.of("user", user.toJson())));
    }

    private void login(Context ctx) {
        LoginBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), LoginBody.class);
        if (b.email().isBlank()) {
            throw KindredException.missingField("email");
        }
        if (b.password().isEmpty()) {
            throw KindredException.missingField("password");
        }
        // The same throttle as the sign-in page: a guesser gains nothing by switching to the API.
        CredentialThrottle.Attempt attempt = throttle.check(CredentialThrottle.Kind.PASSWORD, b.email(), ctx.ip());
        Optional<UserRow> found = accounts.authenticate(b.email(), b.password());
        if (found.isEmpty()) {
            throw new KindredException(CoreError.INVALID_CREDENTIALS, "The email or the password is wrong.");
        }
        attempt.succeeded();
        UserRow user = found.get();
        if (auth.signIn(ctx, user).awaitingCode()) {
            // The password was right; POST /api/v1/auth/second-factor with the TOTP code completes the sign-in.
            ctx.status(202).contentType("application/json").result(Json.write(Map.of("secondFactor",
                    Map.of("methods", java.util.List.of("totp", "recoveryCode"), "path", "/api/v1/auth/second-factor"))));
            return;
        }
        ctx.contentType("application/json").result(Json.write(Map.of("user", user.toJson())));
    }

    private void logout(Context ctx) {
        auth.signOut(ctx);
        ctx.status(204);
    }
}
