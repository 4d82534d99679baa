package io.kindred.plugins.community;

import io.kindred.api.web.Routes;
import io.kindred.api.web.Access;
import io.kindred.api.KindredException;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.UploadedFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The member pages that write: the composer (pictures uploaded with the form, no script needed), editing,
 * deleting, and the forms behind the like, bookmark, share and comment buttons. With htmx a like or bookmark
 * swaps just its button; without it the form posts and the page comes back.
 */
final class ComposerPages {

    private final Categories categories;
    private final Posts posts;
    private final Feed feed;
    private final Interactions interactions;

    ComposerPages(Categories categories, Posts posts, Feed feed, Interactions interactions) {
        this.categories = categories;
        this.posts = posts;
        this.feed = feed;
        this.interactions = interactions;
    }

    /** {@code GET /community/new?category=}. */
    void composer(Exchange x) {
        Map<String, Object> values = new HashMap<>();
        values.put("categoryId", x.query("category").map(c -> {
            try {
                return categories.resolve(c).id();
            } catch (KindredException e) {
                return null;
            }
        }).orElse(null));
        render(x, values, null);
    }

    /** {@code POST /community/new} (multipart): uploads the pictures, then writes the post. */
    void create(Exchange x) {
        Member m = x.requireMember();
        Map<String, Object> values = formValues(x);
        try {
            List<UploadedFile> files = x.files("images");
            if (files.size() > Posts.MAX_IMAGES) {
                throw new KindredException(CommunityError.TOO_MANY_IMAGES, "A post has at most " + Posts.MAX_IMAGES + " pictures.");
            }
            List<String> urls = new ArrayList<>();
            for (UploadedFile f : files) {
                urls.add(posts.upload(m, f).url());
            }
            Post post = posts.create(m, new Posts.Draft(categoryId(values), (String) values.get("title"),
                    (String) values.get("body"), (String) values.get("productUrl"), urls, tags((String) values.get("tags"))));
            x.redirect("/community/posts/" + post.id() + "?notice=community.published");
        } catch (KindredException e) {
            if (e.status() == 401) {
                throw e;
            }
            render(x, values, e.getMessage());
        }
    }

    /** {@code GET /community/posts/{id}/edit}. */
    void editor(Exchange x) {
        Post post = mine(x);
        Map<String, Object> values = new HashMap<>();
        values.put("id", post.id());
        values.put("categoryId", post.categoryId());
        values.put("title", post.title());
        values.put("body", post.body());
        values.put("productUrl", post.productUrl() == null ? "" : post.productUrl());
        values.put("tags", String.join(", ", post.tags()));
        values.put("images", post.images().stream().map(Post.Image::json).toList());
        render(x, values, null);
    }

    /** {@code POST /community/posts/{id}/edit}: text, category, link and tags; the pictures stay. */
    void update(Exchange x) {
        Post post = mine(x);
        Map<String, Object> values = formValues(x);
        values.put("id", post.id());
        values.put("images", post.images().stream().map(Post.Image::json).toList());
        try {
            posts.edit(x.requireMember(), post.id(), new Posts.Draft(categoryId(values), (String) values.get("title"),
                    (String) values.get("body"), (String) values.get("productUrl"), null, tags((String) values.get("tags"))));
            x.redirect("/community/posts/" + post.id() + "?notice=community.saved");
        } catch (KindredException e) {
            render(x, values, e.getMessage());
        }
    }

    /** {@code POST /community/posts/{id}/delete}. */
    void delete(Exchange x) {
        posts.delete(x.requireMember(), x.pathParamAsId("id"));
        x.redirect("/community?notice=community.deleted");
    }

    /** {@code POST /community/posts/{id}/like} with {@code undo=1} to take it back. */
    void like(Exchange x) {
        long id = x.pathParamAsId("id");
        Member m = x.requireMember();
        boolean undo = x.formValue("undo").isPresent();
        if (undo) {
            interactions.unlike(m, id);
        } else {
            interactions.like(m, id);
        }
        answer(x, id, "community/like-button");
    }

    /** {@code POST /community/posts/{id}/bookmark} with {@code undo=1} to remove it. */
    void bookmark(Exchange x) {
        long id = x.pathParamAsId("id");
        interactions.bookmark(x.requireMember(), id, x.formValue("undo").isEmpty());
        answer(x, id, "community/bookmark-button");
    }

