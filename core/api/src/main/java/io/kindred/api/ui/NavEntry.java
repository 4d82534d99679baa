package io.kindred.api.ui;

import io.kindred.api.web.Access;

/**
 * A link in the member navigation or the console navigation. It vanishes when its plugin stops.
 *
 * <pre>{@code
 * ctx.nav(NavEntry.member("checkin.nav", "/checkin", 20).withIcon("calendar"));
 * }</pre>
 *
 * On a phone the member navigation is a bottom tab bar (Home, the entry the operator puts in the middle, Me);
 * every member entry is also a tile, with its icon, in the grid of the member centre on Home and on Me.
 *
 * @param place    member navigation or console navigation
 * @param labelKey message key of its label, from the plugin's bundle
 * @param path     where it points
 * @param order    position, smaller first
 * @param access   who sees it
 * @param icon     the tile's icon: a name from the theme's icon set ({@link #ICONS}), or the path of an SVG the
 *                 plugin serves (e.g. {@code /plugins/badges/assets/icon.svg}); null for the generic icon
 */
public record NavEntry(Place place, String labelKey, String path, int order, Access access, String icon) {

    /** The names of the default theme's icons, for {@link #withIcon}. */
    public static final java.util.Set<String> ICONS = java.util.Set.of("home", "me", "calendar", "gift", "shop",
            "crown", "share", "chat", "star", "task", "ticket", "coin", "bell", "user", "grid", "megaphone");

    /** An entry with the generic icon (the constructor of Kindred 0.1, kept for plugins written against it). */
    public NavEntry(Place place, String labelKey, String path, int order, Access access) {
        this(place, labelKey, path, order, access, null);
    }

    /**
     * @param icon a name from {@link #ICONS} or the path of an SVG the plugin serves
     * @return this entry with that icon on its tile
     */
    public NavEntry withIcon(String icon) {
        return new NavEntry(place, labelKey, path, order, access, icon);
    }

    /** Where the entry is shown. */
    public enum Place {
        /** The member navigation. */
        MEMBER,
        /** The operator console navigation. */
        CONSOLE
    }

    /** @param labelKey label message key @param path link @param order position @return a member entry for signed-in members */
    public static NavEntry member(String labelKey, String path, int order) {
        return new NavEntry(Place.MEMBER, labelKey, path, order, Access.MEMBER);
    }

    /**
     * A member navigation entry that visitors see too, for pages anyone may read (e.g. the community board).
     *
     * <pre>{@code
     * ctx.nav(NavEntry.everyone("community.nav", "/community", 10));
     * }</pre>
     *
     * @param labelKey label message key @param path link @param order position @return an entry for everyone
     */
    public static NavEntry everyone(String labelKey, String path, int order) {
        return new NavEntry(Place.MEMBER, labelKey, path, order, Access.PUBLIC);
    }

    /** @param labelKey label message key @param path link @param order position @return a console entry for operators */
    public static NavEntry console(String labelKey, String path, int order) {
        return new NavEntry(Place.CONSOLE, labelKey, path, order, Access.OPERATOR);
    }
}
