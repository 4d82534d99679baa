package io.kindred.server.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kindred.api.KindredException;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.ledger.LedgerService;
import io.kindred.server.ui.UiRegistry;
import io.kindred.server.users.Accounts;
import io.kindred.server.users.ReferralLinks;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Cacheable;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Params;
import io.kindred.server.web.WebJars;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The member pages of the core: sign up, sign in, sign out, language, my points, brand CSS, WebJars. */
public final class MemberPages implements Consumer<CoreRouting> {

    public static final String LANG_COOKIE = "kindred_lang";

    private final Views views;
    private final Accounts accounts;
    private final UserStore users;
    private final Auth auth;
    private final LedgerService ledger;
    private final UiRegistry ui;
    private final SiteSettings settings;
    private final io.kindred.server.users.CredentialThrottle throttle;
    private final io.kindred.server.customers.Claims claims;
    private final io.kindred.server.customers.ClaimPages claimPages;

    public MemberPages(Views views, Accounts accounts, UserStore users, Auth auth, LedgerService ledger, UiRegistry ui,
                       SiteSettings settings, io.kindred.server.users.CredentialThrottle throttle,
                       io.kindred.server.customers.Claims claims, io.kindred.server.customers.ClaimPages claimPages) {
        this.claims = claims;
        this.claimPages = claimPages;
        this.views = views;
        this.accounts = accounts;
        this.users = users;
        this.auth = auth;
        this.ledger = ledger;
        this.ui = ui;
        this.settings = settings;
        this.throttle = throttle;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/signup", Access.PUBLIC, ctx -> signupPage(ctx, Map.of()));
        r.postWithoutCsrf("/signup", Access.PUBLIC, this::signup);
        r.get("/signin", Access.PUBLIC, ctx -> signinPage(ctx, Map.of()));
        r.postWithoutCsrf("/signin", Access.PUBLIC, this::signin);
        r.post("/signout", Access.PUBLIC, ctx -> {
            auth.signOut(ctx);
            ctx.redirect("/?notice=signedout", HttpStatus.SEE_OTHER);
        });
        r.post("/language", Access.PUBLIC, this::language);
        r.get("/points", Access.MEMBER, this::points);
        r.get("/brand.css", Access.PUBLIC, ctx -> Cacheable.send(ctx, "text/css; charset=utf-8", Cacheable.REVALIDATE,
                (":root { --brand: " + views.base(ctx).get("brandColor") + "; }\n").getBytes(StandardCharsets.UTF_8)));
        r.get("/webjars/{lib}/<path>", Access.PUBLIC, WebJars::serve);
    }

