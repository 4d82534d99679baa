package io.kindred.server.users;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.kindred.api.db.Database;
import io.kindred.api.events.Events;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.web.Auth;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Principal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An invite code works on any page, not only on {@code /signup}: {@code ?ref=CODE} on a page a browser opens is
 * kept in the cookie {@code kindred_ref} (the sign-up form reads it when its own link has no code) and, when a
 * signed-in member opens another member's code, reported as {@code referral.clicked} {userId, referralCode,
 * referrerId} so that a plugin can bind on a later first purchase (attribution by last click).
 */
public final class ReferralLinks implements Consumer<CoreRouting> {

    /** The cookie that carries the last invite code a browser opened. */
    public static final String COOKIE = "kindred_ref";

    private final Database db;
    private final UserStore users;
    private final Events events;
    private final Auth auth;
    private final SiteSettings settings;

    public ReferralLinks(Database db, UserStore users, Events events, Auth auth, SiteSettings settings) {
        this.db = db;
        this.users = users;
        this.events = events;
        this.auth = auth;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting routes) {
        routes.before(this::capture);
    }

    private void capture(Context ctx) {
        String code = ctx.method() == HandlerType.GET && !ctx.path().startsWith("/api/") ? ctx.queryParam("ref") : null;
        if (code == null || !code.trim().matches("[A-Za-z0-9]{1,16}")) {
            return;
        }
        String normalised = code.trim().toUpperCase();
        Optional<Long> referrer = db.read(h -> users.idByReferralCode(h, normalised));
        if (referrer.isEmpty()) {
            return;
        }
        int days = settings.intValue("referral.cookie-days", 30);
        ctx.cookie(new Cookie(COOKIE, normalised, "/", days * 86_400, auth.secure(ctx), true, null, SameSite.LAX));
        Optional<Long> member = auth.principal(ctx).map(Principal::member).map(m -> m.id());
        if (member.isPresent() && !member.get().equals(referrer.get())) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("userId", member.get());
            payload.put("referralCode", normalised);
            payload.put("referrerId", referrer.get());
            db.write(h -> events.publish(h, "referral.clicked", member.get(), payload));
        }
    }
}
