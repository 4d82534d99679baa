package io.kindred.server.pages;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The home page, rendered once and served again while nothing changed: the busiest page of a campaign, and the
 * one members reload. A visitor's page is the same for every visitor in one language at one site address; a
 * member's is their own (kept per session). A page is rendered again after any commit of this process that wrote
 * something ({@link io.kindred.server.db.Db#changes()}), a saved setting or a change of the plugins' contributions
 * (widgets, menus, templates), and at the latest {@link #MAX_AGE_MILLIS} after it was rendered by the platform's
 * clock (for what changes with time alone: a campaign that opens, "5 minutes ago", a new day's check-in).
 */
public final class HomePages {

    /** The oldest a served page may be. */
    static final long MAX_AGE_MILLIS = 5_000;
    /** Pages kept at most (visitors' languages and addresses, members' sessions); beyond, the memo starts afresh. */
    static final int MAX_PAGES = 256;

    /**
     * What the page depends on besides the database.
     *
     * @param caller      empty for a visitor, else the member's session (its CSRF token, which the page carries)
     * @param locale      the page's language
     * @param siteAddress the site's address the page's links use
     */
    record Key(String caller, Locale locale, String siteAddress) {
    }

    private record Page(byte[] html, long changes, long renderedAt) {
    }

    private final LongSupplier changes;
    private final LongSupplier millis;
    private final Map<Key, Page> pages = new ConcurrentHashMap<>();

    /**
     * @param changes grows after every commit that wrote something, every saved setting and every change of the
     *                plugins' contributions
     * @param millis  the platform's clock
     */
    public HomePages(LongSupplier changes, LongSupplier millis) {
        this.changes = changes;
        this.millis = millis;
    }

    /**
     * @return the page for {@code key} in UTF-8 (encoded once: a page with any character beyond Latin-1 costs as
     * much to encode as to look up): the one rendered before while still current, else {@code render}'s
     */
    byte[] get(Key key, Supplier<String> render) {
        long now = millis.getAsLong();
        long seen = changes.getAsLong(); // read before rendering: a page never claims to be newer than what it read
        Page page = pages.get(key);
        if (page != null && page.changes() == seen && now - page.renderedAt() < MAX_AGE_MILLIS && now >= page.renderedAt()) {
            return page.html();
        }
        byte[] html = render.get().getBytes(StandardCharsets.UTF_8);
        if (pages.size() >= MAX_PAGES) {
            pages.clear();
        }
        pages.put(key, new Page(html, seen, now));
        return html;
    }

    /** @return how many pages are kept now */
    int size() {
        return pages.size();
    }
}
