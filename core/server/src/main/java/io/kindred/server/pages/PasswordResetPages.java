package io.kindred.server.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.users.Accounts;
import io.kindred.server.users.CredentialThrottle;
import io.kindred.server.users.TooManyAttempts;
import io.kindred.server.users.Mailer;
import io.kindred.server.users.PasswordResets;
import io.kindred.server.users.UserRow;
import io.kindred.server.web.CoreRouting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code /forgot} asks for an email and always gives the same answer, whether or not an account uses it;
 * {@code /reset?token=...} (the emailed link) sets a new password. Neither acts on a session's authority,
 * so neither needs a CSRF token, and a reset does not sign anybody in: it sends the member to sign in.
 */
public final class PasswordResetPages implements Consumer<CoreRouting> {

    private static final Logger log = LoggerFactory.getLogger("kindred.pages");

    private final Views views;
    private final PasswordResets resets;
    private final Mailer mailer;
    private final SiteSettings settings;
    private final AtomicBoolean warnedAboutSiteUrl = new AtomicBoolean();

    private final CredentialThrottle throttle;

    public PasswordResetPages(Views views, PasswordResets resets, Mailer mailer, SiteSettings settings,
                              CredentialThrottle throttle) {
        this.throttle = throttle;
        this.views = views;
        this.resets = resets;
        this.mailer = mailer;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/forgot", Access.PUBLIC, ctx -> views.page(ctx, "forgot", Map.of("email", "", "sent", false,
                "mailMissing", !mailer.configured())));
        r.postWithoutCsrf("/forgot", Access.PUBLIC, this::forgot);
        r.get("/reset", Access.PUBLIC, this::resetPage);
        r.postWithoutCsrf("/reset", Access.PUBLIC, this::reset);
    }

    private void forgot(Context ctx) {
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").strip();
        try {
            Accounts.normaliseEmail(email);
        } catch (KindredException e) {
            ctx.status(400);
            views.page(ctx, "forgot", Map.of("email", email, "sent", false, "error", views.t(ctx, "forgot.error.email")));
            return;
        }
        try {
            // Every request counts (each sends a mail), per address asked for and per visitor.
            throttle.check(CredentialThrottle.Kind.RESET_REQUEST, email, ctx.ip());
        } catch (TooManyAttempts e) {
            e.answer(ctx);
            views.page(ctx, "forgot", Map.of("email", email, "sent", false, "error", views.t(ctx, "signin.throttled")));
            return;
        }
        if (settings.raw("site.url").isEmpty() && mailer.configured() && warnedAboutSiteUrl.compareAndSet(false, true)) {
            log.warn("site.url is not set: emailed links use the address the visitor's request came to only when "
                    + "site.allowedHosts names it; set site.url to the site's public address");
        }
        Locale pageLocale = views.locale(ctx);
        resets.request(email, AccountPages.siteUrl(ctx, settings), (user, link) -> mail(user, link, pageLocale));
        // Without SMTP the link only reaches the server log (for the site's team): say so instead of "on its way".
        // The same answer for every address, known or not.
        views.page(ctx, "forgot", Map.of("email", email, "sent", true, "mailMissing", !mailer.configured()));
    }

    private Mailer.Mail mail(UserRow user, String link, Locale pageLocale) {
        Locale locale = user.locale() == null ? pageLocale
                : user.locale().toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        Messages m = views.messages();
        String site = settings.siteName();
        return new Mailer.Mail(user.email(), m.get(locale, "mail.reset.subject", site),
                m.get(locale, "mail.reset.body", user.displayName(), site, link, PasswordResets.VALID_FOR.toMinutes()));
    }

    private void resetPage(Context ctx) {
        String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
        ctx.header("Cache-Control", "no-store");
        if (!linkValid(ctx, token)) {
            if (ctx.status().getCode() == 429) {
                views.page(ctx, "reset", Map.of("invalid", true, "token", "", "error", views.t(ctx, "signin.throttled")));
                return;
            }
            ctx.status(400);
            views.page(ctx, "reset", Map.of("invalid", true, "token", ""));
            return;
        }
        views.page(ctx, "reset", Map.of("invalid", false, "token", token));
    }

    /** Checks a link's token under the throttle (its answer stays 429 when the visitor has guessed too often). */
    private boolean linkValid(Context ctx, String token) {
        try {
            CredentialThrottle.Attempt attempt = throttle.check(CredentialThrottle.Kind.LINK_TOKEN, null, ctx.ip());
            boolean valid = resets.isValid(token);
            if (valid) {
                attempt.succeeded();
            }
            return valid;
        } catch (TooManyAttempts e) {
            e.answer(ctx);
            return false;
        }
    }

    private void reset(Context ctx) {
        String token = Optional.ofNullable(ctx.formParam("token")).orElse("");
        ctx.header("Cache-Control", "no-store");
        if (!linkValid(ctx, token)) {
            boolean throttled = ctx.status().getCode() == 429;
            if (!throttled) {
                ctx.status(400);
            }
            views.page(ctx, "reset", throttled ? Map.of("invalid", true, "token", "", "error", views.t(ctx, "signin.throttled"))
                    : Map.of("invalid", true, "token", ""));
            return;
        }
        try {
            resets.reset(token, ctx.formParam("password"));
            ctx.redirect("/signin?notice=password_reset", HttpStatus.SEE_OTHER);
        } catch (KindredException e) {
            ctx.status(400);
            Map<String, Object> model = new HashMap<>();
            boolean badLink = e.code().equals("reset_link_invalid");
            model.put("invalid", badLink);
            model.put("token", badLink ? "" : token);
            if (!badLink) {
                model.put("error", views.t(ctx, "reset.error.password"));
            }
            views.page(ctx, "reset", model);
        }
    }
}
