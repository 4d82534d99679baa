package io.kindred.plugins.community;

import io.kindred.api.web.Routes;
import io.kindred.api.web.Access;
import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.api.users.Member;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The members' JSON API under {@code /api/v1/community}. */
final class CommunityRoutes {

    /** {@code POST /api/v1/community/posts} and {@code PATCH .../posts/{id}}. */
    record PostBody(Optional<Long> categoryId, Optional<String> title, Optional<String> body, Optional<String> productUrl,
                    Optional<List<String>> images, Optional<List<String>> tags) {
        Posts.Draft draft() {
            return new Posts.Draft(categoryId.orElse(null), title.orElse(null), body.orElse(null), productUrl.orElse(null),
                    images.orElse(null), tags.orElse(null));
        }
    }

    /** {@code POST /api/v1/community/posts/{id}/comments}. */
    record CommentBody(String body, Optional<Long> parentId) {
    }

    private final Categories categories;
    private final Posts posts;
    private final Feed feed;
    private final Interactions interactions;
    private final Sharing sharing;

    CommunityRoutes(Categories categories, Posts posts, Feed feed, Interactions interactions, Sharing sharing) {
        this.categories = categories;
        this.posts = posts;
        this.feed = feed;
        this.interactions = interactions;
        this.sharing = sharing;
    }

