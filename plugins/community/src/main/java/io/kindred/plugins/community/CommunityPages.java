package io.kindred.plugins.community;

import io.kindred.api.web.Routes;
import io.kindred.api.web.Access;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The member pages that read the board: the community home (category tabs, hot/latest/featured, search,
 * infinite scroll with htmx and a plain "more" link without it), a post with its comments, a member's posts,
 * bookmarks, and the home-page widget of featured posts.
 */
final class CommunityPages {

    static final int PAGE_SIZE = 20;

    private final PluginContext ctx;
    private final Categories categories;
    private final Posts posts;
    private final Feed feed;
    private final Interactions interactions;
    private final CommunityRoutes api;
    private final Authors authors;
    private final Sharing sharing;

    CommunityPages(PluginContext ctx, Categories categories, Posts posts, Feed feed, Interactions interactions,
                   CommunityRoutes api, Authors authors, Sharing sharing) {
        this.sharing = sharing;
        this.authors = authors;
        this.ctx = ctx;
        this.categories = categories;
        this.posts = posts;
        this.feed = feed;
        this.interactions = interactions;
        this.api = api;
    }

    /** {@code GET /community?category=&tag=&sort=&q=&cursor=}. */
    void home(Exchange x) {
        Map<String, Object> model = listModel(x);
        model.put("tabs", tabs(x.locale()));
        model.put("sorts", List.of("hot", "latest", "featured"));
        model.put("featuredCreators", featuredCreators());
        model.put("mayWrite", x.member().isPresent());
        x.render("community/home", model);
    }

    /** @return the creators an operator features now (when the creators plugin runs), as author lines */
    private List<Map<String, Object>> featuredCreators() {
        List<Long> ids = ctx.services().find(io.kindred.api.creators.CreatorService.class)
                .map(io.kindred.api.creators.CreatorService::featuredNow).orElse(List.of());
        Map<Long, Authors.Author> found = authors.of(ids);
        return ids.stream().filter(found::containsKey).map(id -> found.get(id).json()).toList();
    }

    /** {@code GET /community/feed?...}: the next cards of a list, for htmx's infinite scroll. */
    void more(Exchange x) {
        x.render("community/items", listModel(x));
    }

    /** {@code GET /community/posts/{id}}. */
    void post(Exchange x) {
        Post post = posts.visible(x.pathParamAsId("id"));
        Long reader = x.member().map(Member::id).orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("post", card(feed.card(post, reader), x.locale()));
        List<Interactions.View> comments = interactions.comments(post.id(), 0, 500);
        model.put("comments", threads(comments));
        boolean operator = x.member().map(m -> m.hasRole(Role.OPERATOR)).orElse(false);
        model.put("mayEdit", reader != null && (reader == post.userId() || operator));
        model.put("isOperator", operator);
        model.put("signedIn", reader != null);
        // after "Share": the post's link with the member's invite code, to copy, send or scan (the theme's share partial)
        model.put("sharePath", reader != null && x.query("shared").isPresent() ? sharing.link(reader, post.id()) : null);
        x.render("community/post", model);
    }

    /** {@code GET /community/posts/{id}/poster.png}: a share poster of the post, its QR code carrying the member's link. */
    void poster(Exchange x) {
        Post post = posts.visible(x.pathParamAsId("id"));
        Member me = x.requireMember();
        String link = ctx.sharing().address(sharing.link(me.id(), post.id()), x);
        String title = post.title().codePointCount(0, post.title().length()) > 20
                ? post.title().substring(0, post.title().offsetByCodePoints(0, 19)) + "…" : post.title();
        String author = ctx.members().find(post.userId()).map(Member::displayName).orElse("");
        x.download("post-" + post.id() + "-poster.png", "image/png",
                ctx.sharing().poster(io.kindred.api.share.Poster.of(title, link).byline(author), x.locale()));
    }

    /** {@code GET /community/members/{id}}: a member's posts. */
    void profile(Exchange x) {
        long id = x.pathParamAsId("id");
        Member m = ctx.members().find(id).orElseThrow(() -> io.kindred.api.KindredException.notFound("No such member."));
        PageRequest page = x.page(PAGE_SIZE, 50);
        Page<Feed.Card> list = feed.list(Listing.of(Listing.Sort.LATEST).by(id), page, x.member().map(Member::id).orElse(null));
        Map<String, Object> model = new HashMap<>();
        model.put("author", authors.of(m.id()).json());
        model.put("items", list.items().stream().map(c -> card(c, x.locale())).toList());
        model.put("moreUrl", list.nextCursor() == null ? null : "/community/members/" + id + "?cursor=" + list.nextCursor());
        x.render("community/profile", model);
    }

