package io.kindred.server.notifications;

import io.kindred.api.db.Database;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.pages.Theme;
import io.kindred.server.users.Mailer;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Locales;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Drains the email outbox, from the core job {@code send-emails}: renders each queued notification from the theme
 * template {@code email/notification.peb} in the member's language and sends it through the {@link Mailer}. A failure
 * is tried again after 1, 2, 4, … times {@code mail.retry-base-seconds}; after {@code mail.max-attempts} it stays
 * failed, with its error, for the console.
 */
public final class EmailOutbox {

    private static final Logger log = LoggerFactory.getLogger("kindred.mail");
    private static final int BATCH = 50;

    private final Database db;
    private final NotificationStore store;
    private final NotificationTexts texts;
    private final UserStore users;
    private final Theme theme;
    private final Mailer mailer;
    private final SiteSettings settings;
    private final UnsubscribeLinks unsubscribe;
    private final java.util.function.Function<String, Optional<io.kindred.api.notifications.NotificationType>> types;

    public EmailOutbox(Database db, NotificationStore store, NotificationTexts texts, UserStore users, Theme theme,
                       Mailer mailer, SiteSettings settings, UnsubscribeLinks unsubscribe,
                       java.util.function.Function<String, Optional<io.kindred.api.notifications.NotificationType>> types) {
        this.unsubscribe = unsubscribe;
        this.types = types;
        this.db = db;
        this.store = store;
        this.texts = texts;
        this.users = users;
        this.theme = theme;
        this.mailer = mailer;
        this.settings = settings;
    }

    /** @return how many emails were sent in this run */
    public long drain(Instant now) {
        if (!mailer.configured()) {
            return setAside(now);
        }
        long sent = 0;
        for (NotificationStore.Email e : store.dueEmails(now.toEpochMilli(), BATCH)) {
            try {
                mailer.send(compose(e));
                db.write(h -> {
                    store.emailSent(h, e.id(), now.toEpochMilli());
                    return null;
                });
                sent++;
            } catch (Exception ex) {
                failed(e, now, ex);
            }
        }
        return sent;
    }

    /**
     * Without SMTP no email can leave: the due ones are marked failed at once ("mail is not set up"), not retried
     * for days, and the log says so in one line per run instead of one warning per attempt. Members still have the
     * notification in the site; the console's banner tells the operator.
     *
     * @return 0, nothing was sent
     */
    private long setAside(Instant now) {
        List<NotificationStore.Email> due = store.dueEmails(now.toEpochMilli(), BATCH);
        if (due.isEmpty()) {
            return 0;
        }
        db.write(h -> {
            for (NotificationStore.Email e : due) {
                store.emailFailed(h, e.id(), "failed", now.toEpochMilli(), NOT_SET_UP);
            }
            return null;
        });
        log.warn("{} notification email(s) not sent: mail is not set up (mail.smtp.host); members see them in the site",
                due.size());
        return 0;
    }

    private static final String NOT_SET_UP = "mail is not set up (mail.smtp.host)";

    private void failed(NotificationStore.Email e, Instant now, Exception ex) {
        int attempts = e.attempts() + 1;
        int max = settings.intValue("mail.max-attempts", 8);
        long base = settings.intValue("mail.retry-base-seconds", 30) * 1000L;
        int rejected = permanentRejection(ex);
        boolean giveUp = attempts >= max || ex instanceof Undeliverable || rejected > 0;
        long next = now.toEpochMilli() + base * (1L << Math.min(attempts - 1, 20));
        String error = (rejected > 0 ? "bounced: the mail server refused it for good (" + rejected + "): " : "")
                + (ex.getMessage() == null ? ex.toString() : ex.getMessage());
        db.write(h -> {
            store.emailFailed(h, e.id(), giveUp ? "failed" : "pending", next, error.length() > 500
                    ? error.substring(0, 500) : error);
            return null;
        });
        log.warn("Email #{} to member #{} not sent (attempt {}{}): {}", e.id(), e.userId(), attempts,
                giveUp ? ", given up" : "", error);
    }

    /**
     * @return the SMTP reply code of a permanent refusal (5xx: unknown mailbox, rejected sender, message refused),
     * which no retry changes, so the email is kept as bounced at once; 0 for anything else (retried)
     */
    public static int permanentRejection(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            int code = t instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException a ? a.getReturnCode()
                    : t instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException f ? f.getReturnCode()
                    : t instanceof org.eclipse.angus.mail.smtp.SMTPSenderFailedException s ? s.getReturnCode() : 0;
            if (code >= 500 && code < 600) {
                return code;
            }
            if (t instanceof jakarta.mail.MessagingException m && m.getNextException() != null
                    && m.getNextException() != t.getCause()) {
                int nested = permanentRejection(m.getNextException());
                if (nested > 0) {
                    return nested;
                }
            }
        }
        return 0;
    }

    /** An email that no retry can send (no address, notification gone). */
    static final class Undeliverable extends Exception {
        Undeliverable(String message) {
            super(message);
        }
    }

    /** One email gathering the notifications that waited for the member's daily digest. */
    private Mailer.Mail digest(NotificationStore.Email e, UserRow user, Locale locale) throws Undeliverable {
        List<NotificationTexts.Rendered> items = db.read(h -> store.ofDigest(h, e.id())).stream()
                .map(r -> texts.render(r, locale)).toList();
        if (items.isEmpty()) {
            throw new Undeliverable("the digest has no notifications");
        }
        String base = settings.raw("site.url").orElse("").replaceAll("/+$", "");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("member", user.displayName());
        model.put("items", items.stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", n.title());
            m.put("body", n.body());
            m.put("link", n.link() == null ? null : base + n.link());
            return m;
        }).toList());
        model.put("siteName", settings.siteName());
        model.put("settingsLink", base + "/account#notifications");
        String subject = theme.messages().get(locale, "email.digest.subject", settings.siteName(), items.size());
        return new Mailer.Mail(user.email(), subject, theme.render("email/digest", model, locale).strip() + "\n");
    }

    private Mailer.Mail compose(NotificationStore.Email e) throws Undeliverable {
        UserRow user = users.byId(e.userId()).orElseThrow(() -> new Undeliverable("the member is gone"));
        if (user.email() == null || user.email().isBlank()) {
            throw new Undeliverable("the member has no email address");
        }
        Locale locale = Locales.closest(user.locale() != null ? user.locale()
                : settings.raw("site.default-language").orElse("en"));
        if (e.digest()) {
            return digest(e, user, locale);
        }
        Optional<NotificationStore.Row> row = e.notificationId() == null ? Optional.empty()
                : db.read(h -> store.byId(h, e.notificationId()));
        NotificationStore.Row r = row.orElseThrow(() -> new Undeliverable("the notification is gone"));
        NotificationTexts.Rendered text = texts.render(r, locale);
        String base = settings.raw("site.url").orElse("").replaceAll("/+$", "");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("member", user.displayName());
        model.put("notification", text);
        model.put("link", text.link() == null ? null : base + text.link());
        model.put("siteName", settings.siteName());
        model.put("settingsLink", base + "/account#notifications");
        boolean optional = types.apply(r.type()).map(io.kindred.api.notifications.NotificationType::optional).orElse(false);
        model.put("unsubscribeLink", optional ? base + unsubscribe.path(user.id(), r.type()) : null);
        return new Mailer.Mail(user.email(), text.title(), theme.render("email/notification", model, locale).strip() + "\n");
    }
}
