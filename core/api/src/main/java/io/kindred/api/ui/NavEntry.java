package io.kindred.api.ui;

import io.kindred.api.web.Access;

/**
 * A link in the member navigation or the console navigation. It vanishes when its plugin stops.
 *
 * <pre>{@code
 * ctx.nav(NavEntry.member("checkin.nav", "/checkin", 20));
 * }</pre>
 *
 * @param place    member navigation or console navigation
 * @param labelKey message key of its label, from the plugin's bundle
 * @param path     where it points
 * @param order    position, smaller first
 * @param access   who sees it
 */
public record NavEntry(Place place, String labelKey, String path, int order, Access access) {

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