    /** {@code GET /community/bookmarks}. */
    void bookmarks(Exchange x) {
        List<Feed.Card> cards = feed.bookmarks(x.requireMember().id(), 200);
        x.render("community/bookmarks", Map.of("items", cards.stream().map(c -> card(c, x.locale())).toList()));
    }

    /** The home-page widget: posts the operators pinned to the home page (推首页), else the hottest. */
    Map<String, Object> widget(Member viewer, Locale locale) {
        Long reader = viewer == null ? null : viewer.id();
        List<Feed.Card> cards = feed.pinnedHome(5, reader);
        if (cards.isEmpty()) {
            cards = feed.list(Listing.of(Listing.Sort.HOT), new PageRequest(0, 3), reader).items();
        }
        return Map.of("items", cards.stream().map(c -> card(c, locale)).toList());
    }

    private Map<String, Object> listModel(Exchange x) {
        PageRequest page = x.page(PAGE_SIZE, 50);
        Long reader = x.member().map(Member::id).orElse(null);
        Optional<String> q = x.query("q").map(String::strip).filter(s -> !s.isEmpty());
        Listing listing = api.listing(x);
        Page<Feed.Card> list = q.isPresent() ? feed.search(q.get(), page, reader) : feed.list(listing, page, reader);
        Map<String, Object> model = new HashMap<>();
        model.put("items", list.items().stream().map(c -> card(c, x.locale())).toList());
        model.put("sort", listing.sort().code());
        model.put("category", x.query("category").orElse(""));
        model.put("tag", x.query("tag").orElse(""));
        model.put("q", q.orElse(""));
        model.put("signedIn", reader != null);
        String query = query(x, q);
        model.put("query", query);
        String back = "/community?" + query + (page.first() ? "" : "cursor=" + page.cursor());
        model.put("back", back.replaceFirst("[?&]$", "")); // where a like without JavaScript returns
        model.put("moreUrl", list.nextCursor() == null ? null : "/community?" + query + "cursor=" + list.nextCursor());
        model.put("feedUrl", list.nextCursor() == null ? null : "/community/feed?" + query + "cursor=" + list.nextCursor());
        return model;
    }

    /** @return the list's parameters as a query string ending in {@code &}, for the "more" links */
    private static String query(Exchange x, Optional<String> q) {
        StringBuilder s = new StringBuilder();
        for (String name : List.of("category", "tag", "sort")) {
            x.query(name).filter(v -> !v.isBlank()).ifPresent(v -> s.append(name).append('=').append(enc(v)).append('&'));
        }
        q.ifPresent(v -> s.append("q=").append(enc(v)).append('&'));
        return s.toString();
    }

    private List<Map<String, Object>> tabs(Locale locale) {
        List<Map<String, Object>> tabs = new ArrayList<>();
        for (Categories.Node n : categories.tree()) {
            Map<String, Object> tab = new LinkedHashMap<>();
            tab.put("slug", n.category().slug());
            tab.put("label", n.category().label(locale));
            tab.put("icon", n.category().icon());
            tab.put("children", n.children().stream().map(c -> Map.of("slug", c.slug(), "label", c.label(locale))).toList());
            tabs.add(tab);
        }
        return tabs;
    }

    /** @return a card as templates read it: the API's JSON plus the category's name and a readable date */
    Map<String, Object> card(Feed.Card c, Locale locale) {
        Map<String, Object> m = c.json();
        m.put("categoryLabel", categoryLabel(c.post().categoryId(), locale));
        return m;
    }

    private String categoryLabel(long id, Locale locale) {
        return categories.all().stream().filter(k -> k.id() == id).findFirst().map(k -> k.label(locale)).orElse("");
    }

    /** Comments with their replies under them. */
    private List<Map<String, Object>> threads(List<Interactions.View> comments) {
        Map<Long, Map<String, Object>> tops = new LinkedHashMap<>();
        for (Interactions.View v : comments) {
            if (v.comment().parentId() == null) {
                Map<String, Object> m = v.json();
                m.put("replies", new ArrayList<Map<String, Object>>());
                tops.put(v.comment().id(), m);
            }
        }
        for (Interactions.View v : comments) {
            Map<String, Object> parent = v.comment().parentId() == null ? null : tops.get(v.comment().parentId());
            if (parent != null) {
                Map<String, Object> m = v.json();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> replies = (List<Map<String, Object>>) parent.get("replies");
                replies.add(m);
            }
        }
        return List.copyOf(tops.values());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Registers this class's routes. */
    void register(Routes r) {
        r.group("/community", Access.PUBLIC, g -> {
            g.get("", this::home);
            g.get("/feed", this::more);
            g.get("/posts/{id}", this::post);
            g.get("/members/{id}", this::profile);
        });
        r.group("/community", Access.MEMBER, g -> {
            g.get("/bookmarks", this::bookmarks);
            g.get("/posts/{id}/poster.png", this::poster);
        });
    }
}
