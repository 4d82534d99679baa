package io.kindred.server.users;

import io.javalin.http.Context;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.Principal;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code /api/v1/me}: the signed-in member's own account and profile. */
public final class MeRoutes implements Consumer<CoreRouting> {

    record PasswordBody(String currentPassword, String newPassword) {
    }

    /** {@code PATCH /api/v1/me}: a field left out stays as it is; an empty one is cleared. */
    record ProfileBody(Optional<String> displayName, Optional<String> avatar, Optional<String> birthday,
                       Optional<String> phone, Optional<Map<String, Object>> shippingAddress,
                       Optional<String> locale) {
        /** The avatar is not among these: it goes through {@link Avatars}, which knows whose file is whose. */
        Accounts.ProfileChange change() {
            return new Accounts.ProfileChange(displayName.orElse(null), null, birthday.orElse(null),
                    phone.orElse(null), shippingAddress.orElse(null), locale.orElse(null));
        }
    }

    private final Accounts accounts;
    private final UserStore users;
    private final Auth auth;
    private final Preferences preferences;

    private final CredentialThrottle throttle;
    private final Avatars avatars;

    public MeRoutes(Accounts accounts, UserStore users, Auth auth, Preferences preferences, CredentialThrottle throttle,
                    Avatars avatars) {
        this.throttle = throttle;
        this.avatars = avatars;
        this.accounts = accounts;
        this.users = users;
        this.auth = auth;
        this.preferences = preferences;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/me", Access.MEMBER, this::me);
        r.patch("/api/v1/me", Access.MEMBER, this::update);
        r.post("/api/v1/me/password", Access.MEMBER, this::changePassword);
        r.put("/api/v1/me/avatar", Access.MEMBER, this::uploadAvatar);
        r.delete("/api/v1/me/avatar", Access.MEMBER, ctx -> {
            long id = memberId(auth, ctx);
            avatars.remove(id);
            me(ctx);
        });
        r.get("/api/v1/me/preferences", Access.MEMBER, ctx -> preferencesJson(ctx, memberId(auth, ctx)));
        r.patch("/api/v1/me/preferences", Access.MEMBER, this::setPreferences);
    }

    static long memberId(Auth auth, Context ctx) {
        Principal p = auth.principal(ctx).orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
        if (p.isApiKey()) {
            throw KindredException.forbidden("An API key is not a member.");
        }
        return p.member().id();
    }

    private void me(Context ctx) {
        UserRow u = users.byId(memberId(auth, ctx)).orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
        ctx.contentType("application/json").result(Json.write(Map.of("user", u.toJson())));
    }

    private void update(Context ctx) {
        ProfileBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), ProfileBody.class);
        long id = memberId(auth, ctx);
        UserRow u = accounts.updateProfile(id, b.change());
        if (b.avatar().isPresent()) {
            avatars.choose(id, b.avatar().get());
            u = users.byId(id).orElseThrow();
        }
        ctx.contentType("application/json").result(Json.write(Map.of("user", u.toJson())));
    }

    /** {@code PUT /api/v1/me/avatar}: the body is the picture itself; its id is the name in the returned path. */
    private void uploadAvatar(Context ctx) {
        long id = memberId(auth, ctx);
        byte[] image = ctx.bodyAsBytes();
        if (image.length == 0) {
            throw KindredException.missingField("body");
        }
        String url = avatars.replace(id, image);
        UserRow u = users.byId(id).orElseThrow();
        Map<String, Object> upload = Map.of("id", url.substring(url.lastIndexOf('/') + 1), "url", url);
        ctx.contentType("application/json").result(Json.write(Map.of("upload", upload, "user", u.toJson())));
    }

    private void preferencesJson(Context ctx, long id) {
        Map<String, Boolean> values = new java.util.LinkedHashMap<>();
        preferences.of(id).forEach((p, v) -> values.put(p.key(), v));
        ctx.contentType("application/json").result(Json.write(Map.of("preferences", values)));
    }

    @SuppressWarnings("unchecked")
    private void setPreferences(Context ctx) {
        long id = memberId(auth, ctx);
        Map<String, Object> body = Bodies.read(Json.CORE, ctx.bodyAsBytes(), Map.class);
        for (var e : body.entrySet()) {
            if (!(e.getValue() instanceof Boolean)) {
                throw KindredException.invalidField("The preference '" + e.getKey() + "' must be true or false.");
            }
            preferences.check(e.getKey());
        }
        body.forEach((key, value) -> preferences.set(id, key, (Boolean) value));
        preferencesJson(ctx, id);
    }

    private void changePassword(Context ctx) {
        long id = memberId(auth, ctx);
        PasswordBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), PasswordBody.class);
        if (b.currentPassword().isEmpty()) {
            throw KindredException.missingField("currentPassword");
        }
        if (b.newPassword().isEmpty()) {
            throw KindredException.missingField("newPassword");
        }
        new PasswordConfirmation(accounts, throttle).confirm(users.byId(id).orElseThrow(), b.currentPassword(),
                "currentPassword", ctx.ip());
        accounts.changePassword(id, b.newPassword());
        ctx.status(204);
    }
}
