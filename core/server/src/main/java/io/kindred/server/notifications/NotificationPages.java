package io.kindred.server.notifications;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kindred.api.KindredException;
import io.kindred.api.notifications.Channel;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.pages.Views;
import io.kindred.server.web.Auth;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Params;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The member's {@code /notifications} page (newest first, paged; opening one marks it read; mark all read) and the
 * notification choices on the account page ({@code POST /account/notifications}).
 */
public final class NotificationPages implements Consumer<CoreRouting> {

    private final Views views;
    private final NotificationService notifications;
    private final NotificationTexts texts;
    private final Auth auth;
    private final Supplier<ZoneId> zone;
    private final UnsubscribeLinks unsubscribe;

    public NotificationPages(Views views, NotificationService notifications, NotificationTexts texts, Auth auth,
                             Supplier<ZoneId> zone, UnsubscribeLinks unsubscribe) {
        this.unsubscribe = unsubscribe;
        this.views = views;
        this.notifications = notifications;
        this.texts = texts;
        this.auth = auth;
        this.zone = zone;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/notifications", Access.MEMBER, this::list);
        r.get("/notifications/unsubscribe", Access.PUBLIC, this::unsubscribe);
        r.get("/notifications/{id}", Access.MEMBER, this::open);
        r.post("/notifications/read-all", Access.MEMBER, ctx -> {
            notifications.markAllRead(NotificationRoutes.memberId(auth, ctx));
            ctx.redirect("/notifications?notice=notifications.read", HttpStatus.SEE_OTHER);
        });
        r.post("/account/notifications", Access.MEMBER, this::saveChoices);
    }

    private void list(Context ctx) {
        long member = NotificationRoutes.memberId(auth, ctx);
        Locale locale = views.locale(ctx);
        PageRequest page = Params.page(ctx, 20);
        Page<NotificationStore.Row> rows = Page.of(notifications.newestFirst(member, page.before(), page.limit(), false),
                page, NotificationStore.Row::id);
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone.get());
        List<Map<String, Object>> items = new ArrayList<>();
        for (NotificationStore.Row row : rows.items()) {
            NotificationTexts.Rendered n = texts.render(row, locale);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", n.id());
            m.put("title", n.title());
            m.put("body", n.body());
            m.put("unread", n.unread());
            m.put("when", when.format(n.createdAt()));
            m.put("at", n.createdAt().toString());
            items.add(m);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("items", items);
        model.put("nextCursor", rows.nextCursor());
        views.page(ctx, "notifications", model);
    }

    /** Marks the notification read and follows its link (or comes back to the list). */
    private void open(Context ctx) {
        long member = NotificationRoutes.memberId(auth, ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw KindredException.notFound("No such notification.");
        }
        NotificationStore.Row row = notifications.open(member, id);
        String link = row.link() != null && row.link().startsWith("/") && !row.link().startsWith("//") ? row.link()
                : "/notifications";
        ctx.redirect(link, HttpStatus.SEE_OTHER);
    }

    /**
     * The one-click link of an email: turns email off for that type and says so. Signed, so that nobody can turn off
     * someone else's emails; no session needed, as mail clients open it signed out.
     */
    private void unsubscribe(Context ctx) {
        String type = ctx.queryParam("type");
        long member = unsubscribe.verify(ctx.queryParam("u"), type, ctx.queryParam("sig"));
        Set<Channel> on = EnumSet.noneOf(Channel.class);
        notifications.choices(member).stream().filter(c -> c.type().code().equals(type)).findFirst()
                .ifPresent(c -> on.addAll(c.channels()));
        on.remove(Channel.EMAIL);
        notifications.choose(member, type, on);
        views.page(ctx, "unsubscribed", Map.of("typeName", views.messages().get(views.locale(ctx),
                "notification." + type + ".name")));
    }

    /** Saves every type shown on the account page: a checked box keeps that channel. */
    private void saveChoices(Context ctx) {
        long member = NotificationRoutes.memberId(auth, ctx);
        List<String> checked = ctx.formParams("channel");
        for (NotificationService.Choice c : notifications.choices(member)) {
            Set<Channel> on = EnumSet.noneOf(Channel.class);
            for (Channel channel : Channel.values()) {
                if (checked.contains(field(c.type().code()) + "/" + channel.code())) {
                    on.add(channel);
                }
            }
            notifications.choose(member, c.type().code(), on);
        }
        notifications.chooseDigest(member, ctx.formParam("digest") != null);
        ctx.redirect("/account?notice=notifications.saved#notifications", HttpStatus.SEE_OTHER);
    }

    /** A type's code in the form: dots become dashes (codes have no dashes), so no message-key-like text shows. */
    static String field(String typeCode) {
        return typeCode.replace('.', '-');
    }

    /** @return the account section's variables: each type members may turn off, with the viewer's channels */
    public Map<String, Object> choicesModel(long member, Locale locale) {
        List<Map<String, Object>> types = new ArrayList<>();
        for (NotificationService.Choice c : notifications.choices(member)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", field(c.type().code()));
            m.put("name", views.messages().get(locale, "notification." + c.type().code() + ".name"));
            m.put("inSite", c.has(Channel.IN_SITE));
            m.put("email", c.has(Channel.EMAIL));
            types.add(m);
        }
        return Map.of("notificationTypes", types, "digest", notifications.digest(member));
    }
}
