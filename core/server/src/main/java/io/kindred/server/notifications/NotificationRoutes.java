package io.kindred.server.notifications;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.Locales;
import io.kindred.server.web.Principal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code /api/v1/me/notifications}: the signed-in member's notifications, rendered in their language. */
public final class NotificationRoutes implements Consumer<CoreRouting> {

    /** {@code {"ids":[1,2]}} or {@code {"all":true}}. */
    record ReadBody(Optional<List<Long>> ids, Optional<Boolean> all) {
    }

    private final NotificationService notifications;
    private final NotificationTexts texts;
    private final Auth auth;
    private final Locales locales;

    public NotificationRoutes(NotificationService notifications, NotificationTexts texts, Auth auth, Locales locales) {
        this.notifications = notifications;
        this.texts = texts;
        this.auth = auth;
        this.locales = locales;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/me/notifications", Access.MEMBER, this::list);
        r.get("/api/v1/me/notifications/unread-count", Access.MEMBER, ctx -> json(ctx,
                Map.of("unread", notifications.unreadCount(memberId(auth, ctx)))));
        r.post("/api/v1/me/notifications/read", Access.MEMBER, this::read);
    }

    /** @return the signed-in member's id; 401 without a session, 403 for an API key */
    public static long memberId(Auth auth, Context ctx) {
        Principal p = auth.principal(ctx).orElseThrow(() -> KindredException.unauthenticated("Sign in first."));
        if (p.isApiKey()) {
            throw KindredException.forbidden("An API key is not a member.");
        }
        return p.member().id();
    }

    private void list(Context ctx) {
        long member = memberId(auth, ctx);
        PageRequest page = PageRequest.of(ctx.queryParam("cursor"), ctx.queryParam("limit"), 20, 100);
        boolean unread = unreadParam(ctx.queryParam("unread"));
        Locale locale = locales.apply(ctx);
        Page<NotificationStore.Row> rows = Page.of(notifications.newestFirst(member, page.before(), page.limit(), unread),
                page, NotificationStore.Row::id);
        json(ctx, rows.map(row -> texts.render(row, locale).toJson()));
    }

    private static boolean unreadParam(String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw KindredException.invalidField("The parameter 'unread' must be true or false.");
    }

    private void read(Context ctx) {
        long member = memberId(auth, ctx);
        ReadBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), ReadBody.class);
        int marked;
        if (b.all().orElse(false)) {
            marked = notifications.markAllRead(member);
        } else if (b.ids().isPresent()) {
            marked = notifications.markRead(member, b.ids().get());
        } else {
            throw KindredException.missingField("ids");
        }
        json(ctx, Map.of("marked", marked, "unread", notifications.unreadCount(member)));
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }
}
