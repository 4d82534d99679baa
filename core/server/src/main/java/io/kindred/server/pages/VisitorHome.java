package io.kindred.server.pages;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The home page as a visitor sees it, rendered once and served again while nothing changed: it is the same
 * page for every visitor in one language and at one site address, and the busiest page of a campaign. A page is
 * rendered again after any commit of this process that wrote something ({@link io.kindred.server.db.Db#changes()}),
 * when a saved setting or a plugin's contributions (widgets, menus, templates) change, and at the latest {@link #MAX_AGE_NANOS} after it was rendered (for what
 * changes with time alone: a campaign that opens, "5 minutes ago").
 */
public final class VisitorHome {

    /** The oldest a served page may be. */
    static final long MAX_AGE_NANOS = 5_000_000_000L;
    /** Pages kept at most (languages × site addresses a request can name); beyond, the memo starts afresh. */
    static final int MAX_PAGES = 32;

    /** What the page depends on besides the database. */
    record Key(Locale locale, String siteAddress) {
    }

    private record Page(String html, long changes, long renderedAt) {
    }

    private final LongSupplier changes;
    private final LongSupplier nanoTime;
    private final Map<Key, Page> pages = new ConcurrentHashMap<>();

    /**
     * @param changes  grows after every commit that wrote something, every saved setting and every change of the
     *                 plugins' contributions
     * @param nanoTime a clock
     */
    public VisitorHome(LongSupplier changes, LongSupplier nanoTime) {
        this.changes = changes;
        this.nanoTime = nanoTime;
    }

    /** @return the page for {@code key}: the one rendered before while still current, else {@code render}'s */
    String get(Key key, Supplier<String> render) {
        long now = nanoTime.getAsLong();
        long seen = changes.getAsLong(); // read before rendering: a page never claims to be newer than what it read
        Page page = pages.get(key);
        if (page != null && page.changes() == seen && now - page.renderedAt() < MAX_AGE_NANOS) {
            return page.html();
        }
        String html = render.get();
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
