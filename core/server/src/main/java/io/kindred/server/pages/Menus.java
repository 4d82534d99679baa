package io.kindred.server.pages;

import io.kindred.api.ui.NavEntry;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.ui.UiRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The menus of the pages: the member menu (the desktop's top bar and the tiles of the member centre), the phone's
 * tab bar (Home, the middle entry, Me) and the console menu, each as the viewer may see it.
 */
final class Menus {

    private final Theme theme;
    private final SiteSettings settings;
    private final UiRegistry ui;

    Menus(Theme theme, SiteSettings settings, UiRegistry ui) {
        this.theme = theme;
        this.settings = settings;
        this.ui = ui;
    }

    /** The setting naming the middle tab of the phone's tab bar: a member menu path, or {@code none}. */
    public static final String MIDDLE_TAB = "site.middle-tab";
    /** The middle tab when the operator has not chosen one: the first of these that a started plugin offers. */
    private static final List<String> MIDDLE_DEFAULTS = List.of("/community", "/shop", "/checkin");
    /** Pages that belong to Me: its tab is the current one there. */
    private static final List<String> ME_PAGES = List.of("/me", "/account", "/points", "/notifications");

    List<Map<String, Object>> nav(String path, NavEntry.Place place, Member viewer, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NavEntry e : entries(place, viewer)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("label", theme.messages().get(locale, e.labelKey()));
            item.put("path", e.path());
            item.put("icon", e.icon() == null ? "grid" : e.icon());
            item.put("iconIsFile", e.icon() != null && e.icon().startsWith("/"));
            item.put("active", e.path().equals("/") || e.path().equals("/console")
                    ? path.equals(e.path()) : path.startsWith(e.path()));
            out.add(item);
        }
        return out;
    }

    /** @return the entries of a menu the viewer may see, in order: the core's and the started plugins' */
    private List<NavEntry> entries(NavEntry.Place place, Member viewer) {
        List<NavEntry> entries = new ArrayList<>();
        if (place == NavEntry.Place.MEMBER) {
            entries.add(new NavEntry(place, "nav.home", "/", 0, io.kindred.api.web.Access.PUBLIC, "home"));
            entries.add(NavEntry.member("nav.points", "/points", 80).withIcon("coin"));
            entries.add(NavEntry.member("nav.me", "/me", 90).withIcon("me"));
        } else {
            entries.add(NavEntry.console("console.nav.dashboard", "/console", 0));
            entries.add(NavEntry.console("console.nav.members", "/console/members", 10));
            entries.add(NavEntry.console("segments.nav", "/console/segments", 12));
            entries.add(new NavEntry(place, "console.nav.plugins", "/console/plugins", 80, io.kindred.api.web.Access.ADMIN));
            entries.add(new NavEntry(place, "console.nav.settings", "/console/settings", 85, io.kindred.api.web.Access.ADMIN));
            entries.add(new NavEntry(place, "console.nav.legal", "/console/legal", 86, io.kindred.api.web.Access.ADMIN));
            entries.add(new NavEntry(place, "console.nav.apikeys", "/console/apikeys", 90, io.kindred.api.web.Access.ADMIN));
            entries.add(new NavEntry(place, "console.nav.audit", "/console/audit", 91, io.kindred.api.web.Access.ADMIN));
            entries.add(NavEntry.console("console.nav.broadcasts", "/console/broadcasts", 20));
            entries.add(NavEntry.console("console.nav.events", "/console/events", 95));
            entries.add(NavEntry.console("console.nav.emails", "/console/emails", 97));
            entries.add(NavEntry.console("console.nav.jobs", "/console/jobs", 96));
            entries.add(NavEntry.console("console.nav.api", "/console/api", 97));
            entries.add(new NavEntry(place, "console.nav.webhooks", "/console/webhooks", 98, io.kindred.api.web.Access.ADMIN));
        }
        entries.addAll(ui.nav(place));
        return entries.stream().sorted(java.util.Comparator.comparingInt(NavEntry::order))
                .filter(e -> visible(e, viewer)).toList();
    }

    /**
     * The tab bar of a phone: Home, the middle entry (setting {@value #MIDDLE_TAB}, else the community board, the
     * points shop or the check-in, whichever runs first) and Me (the sign-in page for visitors).
     */
    List<Map<String, Object>> tabBar(List<Map<String, Object>> memberNav, String path, Member viewer, Locale locale) {
        String chosen = settings.raw(MIDDLE_TAB).map(String::trim).orElse("");
        List<String> wanted = chosen.isEmpty() ? MIDDLE_DEFAULTS : List.of(chosen);
        Optional<Map<String, Object>> middle = wanted.stream()
                .flatMap(p -> memberNav.stream().filter(i -> p.equals(i.get("path")) && !"/".equals(p) && !"/me".equals(p)))
                .findFirst();
        List<Map<String, Object>> tabs = new ArrayList<>();
        memberNav.stream().filter(i -> "/".equals(i.get("path"))).findFirst().ifPresent(tabs::add);
        middle.ifPresent(tabs::add);
        if (viewer != null) {
            memberNav.stream().filter(i -> "/me".equals(i.get("path"))).findFirst().ifPresent(me -> {
                Map<String, Object> tab = new LinkedHashMap<>(me);
                tab.put("active", ME_PAGES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/")));
                tabs.add(tab);
            });
        } else {
            Map<String, Object> signin = new LinkedHashMap<>();
            signin.put("label", theme.messages().get(locale, "nav.me"));
            signin.put("path", "/signin");
            signin.put("icon", "me");
            signin.put("iconIsFile", false);
            signin.put("active", path.equals("/signin") || path.equals("/signup"));
            tabs.add(signin);
        }
        return tabs;
    }

    private static boolean visible(NavEntry e, Member viewer) {
        return switch (e.access()) {
            case PUBLIC -> true;
            case MEMBER -> viewer != null;
            case OPERATOR -> viewer != null && viewer.hasRole(Role.OPERATOR);
            case ADMIN -> viewer != null && viewer.hasRole(Role.ADMIN);
        };
    }
}
