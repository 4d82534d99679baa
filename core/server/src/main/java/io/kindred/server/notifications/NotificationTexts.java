package io.kindred.server.notifications;

import io.kindred.api.notifications.NotificationType;
import io.kindred.server.pages.Messages;
import io.kindred.server.ui.UiRegistry;
import io.kindred.server.web.Json;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a stored notification in a language: the type's title and body from the bundles, with {@code {name}}
 * placeholders filled from the parameters. A type whose plugin is stopped reads as a generic notification.
 */
public final class NotificationTexts {

    /** A notification as a member reads it. */
    public record Rendered(long id, String type, String title, String body, String link, java.time.Instant createdAt,
                           boolean unread) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("type", type);
            m.put("title", title);
            m.put("body", body);
            m.put("link", link);
            m.put("createdAt", createdAt.toString());
            m.put("read", !unread);
            return m;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final Messages messages;
    private final UiRegistry ui;

    public NotificationTexts(Messages messages, UiRegistry ui) {
        this.messages = messages;
        this.ui = ui;
    }

    public Rendered render(NotificationStore.Row r, Locale locale) {
        Map<String, Object> params = Json.readMap(r.params());
        NotificationType t = ui.notificationType(r.type()).orElse(null);
        String title = t == null ? messages.get(locale, "notifications.generic.title")
                : fill(messages.find(locale, t.titleKey()).orElse(t.titleKey()), params);
        String body = t == null ? "" : fill(messages.find(locale, t.bodyKey()).orElse(""), params);
        return new Rendered(r.id(), r.type(), title, body, r.link(), r.createdAt(), r.unread());
    }

    static String fill(String pattern, Map<String, Object> params) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = params.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : String.valueOf(v)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
