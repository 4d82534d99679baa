package io.kindred.plugins.community;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;
import io.kindred.api.web.UploadedFile;
import org.jdbi.v3.core.Handle;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writing posts: create (emits {@code post.published}), edit (the replaced text kept as a revision), delete
 * (soft), pictures with thumbnails, and what operators do to a post (feature, pin to the home page, hide).
 */
final class Posts {

    static final int MAX_IMAGES = 9;
    static final int MAX_TITLE = 120;
    static final int MAX_BODY = 20_000;
    static final int MAX_TAGS = 10;
    private static final Pattern LINK = Pattern.compile("(?i)https?://|www\\.");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_-]{1,24}");

    /**
     * A post as written: every field may be null in an edit (unchanged), title, body and category are
     * required for a new post.
     */
    record Draft(Long categoryId, String title, String body, String productUrl, List<String> images, List<String> tags) {
    }

    private final PluginContext ctx;
    private final PostStore store;
    private final Categories categories;
    private final SearchIndex search;
    private final Mentions mentions;
    private final PostingGate gate;

    Posts(PluginContext ctx, PostStore store, Categories categories, SearchIndex search, Mentions mentions, PostingGate gate) {
        this.ctx = ctx;
        this.store = store;
        this.categories = categories;
        this.search = search;
        this.mentions = mentions;
        this.gate = gate;
    }

    Post create(Member author, Draft d) {
        if (d.categoryId() == null) {
            throw KindredException.missingField("categoryId");
        }
        Category category = categories.find(d.categoryId());
        categories.checkMayPost(author, category);
        String title = title(d.title());
        String body = body(d.body());
        List<String> imageUrls = d.images() == null ? List.of() : d.images();
        List<String> tags = tags(d.tags());
        gate.check(author, PostingGate.Act.POST, new PostingGate.Content(words(title, body, tags), links(body), imageUrls.size()));
        String product = productUrl(d.productUrl());
        long now = ctx.clock().millis();
        boolean official = author.hasRole(Role.OPERATOR);
        return ctx.db().write(h -> {
            gate.recheck(h, author, PostingGate.Act.POST);
            List<Post.Image> images = images(h, author.id(), imageUrls);
            long id = store.insert(h, new PostStore.NewPost(author.id(), category.id(), title, body, Markdown.toHtml(body),
                    product, official, now, null));
            finish(h, id, title, body, images, tags);
            ctx.events().publish(h, "post.published", author.id(), Map.of("postId", id, "userId", author.id(),
                    "categoryId", category.id(), "official", official));
            mentions.notify(h, author, id, title, body);
            return store.find(h, id).orElseThrow();
        });
    }

    /** @return whether a post was imported with this key before */
    boolean imported(String importKey) {
        return ctx.db().read(h -> store.findByImportKey(h, importKey)).isPresent();
    }

    /**
     * Stores a post of the brand's official content (import): published as official, dated as given.
     *
     * @return the new post; empty when a post was imported with the same key before (nothing changes)
     */
    java.util.Optional<Post> createOfficial(Member operator, long categoryId, String title, String body,
                                            List<Post.Image> images, List<String> tags, long createdAt, String importKey) {
        String t = title(title);
        String b = body(body);
        return ctx.db().write(h -> {
            if (store.findByImportKey(h, importKey).isPresent()) {
                return java.util.Optional.<Post>empty();
            }
            long id = store.insert(h, new PostStore.NewPost(operator.id(), categoryId, t, b, Markdown.toHtml(b), null,
                    true, createdAt, importKey));
            finish(h, id, t, b, images, tags(tags));
            ctx.events().publish(h, "post.published", operator.id(), Map.of("postId", id, "userId", operator.id(),
                    "categoryId", categoryId, "official", true, "imported", true));
            return store.find(h, id);
        });
    }

    Post edit(Member editor, long id, Draft d) {
        Post post = visible(id);
        boolean operator = editor.hasRole(Role.OPERATOR);
        if (post.userId() != editor.id() && !operator) {
            throw new KindredException(CommunityError.NOT_AUTHOR, "Only the author may edit this post.");
        }
        String title = d.title() == null ? post.title() : title(d.title());
        String body = d.body() == null ? post.body() : body(d.body());
        gate.check(editor, PostingGate.Act.EDIT, new PostingGate.Content(
                words(title, body, d.tags() == null ? post.tags() : tags(d.tags())), links(body),
                d.images() == null ? post.images().size() : d.images().size()));
        String product = d.productUrl() == null ? post.productUrl() : productUrl(d.productUrl());
        long categoryId = post.categoryId();
        if (d.categoryId() != null && d.categoryId() != post.categoryId()) {
            Category target = categories.find(d.categoryId());
            categories.checkMayPost(editor, target);
            categoryId = target.id();
        }
        List<String> tags = d.tags() == null ? post.tags() : tags(d.tags());
        long category = categoryId;
        long now = ctx.clock().millis();
        return ctx.db().write(h -> {
            List<Post.Image> images = d.images() == null ? post.images() : images(h, post.userId(), d.images());
            store.insertRevision(h, id, post.title(), post.body(), editor.id(), now);
            store.update(h, id, title, body, Markdown.toHtml(body), product, category, now);
            finish(h, id, title, body, images, tags);
            return store.find(h, id).orElseThrow();
        });
    }

    /** Soft delete, by the author or an operator. */
    void delete(Member who, long id) {
        Post post = visible(id);
        if (post.userId() != who.id() && !who.hasRole(Role.OPERATOR)) {
            throw new KindredException(CommunityError.NOT_AUTHOR, "Only the author may delete this post.");
        }
        setStatus(id, Post.Status.DELETED);
    }

    /** @return whether the status changed; a post that leaves the lists leaves the search index too */
    boolean setStatus(long id, Post.Status status) {
        Post post = find(id);
        return ctx.db().write(h -> setStatus(h, post, status));
    }

    /** The same in the caller's write transaction (moderation audits the act in it). */
    boolean setStatus(Handle h, Post post, Post.Status status) {
        long id = post.id();
        boolean changed = store.setStatus(h, id, status, ctx.clock().millis());
        if (changed && status == Post.Status.PUBLISHED) {
            search.put(h, id, post.title(), Markdown.toText(post.body()), post.tags());
        } else if (changed) {
            search.remove(h, id);
        }
        return changed;
    }

    /** Features a post (精选) or takes it off; {@code pinHome} also shows it on the site's home page (推首页). */
    Post feature(long id, boolean featured, boolean pinHome) {
        Post post = visible(id);
        return ctx.db().write(h -> {
            Long at = featured ? (post.featuredAt() != null ? post.featuredAt() : ctx.clock().millis()) : null;
            store.setFeatured(h, id, at, featured && pinHome);
            return store.find(h, id).orElseThrow();
        });
    }

    /** Stores an uploaded picture and its thumbnail for the member's next post. */
    Post.Image upload(Member m, UploadedFile file) {
        gate.check(m, PostingGate.Act.UPLOAD, new PostingGate.Content(imageName(file.fileName()), 0, 1));
        String url = ctx.images().store(file, "community");
        String thumb = Thumbnails.of(file).map(t -> ctx.images().store(t, "community")).orElse(url);
        Post.Image image = new Post.Image(url, thumb, imageName(file.fileName()));
        ctx.db().write(h -> {
            store.insertUpload(h, image, m.id(), ctx.clock().millis());
            return null;
        });
        return image;
    }

    /** @return a published post, or 404 */
    Post visible(long id) {
        Post p = find(id);
        if (p.status() != Post.Status.PUBLISHED) {
            throw new KindredException(CommunityError.POST_NOT_FOUND, "No such post.");
        }
        return p;
    }

    /** @return a post whatever its status (moderation), or 404 */
    Post find(long id) {
        return ctx.db().read(h -> store.find(h, id))
                .orElseThrow(() -> new KindredException(CommunityError.POST_NOT_FOUND, "No such post."));
    }

    List<PostStore.Revision> revisions(long id) {
        return ctx.db().read(h -> store.revisions(h, id));
    }

    private void finish(Handle h, long id, String title, String body, List<Post.Image> images, List<String> tags) {
        store.setImages(h, id, images);
        store.setTags(h, id, tags);
        search.put(h, id, title, Markdown.toText(body), tags);
    }

    private List<Post.Image> images(Handle h, long authorId, List<String> urls) {
        if (urls.size() > MAX_IMAGES) {
            throw new KindredException(CommunityError.TOO_MANY_IMAGES, "A post has at most " + MAX_IMAGES + " pictures.");
        }
        List<Post.Image> images = new ArrayList<>();
        for (String url : new LinkedHashSet<>(urls)) {
            images.add(store.upload(h, url, authorId).orElseThrow(() -> KindredException.invalidField(
                    "A picture of a post must be one its author uploaded: " + url)));
        }
        return images;
    }

    /** @return what the word filter reads of a post: title, text and tags */
    private static String words(String title, String body, List<String> tags) {
        return title + "\n" + body + "\n" + String.join(" ", tags);
    }

    static String title(String title) {
        if (title == null) {
            throw KindredException.missingField("title");
        }
        String t = title.strip().replaceAll("[\\p{Cntrl}]", " ");
        if (t.isEmpty() || t.length() > MAX_TITLE) {
            throw KindredException.invalidField("The title is 1 to " + MAX_TITLE + " characters.");
        }
        return t;
    }

    static String body(String body) {
        if (body == null) {
            throw KindredException.missingField("body");
        }
        String b = body.strip();
        if (b.isEmpty() || b.length() > MAX_BODY) {
            throw KindredException.invalidField("The text is 1 to " + MAX_BODY + " characters.");
        }
        return b;
    }

    static int links(String text) {
        Matcher m = LINK.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String productUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && url.length() <= 500) {
                return uri.toString();
            }
        } catch (java.net.URISyntaxException ignored) {
            // falls through to the error
        }
        throw KindredException.invalidField("productUrl must be an http(s) address.");
    }

    static List<String> tags(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String t : raw) {
            String tag = t == null ? "" : t.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(tag).matches()) {
                throw KindredException.invalidField("A tag is 1 to 24 letters, digits, '_' or '-': " + t);
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw KindredException.invalidField("A post has at most " + MAX_TAGS + " tags.");
        }
        return List.copyOf(tags);
    }

    private static String imageName(String name) {
        String n = name == null ? "" : name.replaceAll("[\\p{Cntrl}/\\\\]", "").strip();
        return n.isEmpty() ? "image" : n.length() > 80 ? n.substring(0, 80) : n;
    }
}
