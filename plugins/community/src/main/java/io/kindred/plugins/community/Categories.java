package io.kindred.plugins.community;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.creators.CreatorService;
import io.kindred.api.membership.MembershipService;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The category tree: reading it, editing it, and who may post where. */
final class Categories {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** A top-level category with its sub-categories, both in order. */
    record Node(Category category, List<Category> children) {
    }

    /** How long a node trusts its copy of the tree; a change made on this node clears it at once. */
    static final long CACHE_MILLIS = 5_000;

    private final PluginContext ctx;
    private final CategoryStore store;
    private volatile List<Category> cached;
    private volatile long cachedAt;

    Categories(PluginContext ctx, CategoryStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    /** @return every category, parents before children, in order */
    List<Category> all() {
        List<Category> c = cached;
        long now = ctx.clock().millis();
        if (c == null || now - cachedAt > CACHE_MILLIS || now < cachedAt) {
            c = ctx.db().read(store::all);
            cached = c;
            cachedAt = now;
        }
        return c;
    }

    private void forget() {
        cached = null;
    }

    /** @return the categories members see (archived ones left out), as a two-level tree */
    List<Node> tree() {
        List<Category> all = all().stream().filter(c -> !c.archived()).toList();
        List<Node> nodes = new ArrayList<>();
        for (Category top : all) {
            if (top.parentId() == null) {
                nodes.add(new Node(top, all.stream().filter(c -> top.id() == orZero(c.parentId())).toList()));
            }
        }
        return nodes;
    }

    Category find(long id) {
        return ctx.db().read(h -> store.find(h, id))
                .orElseThrow(() -> new KindredException(CommunityError.CATEGORY_NOT_FOUND, "No such category."));
    }

    Optional<Category> findBySlug(String slug) {
        return ctx.db().read(h -> store.findBySlug(h, slug));
    }

    /** @return the category with that id or slug */
    Category resolve(String idOrSlug) {
        if (idOrSlug.matches("\\d{1,18}")) {
            return find(Long.parseLong(idOrSlug));
        }
        return findBySlug(idOrSlug)
                .orElseThrow(() -> new KindredException(CommunityError.CATEGORY_NOT_FOUND, "No such category."));
    }

    /** @return the ids of a category and of its sub-categories, which a list "in" the category shows together */
    List<Long> withChildren(Category c) {
        List<Long> ids = new ArrayList<>();
        ids.add(c.id());
        all().stream().filter(x -> c.id() == orZero(x.parentId())).forEach(x -> ids.add(x.id()));
        return ids;
    }

    /** Refuses a post in {@code c} by a member its rule leaves out. */
    void checkMayPost(Member m, Category c) {
        if (c.archived()) {
            throw new KindredException(CommunityError.CATEGORY_RESTRICTED, "This category is closed to new posts.");
        }
        if (!mayPost(m, c)) {
            throw new KindredException(CommunityError.CATEGORY_RESTRICTED, switch (c.postAccess()) {
                case TIER -> "Posting here needs tier V" + c.minTier() + " or above.";
                case CREATORS -> "Only certified creators may post here.";
                default -> "Only the brand's team may post here.";
            });
        }
    }

    boolean mayPost(Member m, Category c) {
        if (m.hasRole(Role.OPERATOR)) {
            return true;
        }
        return switch (c.postAccess()) {
            case EVERYONE -> true;
            case TIER -> ctx.services().find(MembershipService.class).map(s -> s.tierRank(m.id()) >= c.minTier()).orElse(true);
            case CREATORS -> ctx.services().find(CreatorService.class).map(s -> s.isCertified(m.id())).orElse(false);
            case OPERATORS -> false;
        };
    }

    Category create(Category c) {
        check(c);
        Category created = ctx.db().write(h -> {
            if (store.findBySlug(h, c.slug()).isPresent()) {
                throw new KindredException(CommunityError.CATEGORY_EXISTS, "Another category has the slug '" + c.slug() + "'.");
            }
            return store.find(h, store.insert(h, c, ctx.clock().millis())).orElseThrow();
        });
        forget();
        return created;
    }

    Category update(Category c) {
        check(c);
        Category updated = ctx.db().write(h -> {
            store.find(h, c.id()).orElseThrow(() -> new KindredException(CommunityError.CATEGORY_NOT_FOUND, "No such category."));
            Optional<Category> sameSlug = store.findBySlug(h, c.slug());
            if (sameSlug.isPresent() && sameSlug.get().id() != c.id()) {
                throw new KindredException(CommunityError.CATEGORY_EXISTS, "Another category has the slug '" + c.slug() + "'.");
            }
            if (c.parentId() != null && store.all(h).stream().anyMatch(x -> orZero(x.parentId()) == c.id())) {
                throw new KindredException(CommunityError.CATEGORY_DEPTH, "A category with sub-categories stays at the top level.");
            }
            store.update(h, c);
            return store.find(h, c.id()).orElseThrow();
        });
        forget();
        return updated;
    }

    void delete(long id) {
        ctx.db().write(h -> {
            store.find(h, id).orElseThrow(() -> new KindredException(CommunityError.CATEGORY_NOT_FOUND, "No such category."));
            if (store.inUse(h, id)) {
                throw new KindredException(CommunityError.CATEGORY_NOT_EMPTY,
                        "The category has posts or sub-categories: archive it instead.");
            }
            store.delete(h, id);
            return null;
        });
        forget();
    }

    private void check(Category c) {
        if (c.slug() == null || !SLUG.matcher(c.slug()).matches()) {
            throw KindredException.invalidField("The slug is 1 to 40 lower case letters, digits and '-'.");
        }
        if (c.name() == null || c.name().isBlank() || c.name().length() > 40) {
            throw KindredException.invalidField("The name is 1 to 40 characters.");
        }
        if (c.description() != null && c.description().length() > 300) {
            throw KindredException.invalidField("The description is at most 300 characters.");
        }
        if (c.minTier() < 0 || c.minTier() > 20) {
            throw KindredException.invalidField("minTier is a tier rank from 0 to 20.");
        }
        if (c.parentId() != null) {
            Category parent = ctx.db().read(h -> store.find(h, c.parentId())).orElseThrow(
                    () -> KindredException.invalidField("The parent category does not exist."));
            if (parent.parentId() != null || parent.id() == c.id()) {
                throw new KindredException(CommunityError.CATEGORY_DEPTH, "Categories have two levels: the parent must be a top-level category.");
            }
        }
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }
}
