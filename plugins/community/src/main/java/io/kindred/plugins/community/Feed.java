package io.kindred.plugins.community;

import io.kindred.api.PluginContext;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/** Reading the board: lists (latest, hot, featured; by category, tag or author), search, bookmarks. */
final class Feed {

    /** A post as a list shows it: with its author line and whether the reader liked or bookmarked it. */
    record Card(Post post, Authors.Author author, boolean liked, boolean bookmarked) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>(post.json());
            m.put("author", author.json());
            m.put("liked", liked);
            m.put("bookmarked", bookmarked);
            return m;
        }
    }

    /** How long an anonymous reader's list may be kept when nothing changed on this node. */
    static final long ANONYMOUS_CACHE_MILLIS = 2_000;
    private static final int MAX_CACHED_LISTS = 500;

    private record CachedList(Page<Card> page, long version, long at) {
    }

    private final java.util.Map<String, CachedList> anonymous = new java.util.concurrent.ConcurrentHashMap<>();
    private final PluginContext ctx;
    private final PostStore store;
    private final SearchIndex search;
    private final Authors authors;

    Feed(PluginContext ctx, PostStore store, SearchIndex search, Authors authors) {
        this.ctx = ctx;
        this.store = store;
        this.search = search;
        this.authors = authors;
    }

    /**
     * A list. What anonymous readers see (most of the traffic of a busy board) is kept until a post changes on this
     * node, and for {@link #ANONYMOUS_CACHE_MILLIS} at most so that other nodes' changes show soon.
     *
     * @param readerId the signed-in reader, or null
     */
    Page<Card> list(Listing listing, PageRequest page, Long readerId) {
        if (readerId != null) {
            return read(listing, page, readerId);
        }
        String key = listing + "|" + page.cursor() + "|" + page.limit();
        long now = ctx.clock().millis();
        long version = store.version();
        CachedList hit = anonymous.get(key);
        if (hit != null && hit.version() == version && now - hit.at() < ANONYMOUS_CACHE_MILLIS && now >= hit.at()) {
            return hit.page();
        }
        Page<Card> fresh = read(listing, page, null);
        if (anonymous.size() >= MAX_CACHED_LISTS) {
            anonymous.clear();
        }
        anonymous.put(key, new CachedList(fresh, version, now));
        return fresh;
    }

    private Page<Card> read(Listing listing, PageRequest page, Long readerId) {
        List<Post> posts = ctx.db().read(h -> store.list(h, listing, page.cursor(), page.limit()));
        return paged(posts, page, listing.sort() == Listing.Sort.LATEST, readerId);
    }

    Page<Card> search(String query, PageRequest page, Long readerId) {
        List<Post> posts = ctx.db().read(h -> store.published(h, search.search(h, query, (int) page.cursor(), page.limit())));
        return paged(posts, page, false, readerId);
    }

    List<Card> bookmarks(long readerId, int limit) {
        return cards(ctx.db().read(h -> store.published(h, store.bookmarks(h, readerId, limit))), readerId);
    }

    List<Card> pinnedHome(int limit, Long readerId) {
        return cards(ctx.db().read(h -> store.pinnedHome(h, limit)), readerId);
    }

    Card card(Post post, Long readerId) {
        return cards(List.of(post), readerId).get(0);
    }

    List<Card> cards(List<Post> posts, Long readerId) {
        Map<Long, Authors.Author> byId = authors.of(posts.stream().map(Post::userId).toList());
        Set<Long> liked = new HashSet<>();
        Set<Long> bookmarked = new HashSet<>();
        if (readerId != null && !posts.isEmpty()) {
            Map<String, List<Long>> marks = ctx.db().read(h -> store.marks(h, readerId, posts.stream().map(Post::id).toList()));
            liked.addAll(marks.get("liked"));
            bookmarked.addAll(marks.get("bookmarked"));
        }
        return posts.stream().map(p -> new Card(p, byId.get(p.userId()), liked.contains(p.id()), bookmarked.contains(p.id())))
                .toList();
    }

    /** Latest lists page by id; hot, featured and search by position (the cursor is how many were shown). */
    private Page<Card> paged(List<Post> posts, PageRequest page, boolean byId, Long readerId) {
        List<Card> cards = cards(posts, readerId);
        ToLongFunction<Card> cursor = byId ? c -> c.post().id() : c -> page.cursor() + cards.indexOf(c) + 1;
        return Page.of(cards, page, cursor);
    }
}