    /** {@code GET /api/v1/community/categories} → the tree, sub-categories under {@code children}. */
    void categories(Exchange x) {
        x.json(Page.all(categories.tree().stream().map(n -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>(n.category().json());
            m.put("children", n.children().stream().map(Category::json).toList());
            return m;
        }).toList()));
    }

    /** {@code GET /api/v1/community/posts?category=&tag=&author=&sort=latest|hot|featured&q=&cursor=&limit=}. */
    void list(Exchange x) {
        PageRequest page = x.page(20, 50);
        Long reader = x.member().map(Member::id).orElse(null);
        Optional<String> q = x.query("q").filter(s -> !s.isBlank());
        if (q.isPresent()) {
            x.json(feed.search(q.get(), page, reader).map(Feed.Card::json));
            return;
        }
        x.json(feed.list(listing(x), page, reader).map(Feed.Card::json));
    }

    /** @return the list the query parameters ask for */
    Listing listing(Exchange x) {
        Listing l = Listing.of(Listing.Sort.parse(x.query("sort").orElse("latest")));
        Optional<String> category = x.query("category").filter(s -> !s.isBlank());
        if (category.isPresent()) {
            l = l.inCategories(categories.withChildren(categories.resolve(category.get())));
        }
        Optional<String> tag = x.query("tag").filter(s -> !s.isBlank());
        if (tag.isPresent()) {
            l = l.tagged(Posts.tags(List.of(tag.get())).get(0));
        }
        Optional<String> author = x.query("author").filter(s -> !s.isBlank());
        if (author.isPresent()) {
            try {
                l = l.by(Long.parseLong(author.get()));
            } catch (NumberFormatException e) {
                throw KindredException.invalidField("author is a member id.");
            }
        }
        return l;
    }

    void create(Exchange x) {
        Post post = posts.create(x.requireMember(), x.body(PostBody.class).draft());
        x.json(201, Map.of("post", feed.card(post, x.requireMember().id()).json()));
    }

    void get(Exchange x) {
        Post post = posts.visible(x.pathParamAsId("id"));
        x.json(Map.of("post", feed.card(post, x.member().map(Member::id).orElse(null)).json()));
    }

    void patch(Exchange x) {
        Post post = posts.edit(x.requireMember(), x.pathParamAsId("id"), x.body(PostBody.class).draft());
        x.json(Map.of("post", feed.card(post, x.requireMember().id()).json()));
    }

    void delete(Exchange x) {
        posts.delete(x.requireMember(), x.pathParamAsId("id"));
        x.noContent();
    }

    /** {@code GET /api/v1/community/posts/{id}/revisions}: what the post said before each edit (author, operators). */
    void revisions(Exchange x) {
        Member m = x.requireMember();
        Post post = posts.visible(x.pathParamAsId("id"));
        if (post.userId() != m.id() && !m.hasRole(io.kindred.api.users.Role.OPERATOR)) {
            throw new KindredException(CommunityError.NOT_AUTHOR, "Only the author may see the edit history.");
        }
        x.json(Page.all(posts.revisions(post.id()).stream().map(r -> Map.of("id", r.id(), "title", r.title(),
                "body", r.body(), "editedBy", r.editedBy(),
                "createdAt", java.time.Instant.ofEpochMilli(r.createdAt()).toString())).toList()));
    }

    void comments(Exchange x) {
        PageRequest page = x.page(50, 200);
        List<Interactions.View> list = interactions.comments(x.pathParamAsId("id"), page.after(), page.limit());
        x.json(Page.of(list, page, v -> v.comment().id()).map(Interactions.View::json));
    }

    void comment(Exchange x) {
        CommentBody body = x.body(CommentBody.class);
        Interactions.View v = interactions.comment(x.requireMember(), x.pathParamAsId("id"), body.parentId().orElse(null), body.body());
        x.json(201, Map.of("comment", v.json()));
    }

    void deleteComment(Exchange x) {
        interactions.deleteComment(x.requireMember(), x.pathParamAsId("id"));
        x.noContent();
    }

    void like(Exchange x) {
        long likes = interactions.like(x.requireMember(), x.pathParamAsId("id"));
        x.json(Map.of("like", Map.of("liked", true, "likes", likes)));
    }

    void unlike(Exchange x) {
        long likes = interactions.unlike(x.requireMember(), x.pathParamAsId("id"));
        x.json(Map.of("like", Map.of("liked", false, "likes", likes)));
    }

    void likeComment(Exchange x) {
        long likes = interactions.likeComment(x.requireMember(), x.pathParamAsId("id"), true);
        x.json(Map.of("like", Map.of("liked", true, "likes", likes)));
    }

    void unlikeComment(Exchange x) {
        long likes = interactions.likeComment(x.requireMember(), x.pathParamAsId("id"), false);
        x.json(Map.of("like", Map.of("liked", false, "likes", likes)));
    }

    void bookmark(Exchange x) {
        interactions.bookmark(x.requireMember(), x.pathParamAsId("id"), true);
        x.json(Map.of("bookmark", Map.of("bookmarked", true)));
    }

    void unbookmark(Exchange x) {
        interactions.bookmark(x.requireMember(), x.pathParamAsId("id"), false);
        x.json(Map.of("bookmark", Map.of("bookmarked", false)));
    }

    void bookmarks(Exchange x) {
        x.json(Page.all(feed.bookmarks(x.requireMember().id(), 200).stream().map(Feed.Card::json).toList()));
    }

    /** {@code POST /api/v1/community/posts/{id}/share} → the link to share, carrying the sharer's invite code. */
    void share(Exchange x) {
        Member m = x.requireMember();
        long id = x.pathParamAsId("id");
        interactions.share(m, id);
        x.json(Map.of("share", Map.of("url", sharing.link(m.id(), id))));
    }

    /** {@code POST /api/v1/community/images} (multipart {@code image}) → 201 {@code {"image":{url,thumbUrl,name}}}. */
    void upload(Exchange x) {
        var file = x.file("image").orElseThrow(() -> KindredException.missingField("image"));
        x.json(201, Map.of("image", posts.upload(x.requireMember(), file).json()));
    }

    /** Registers this class's routes. */
    void register(Routes r) {
        r.group("/api/v1/community", Access.PUBLIC, g -> {
            g.get("/categories", this::categories);
            g.get("/posts", this::list);
            g.get("/posts/{id}", this::get);
            g.get("/posts/{id}/comments", this::comments);
        });
        r.group("/api/v1/community", Access.MEMBER, g -> {
            g.post("/posts", this::create);
            g.patch("/posts/{id}", this::patch);
            g.delete("/posts/{id}", this::delete);
            g.get("/posts/{id}/revisions", this::revisions);
            g.post("/posts/{id}/comments", this::comment);
            g.post("/posts/{id}/like", this::like);
            g.delete("/posts/{id}/like", this::unlike);
            g.post("/posts/{id}/bookmark", this::bookmark);
            g.delete("/posts/{id}/bookmark", this::unbookmark);
            g.post("/posts/{id}/share", this::share);
            g.delete("/comments/{id}", this::deleteComment);
            g.post("/comments/{id}/like", this::likeComment);
            g.delete("/comments/{id}/like", this::unlikeComment);
            g.get("/bookmarks", this::bookmarks);
            g.post("/images", this::upload);
        });
    }
}