    /** {@code POST /community/posts/{id}/share}: counts the share and shows the link to copy. */
    void share(Exchange x) {
        long id = x.pathParamAsId("id");
        Member m = x.requireMember();
        interactions.share(m, id);
        x.redirect("/community/posts/" + id + "?shared=1#share");
    }

    /** {@code POST /community/posts/{id}/comments} with {@code body} and, for a reply, {@code parentId}. */
    void comment(Exchange x) {
        long id = x.pathParamAsId("id");
        Long parent = x.formValue("parentId").filter(s -> s.matches("\\d{1,18}")).map(Long::parseLong).orElse(null);
        Interactions.View v = interactions.comment(x.requireMember(), id, parent, x.formValue("body").orElse(null));
        x.redirect("/community/posts/" + id + "?notice=community.commented#c" + v.comment().id());
    }

    /** {@code POST /community/comments/{id}/delete}. */
    void deleteComment(Exchange x) {
        Comment c = interactions.findComment(x.pathParamAsId("id"));
        interactions.deleteComment(x.requireMember(), c.id());
        x.redirect("/community/posts/" + c.postId() + "?notice=community.comment_deleted");
    }

    private void answer(Exchange x, long postId, String fragment) {
        if (x.header("HX-Request").isPresent()) {
            Post post = posts.visible(postId);
            x.render(fragment, Map.of("post", feed.card(post, x.requireMember().id()).json()));
        } else {
            String back = x.formValue("back").filter(b -> b.matches("/community[A-Za-z0-9/?=&%._-]*")).orElse("/community/posts/" + postId);
            x.redirect(back);
        }
    }

    private Post mine(Exchange x) {
        Post post = posts.visible(x.pathParamAsId("id"));
        Member m = x.requireMember();
        if (post.userId() != m.id() && !m.hasRole(io.kindred.api.users.Role.OPERATOR)) {
            throw new KindredException(CommunityError.NOT_AUTHOR, "Only the author may edit this post.");
        }
        return post;
    }

    private void render(Exchange x, Map<String, Object> values, String error) {
        Member m = x.requireMember();
        Locale locale = x.locale();
        List<Map<String, Object>> options = new ArrayList<>();
        for (Categories.Node n : categories.tree()) {
            for (Category c : concat(n.category(), n.children())) {
                if (categories.mayPost(m, c)) {
                    options.add(Map.of("id", c.id(), "label", (c.parentId() == null ? "" : "— ") + c.label(locale)));
                }
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("categories", options);
        model.put("error", error);
        model.put("maxImages", Posts.MAX_IMAGES);
        x.render("community/composer", model);
    }

    private static List<Category> concat(Category top, List<Category> children) {
        List<Category> all = new ArrayList<>();
        all.add(top);
        all.addAll(children);
        return all;
    }

    private static Map<String, Object> formValues(Exchange x) {
        Map<String, Object> v = new HashMap<>();
        for (String name : List.of("categoryId", "title", "body", "productUrl", "tags")) {
            v.put(name, x.formValue(name).orElse(""));
        }
        return v;
    }

    private static Long categoryId(Map<String, Object> values) {
        String id = (String) values.get("categoryId");
        if (id == null || id.isBlank()) {
            throw KindredException.missingField("categoryId");
        }
        if (!id.matches("\\d{1,18}")) {
            throw KindredException.invalidField("Choose a category.");
        }
        return Long.parseLong(id);
    }

    private static List<String> tags(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** Registers this class's routes. */
    void register(Routes r) {
        r.group("/community", Access.MEMBER, g -> {
            g.get("/new", this::composer);
            g.post("/new", this::create);
            g.get("/posts/{id}/edit", this::editor);
            g.post("/posts/{id}/edit", this::update);
            g.post("/posts/{id}/delete", this::delete);
            g.post("/posts/{id}/like", this::like);
            g.post("/posts/{id}/bookmark", this::bookmark);
            g.post("/posts/{id}/share", this::share);
            g.post("/posts/{id}/comments", this::comment);
            g.post("/comments/{id}/delete", this::deleteComment);
        });
    }
}
