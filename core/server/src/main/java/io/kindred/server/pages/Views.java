package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.ui.UiRegistry;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Errors;
import io.kindred.server.web.Principal;
import io.kindred.server.web.Renderer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders a page for a request: every page gets the same base variables (site, viewer, navigation, CSRF
 * token, language), documented in docs/theme-guide.md, plus its own.
 */
public final class Views implements Renderer, Errors.ErrorPage {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("kindred.pages");

    private final Theme theme;
    private final SiteSettings settings;
    private final Auth auth;
    private final UiRegistry ui;
    private final Function<Context, Locale> locales;
    private final io.kindred.api.Services services;
    private final io.kindred.server.share.SharingService sharing;
    private final Menus menus;
    private final java.util.function.LongToIntFunction unreadNotifications;

    public Views(Theme theme, SiteSettings settings, Auth auth, UiRegistry ui, Function<Context, Locale> locales,
                 io.kindred.api.Services services, java.util.function.LongToIntFunction unreadNotifications,
                 io.kindred.server.share.SharingService sharing) {
        this.sharing = sharing;
        this.menus = new Menus(theme, settings, ui);
        this.services = services;
        this.unreadNotifications = unreadNotifications;
        this.theme = theme;
        this.settings = settings;
        this.auth = auth;
        this.ui = ui;
        this.locales = locales;
    }

    public Locale locale(Context ctx) {
        return locales.apply(ctx);
    }

    public String t(Context ctx, String key, Object... args) {
        return theme.messages().get(locale(ctx), key, args);
    }

    public Optional<Member> viewer(Context ctx) {
        return auth.principal(ctx).filter(p -> !p.isApiKey()).map(Principal::member);
    }

    /** @return who is calling (a session or an API key), if anyone */
    public Optional<Principal> principal(Context ctx) {
        return auth.principal(ctx);
    }

    /**
     * @return a plugin's name as operators read it: the label of its console (or member) menu entry in the page's
     * language; its id, capitalised, when it has none or is not started
     */
    public String pluginName(Context ctx, String pluginId) {
        return ui.navLabelKey(pluginId).flatMap(k -> theme.messages().find(locale(ctx), k))
                .orElse(pluginId.isEmpty() ? pluginId : Character.toUpperCase(pluginId.charAt(0)) + pluginId.substring(1));
    }

    /** The variables every page gets. */
    public Map<String, Object> base(Context ctx) {
        Locale locale = locale(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("siteName", settings.siteName());
        m.put("siteLogo", settings.raw("site.logo").filter(l -> l.startsWith("/uploads/")).orElse(null));
        m.put("brandColor", settings.raw("site.brand-color").filter(c -> c.matches("#[0-9a-fA-F]{6}")).orElse("#2f6f5e"));
        m.put("lang", locale.equals(Locale.SIMPLIFIED_CHINESE) ? "zh-CN" : "en");
        m.put("path", ctx.path());
        m.put("siteAddress", sharing.siteAddress(ctx));
        m.put("pluginStyles", theme.pluginAssets().pageStyles());
        m.put("pluginScripts", theme.pluginAssets().pageScripts());
        m.put("csrf", auth.principal(ctx).map(Principal::csrfToken).orElse(""));
        Optional<Member> viewer = viewer(ctx);
        m.put("viewer", viewer.map(v -> {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("id", v.id());
            vm.put("displayName", v.displayName());
            vm.put("isOperator", v.hasRole(Role.OPERATOR));
            vm.put("isAdmin", v.hasRole(Role.ADMIN));
            vm.put("badges", badgesOf(v.id()));
            vm.put("unreadNotifications", unreadNotifications.applyAsInt(v.id()));
            return vm;
        }).orElse(null));
        List<Map<String, Object>> memberNav = menus.nav(ctx.path(), NavEntry.Place.MEMBER, viewer.orElse(null), locale);
        m.put("memberNav", memberNav);
        m.put("tabBar", menus.tabBar(memberNav, ctx.path(), viewer.orElse(null), locale));
        m.put("consoleNav", viewer.filter(v -> v.hasRole(Role.OPERATOR)).map(v -> menus.nav(ctx.path(), NavEntry.Place.CONSOLE, v, locale))
                .orElse(List.of()));
        m.put("siteUrlMissing", viewer.filter(v -> v.hasRole(Role.OPERATOR)).isPresent()
                && io.kindred.server.config.SiteAddress.configured(settings).isEmpty());
        m.put("mailMissing", viewer.filter(v -> v.hasRole(Role.OPERATOR)).isPresent()
                && !io.kindred.server.users.Mailer.isConfigured(settings));
        m.put("notice", Optional.ofNullable(ctx.queryParam("notice")).filter(k -> k.matches("[a-z0-9_.]{1,60}"))
                .flatMap(k -> theme.messages().find(locale, "notice." + k)).orElse(null));
        return m;
    }

    /** @return the services the started plugins provide */
    public io.kindred.api.Services services() {
        return services;
    }

    /** @return the member menu the viewer sees on this page: label, path, icon, active */
    public List<Map<String, Object>> memberNav(Context ctx) {
        return menus.nav(ctx.path(), NavEntry.Place.MEMBER, viewer(ctx).orElse(null), locale(ctx));
    }

    /** Badges a member holds, from whichever plugin offers the {@link io.kindred.api.badges.BadgeService}. */
    public List<Map<String, Object>> badgesOf(long userId) {
        try {
            return services.find(io.kindred.api.badges.BadgeService.class)
                    .map(b -> b.badgesOf(userId).stream().map(badge -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("code", badge.code());
                        m.put("name", badge.name());
                        m.put("imageUrl", badge.imageUrl() != null && badge.imageUrl().startsWith("/") ? badge.imageUrl() : null);
                        return m;
                    }).toList())
                    .orElse(List.of());
        } catch (RuntimeException e) {
            return List.of(); // a badge provider that fails must not take the page down
        }
    }

