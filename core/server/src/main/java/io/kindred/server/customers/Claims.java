package io.kindred.server.customers;

import io.kindred.server.users.CredentialThrottle;
import io.kindred.server.users.UserRow;

import io.javalin.http.Context;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.pages.AccountPages;
import io.kindred.server.pages.Views;
import io.kindred.server.users.Accounts;
import io.kindred.server.users.Mailer;
import io.kindred.server.users.UserRow;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Claiming an imported record, as the API and the pages start it: the texts of the claim mail and of the
 * code SMS in the visitor's (or the member's) language, and the answer both give.
 */
public final class Claims {

    private final EmailClaims email;
    private final PhoneClaims phone;
    private final Views views;
    private final SiteSettings settings;

    private final CredentialThrottle throttle;

    public Claims(EmailClaims email, PhoneClaims phone, Views views, SiteSettings settings, CredentialThrottle throttle) {
        this.throttle = throttle;
        this.email = email;
        this.phone = phone;
        this.views = views;
        this.settings = settings;
    }

    public EmailClaims email() {
        return email;
    }

    public PhoneClaims phone() {
        return phone;
    }

    /** @return whether a sign-up with this email is a claim of an imported record (then the link is sent) */
    public boolean isClaim(String emailAddress) {
        return email.claimable(emailAddress).isPresent();
    }

    /** @return whether an emailed link can leave this server (SMTP is set up); without, it only reaches the log */
    public boolean canMail() {
        return Mailer.isConfigured(settings);
    }

    /** Sends the claim link for an imported record's email (nothing when it is not claimable). */
    public void sendLink(Context ctx, String emailAddress) {
        Locale pageLocale = views.locale(ctx);
        email.request(emailAddress, AccountPages.siteUrl(ctx, settings), (user, link) -> mail(user, link, pageLocale));
    }

    /** Sends a claim code to the phone (nothing when it is not claimable). */
    public void sendCode(Context ctx, String phoneNumber) {
        Locale locale = views.locale(ctx);
        phone.request(phoneNumber, (code, minutes) -> views.messages().get(locale, "customers.sms.code",
                settings.siteName(), code, minutes));
    }

    /**
     * Claims a phone's record with the texted code, under the credential throttle (per phone and per address).
     *
     * @throws io.kindred.server.users.TooManyAttempts 429 after too many wrong codes
     */
    public UserRow confirmCode(Context ctx, String phoneNumber, String code, String password) {
        CredentialThrottle.Attempt attempt = throttle.check(CredentialThrottle.Kind.CLAIM_CODE, phoneNumber, ctx.ip());
        UserRow user = phone.confirm(phoneNumber, code, password);
        attempt.succeeded();
        return user;
    }

    /**
     * Claims an email's record with the mailed link's token, under the credential throttle (per address).
     *
     * @throws io.kindred.server.users.TooManyAttempts 429 after too many wrong links
     */
    public UserRow confirmLink(Context ctx, String token, String password) {
        CredentialThrottle.Attempt attempt = throttle.check(CredentialThrottle.Kind.LINK_TOKEN, null, ctx.ip());
        UserRow user = email.confirm(token, password);
        attempt.succeeded();
        return user;
    }

    /** The {@code claim} object of the API's 202 answers. */
    public static Map<String, Object> answer(String channel, String to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", channel);
        m.put(channel, to);
        m.put("expiresInMinutes", channel.equals("phone") ? PhoneClaims.VALID_FOR.toMinutes()
                : io.kindred.server.users.PasswordResets.VALID_FOR.toMinutes());
        return m;
    }

    /** @return the normalised email, or the text as given when it is not an email (the caller reports it) */
    static String normalised(String emailAddress) {
        try {
            return Accounts.normaliseEmail(emailAddress);
        } catch (RuntimeException e) {
            return emailAddress == null ? "" : emailAddress.strip();
        }
    }

    private Mailer.Mail mail(UserRow user, String link, Locale pageLocale) {
        Locale locale = user.locale() == null ? pageLocale
                : user.locale().toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        String site = settings.siteName();
        return new Mailer.Mail(user.email(), views.messages().get(locale, "customers.mail.claim.subject", site),
                views.messages().get(locale, "customers.mail.claim.body", user.displayName(), site, link,
                        io.kindred.server.users.PasswordResets.VALID_FOR.toMinutes()));
    }
}
