package io.kindred.server.users;

import io.kindred.server.config.SiteSettings;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends plain-text email through the SMTP server of the settings {@code mail.smtp.host},
 * {@code mail.smtp.port} (587), {@code mail.smtp.username}, {@code mail.smtp.password},
 * {@code mail.smtp.starttls} (true), {@code mail.smtp.ssl} (true on port 465) and {@code mail.from}.
 * Settings are read for every message, so a change in the console applies to the next one.
 * {@link #sendLater} sends on one background thread, so that a slow mail server neither holds up a page
 * nor tells a visitor, by its timing, whether an address has an account.
 */
public final class Mailer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("kindred.mail");
    private static final int TIMEOUT_MS = 15_000;

    /** One plain-text message. */
    public record Mail(String to, String subject, String text) {
    }

    private final SiteSettings settings;
    private final ThreadPoolExecutor outbox;

    public Mailer(SiteSettings settings) {
        this.settings = settings;
        this.outbox = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1_000), r -> {
            Thread t = new Thread(r, "kindred-mail");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return whether an SMTP host is set; without one nothing can be sent */
    public boolean configured() {
        return isConfigured(settings);
    }

    /** @return whether the settings name an SMTP host (the console's banner and {@code /forgot} ask) */
    public static boolean isConfigured(SiteSettings settings) {
        return settings.raw("mail.smtp.host").filter(h -> !h.isBlank()).isPresent();
    }

    /** Sends now, on the caller's thread. */
    public void send(Mail mail) throws MessagingException {
        String host = settings.raw("mail.smtp.host").map(String::trim).filter(h -> !h.isEmpty())
                .orElseThrow(() -> new MessagingException("mail.smtp.host is not set"));
        int port = settings.intValue("mail.smtp.port", 587);
        String user = settings.raw("mail.smtp.username").map(String::trim).filter(u -> !u.isEmpty()).orElse(null);
        String password = settings.raw("mail.smtp.password").orElse("");

        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MS));
        p.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MS));
        p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MS));
        if (settings.boolValue("mail.smtp.ssl", port == 465)) {
            p.put("mail.smtp.ssl.enable", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        } else if (settings.boolValue("mail.smtp.starttls", true)) {
            // Required, not merely enabled: never send a password or a reset link in clear text by accident.
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        Authenticator auth = null;
        if (user != null) {
            p.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        Session session = Session.getInstance(p, auth);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from(host, user), true));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        m.setSubject(mail.subject(), "UTF-8");
        m.setText(mail.text(), "UTF-8");
        m.setSentDate(new Date());
        Transport.send(m);
    }

    private String from(String host, String user) {
        return settings.raw("mail.from").map(String::trim).filter(f -> !f.isEmpty())
                .orElse(user != null && user.contains("@") ? user : "noreply@" + host);
    }

    /** Queues a message for the background thread; a failure is logged in one line and not retried. */
    public void sendLater(Mail mail) {
        try {
            outbox.execute(() -> {
                try {
                    send(mail);
                    log.info("Mail '{}' sent to {}", mail.subject(), mail.to());
                } catch (MessagingException | RuntimeException e) {
                    log.warn("Mail '{}' to {} could not be sent: {}", mail.subject(), mail.to(), rootMessage(e));
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Mail '{}' to {} was dropped: the mail queue is full or stopped", mail.subject(), mail.to());
        }
    }

    /** @return the error and, when different, its root cause, in one line (what the mail server answered) */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getMessage() + " (" + root + ")";
    }

    /** Sends what is queued (up to 20 s), then stops. */
    @Override
    public void close() {
        outbox.shutdown();
        try {
            if (!outbox.awaitTermination(20, TimeUnit.SECONDS)) {
                log.warn("{} mails were still queued at shutdown and are not sent", outbox.getQueue().size());
                outbox.shutdownNow();
            }
        } catch (InterruptedException e) {
            outbox.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