    /** Renders a page with the base variables plus {@code model}. */
    public String html(Context ctx, String template, Map<String, Object> model) {
        Map<String, Object> computed = ctx.attribute(PAGE_BASE); // by renderBoxes, for this page's boxes
        Map<String, Object> vars = computed != null ? new HashMap<>(computed) : base(ctx);
        vars.putAll(model);
        return theme.render(template, vars, locale(ctx));
    }

    /** Renders a template with exactly the given variables (a widget inside a page). */
    public String renderFragment(Context ctx, String template, Map<String, Object> model) {
        return theme.render(template, model, locale(ctx));
    }

    /**
     * Renders plugins' boxes (home widgets, account sections) for the viewer: each one's template with the
     * page's variables and its own. A box that fails is left out with one log line; the page still shows.
     *
     * @return {@code {id, html}} per box, in the given order
     */
    /** Request attribute: the base variables {@link #renderBoxes} computed, reused by the page around the boxes. */
    private static final String PAGE_BASE = "kindred.page-base";

    public List<Map<String, Object>> renderBoxes(Context ctx, List<UiRegistry.Owned<io.kindred.api.ui.Widget>> boxes,
                                                 String kind) {
        Member viewer = viewer(ctx).orElse(null);
        Map<String, Object> base = base(ctx); // once for all boxes and the page: menus, badges, unread count cost queries
        ctx.attribute(PAGE_BASE, base);
        List<Map<String, Object>> out = new ArrayList<>();
        for (UiRegistry.Owned<io.kindred.api.ui.Widget> w : boxes) {
            try {
                Map<String, Object> model = new HashMap<>(base);
                model.putAll(w.value().model().forViewer(viewer, locale(ctx)));
                String html = renderFragment(ctx, w.value().template(), model);
                if (!html.isBlank()) { // a box with nothing to say right now is left out, not shown empty
                    out.add(Map.of("id", w.value().id(), "html", html));
                }
            } catch (RuntimeException e) {
                LOG.warn("{} {} of plugin {} failed and is left out: {}",
                        kind, w.value().id(), w.owner(), e.toString());
            }
        }
        return out;
    }

    /** @return the account page sections of started plugins, rendered for the viewer */
    public List<Map<String, Object>> accountSections(Context ctx) {
        return renderBoxes(ctx, ui.accountSections(), "Account section");
    }

    public Messages messages() {
        return theme.messages();
    }

    /** A domain error as a sentence in the page's language: a translation of its code when there is one. */
    public String errorText(Context ctx, KindredException e) {
        return theme.messages().find(locale(ctx), "error.code." + e.code()).orElse(e.getMessage());
    }

    public void page(Context ctx, String template, Map<String, Object> model) {
        ctx.html(html(ctx, template, model));
    }

    @Override
    public String render(Context ctx, String template, Map<String, Object> model) {
        return html(ctx, template, model);
    }

    @Override
    public String render(Context ctx, int status, String code, String message) {
        try {
            Map<String, Object> model = new HashMap<>();
            model.put("status", status);
            model.put("code", code);
            model.put("message", theme.messages().find(locale(ctx), "error.code." + code).orElse(message));
            model.put("title", theme.messages().find(locale(ctx), "error." + status + ".title")
                    .orElse(theme.messages().get(locale(ctx), "error.title")));
            return html(ctx, "error", model);
        } catch (RuntimeException e) {
            return "<!doctype html><meta charset=utf-8><title>" + status + "</title><p>" + status + "</p>";
        }
    }
}