    private void signupPage(Context ctx, Map<String, Object> extra) {
        if (views.viewer(ctx).isPresent() && extra.isEmpty()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        String ref = Optional.ofNullable(ctx.queryParam("ref")).or(() -> Optional.ofNullable(ctx.formParam("ref")))
                .orElse(ctx.cookie(ReferralLinks.COOKIE));
        ref = ref == null ? "" : ref.trim().toUpperCase();
        if (!ref.matches("[A-Z0-9]{0,16}")) {
            ref = "";
        }
        model.put("ref", ref);
        model.put("consentVersions", accounts.consentVersions());
        if (!ref.isEmpty()) {
            String code = ref;
            users.byReferralCode(code).ifPresent(u -> model.put("inviter", u.displayName()));
        }
        model.put("email", "");
        model.put("displayName", "");
        model.putAll(extra);
        views.page(ctx, "signup", model);
    }

    private void signup(Context ctx) {
        String email = ctx.formParam("email");
        String name = ctx.formParam("displayName");
        String ref = ctx.formParam("ref");
        if (claims.isClaim(email)) {
            // An imported customer's email: the record is theirs once they open the link sent to it.
            claimPages.linkSent(ctx, email);
            return;
        }
        try {
            if (!"yes".equals(ctx.formParam("consent"))) {
                throw new KindredException(io.kindred.api.CoreError.CONSENT_REQUIRED,
                        "Accept the terms and the privacy notice to create an account.");
            }
            UserRow user = accounts.register(new Accounts.SignUp(email, ctx.formParam("password"), name, ref, "signup",
                    ctx.ip(), "signup", seenVersions(ctx)));
            auth.signIn(ctx, user);
            ctx.redirect("/?notice=welcome", HttpStatus.SEE_OTHER);
        } catch (KindredException e) {
            ctx.status(e.status() == 409 ? 409 : 400);
            Map<String, Object> m = new HashMap<>();
            m.put("error", views.errorText(ctx, e));
            m.put("email", email == null ? "" : email);
            m.put("displayName", name == null ? "" : name);
            signupPage(ctx, m);
        }
    }

    /** @return the versions of the terms and the privacy notice the sign-up form showed (hidden fields) */
    private static Map<String, Integer> seenVersions(Context ctx) {
        Map<String, Integer> seen = new HashMap<>();
        for (String doc : io.kindred.server.privacy.LegalTexts.DOCUMENTS) {
            String v = ctx.formParam(doc + "Version");
            if (v != null && v.matches("[0-9]{1,6}")) {
                seen.put(doc, Integer.parseInt(v));
            }
        }
        return seen;
    }

    private void signinPage(Context ctx, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>();
        model.put("next", safeNext(Optional.ofNullable(ctx.queryParam("next")).orElse(ctx.formParam("next"))));
        model.put("email", "");
        model.putAll(extra);
        views.page(ctx, "signin", model);
    }

    private void signin(Context ctx) {
        String email = ctx.formParam("email");
        io.kindred.server.users.CredentialThrottle.Attempt attempt;
        try {
            attempt = throttle.check(io.kindred.server.users.CredentialThrottle.Kind.PASSWORD, email, ctx.ip());
        } catch (io.kindred.server.users.TooManyAttempts e) {
            e.answer(ctx);
            signinPage(ctx, Map.of("error", views.t(ctx, "signin.throttled"), "email", email == null ? "" : email));
            return;
        }
        Optional<UserRow> user = accounts.authenticate(email, ctx.formParam("password"));
        if (user.isEmpty()) {
            ctx.status(401);
            signinPage(ctx, Map.of("error", views.t(ctx, "signin.wrong"), "email", email == null ? "" : email));
            return;
        }
        attempt.succeeded();
        if (auth.signIn(ctx, user.get()).awaitingCode()) {
            // The password was right; the TOTP code comes next, on its own page.
            ctx.redirect("/signin/code?next=" + java.net.URLEncoder.encode(safeNext(ctx.formParam("next")),
                    java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            return;
        }
        // A member who accepted an older version of the terms or the privacy notice is asked for the current one first.
        ctx.redirect(accounts.consentUpToDate(user.get().id()) ? safeNext(ctx.formParam("next")) : "/consent",
                HttpStatus.SEE_OTHER);
    }

    /** Only same-site paths are followed after sign-in. */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.contains("\n")) {
            return "/";
        }
        return next;
    }

    private void language(Context ctx) {
        String lang = "zh-CN".equals(ctx.formParam("lang")) ? "zh-CN" : "en";
        ctx.cookie(new io.javalin.http.Cookie(LANG_COOKIE, lang, "/", 365 * 86400, auth.secure(ctx), true, null,
                io.javalin.http.SameSite.LAX));
        views.viewer(ctx).ifPresent(m -> accounts.updateProfile(m.id(),
                new Accounts.ProfileChange(null, null, null, null, null, lang)));
        ctx.redirect(safeNext(ctx.formParam("back")), HttpStatus.SEE_OTHER);
    }

    private void points(Context ctx) {
        long userId = views.viewer(ctx).orElseThrow().id();
        Locale locale = views.locale(ctx);
        ZoneId zone = settings.zone();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        Map<String, List<Map<String, Object>>> expiring = ledger.upcomingExpiry(userId);
        List<Map<String, Object>> balances = new ArrayList<>();
        List<Map<String, Object>> progress = new ArrayList<>();
        ledger.balances(userId).forEach((asset, amount) -> {
            boolean spendable = ledger.assets().find(asset).map(io.kindred.server.ledger.Assets.Asset::spendable).orElse(false);
            if (spendable || amount != 0) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("asset", asset);
                b.put("amount", amount);
                b.put("label", views.t(ctx, "asset." + asset));
                b.put("expiring", expiring.getOrDefault(asset, List.of()));
                // Growth value and the like are progress toward a level, never a second balance to spend.
                (spendable ? balances : progress).add(b);
            }
        });
        PageRequest page = Params.page(ctx, 20);
        Page<LedgerService.HistoryItem> history = Page.of(ledger.history(userId, null, true, page.before(), page.limit()),
                page, LedgerService.HistoryItem::id);
        List<Map<String, Object>> items = new ArrayList<>();
        for (LedgerService.HistoryItem h : history.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reason", views.messages().find(locale, "reason." + h.reason()).orElse(h.reason()));
            m.put("amount", h.amount());
            m.put("assetLabel", views.t(ctx, "asset." + h.asset()));
            m.put("balanceAfter", h.balanceAfter());
            m.put("when", when.format(h.createdAt()));
            m.put("at", h.createdAt().toString());
            items.add(m);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("balances", balances);
        model.put("progress", progress);
        model.put("items", items);
        model.put("nextCursor", history.nextCursor());
        views.page(ctx, "points", model);
    }
}
