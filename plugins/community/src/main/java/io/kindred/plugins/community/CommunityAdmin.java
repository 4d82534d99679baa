package io.kindred.plugins.community;

import io.kindred.api.web.Routes;
import io.kindred.api.web.Access;
import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;

import java.util.Map;
import java.util.Optional;

/** The operators' JSON API under {@code /api/v1/admin/community}: categories and featured picks. */
final class CommunityAdmin {

    /** A category as the console sends it; on update, missing fields keep their value ({@code parentId} 0 = top level). */
    record CategoryBody(Optional<Long> parentId, Optional<String> slug, Optional<String> name, Optional<String> nameZh,
                        Optional<String> description, Optional<String> icon, Optional<Integer> position,
                        Optional<String> postAccess, Optional<Integer> minTier, Optional<Boolean> archived) {

        Category toCategory(long id, Category base) {
            Long parent = parentId.isPresent() ? (parentId.get() == 0 ? null : parentId.get()) : base == null ? null : base.parentId();
            return new Category(id, parent,
                    slug.orElse(base == null ? null : base.slug()),
                    name.orElse(base == null ? null : base.name()),
                    nameZh.orElse(base == null ? null : base.nameZh()),
                    description.orElse(base == null ? "" : base.description()),
                    icon.orElse(base == null ? "" : base.icon()),
                    position.orElse(base == null ? 100 : base.position()),
                    postAccess.map(CategoryBody::access).orElse(base == null ? Category.PostAccess.EVERYONE : base.postAccess()),
                    minTier.orElse(base == null ? 0 : base.minTier()),
                    archived.orElse(base != null && base.archived()));
        }

        private static Category.PostAccess access(String code) {
            try {
                return Category.PostAccess.parse(code);
            } catch (IllegalArgumentException e) {
                throw KindredException.invalidField("postAccess is one of everyone, tier, creators, operators.");
            }
        }
    }

    /** {@code POST /api/v1/admin/community/posts/{id}/feature}. */
    record FeatureBody(Optional<Boolean> pinHome) {
    }

    private final Categories categories;
    private final Posts posts;
    private final Feed feed;
    private final CommunityStats stats;
    private final OfficialImport importer;

    CommunityAdmin(Categories categories, Posts posts, Feed feed, CommunityStats stats, OfficialImport importer) {
        this.categories = categories;
        this.posts = posts;
        this.feed = feed;
        this.stats = stats;
        this.importer = importer;
    }

    /** {@code GET /api/v1/admin/community/stats?days=30} → posts, comments and active posters per day. */
    void stats(Exchange x) {
        int days = x.queryInt("days", 30, 1, 366);
        x.json(Page.all(stats.lastDays(days).stream().map(CommunityStats.Day::json).toList()));
    }

    /**
     * {@code POST /api/v1/admin/community/import}: a JSON body {@code {"items":[...]}}, or a multipart {@code file}
     * (CSV or JSON) → 200 {@code {"import":{imported, skipped, failed:[{row, error}]}}}.
     */
    void importContent(Exchange x) {
        var file = x.file("file");
        var items = file.isPresent() ? CommunityConsole.items(x, file.get()) : x.body(OfficialImport.Feed.class).items();
        x.json(Map.of("import", importer.run(x.actor(), items).json()));
    }

    void categories(Exchange x) {
        x.json(Page.all(categories.all().stream().map(Category::json).toList()));
    }

    void createCategory(Exchange x) {
        CategoryBody body = x.body(CategoryBody.class);
        if (body.slug().isEmpty()) {
            throw KindredException.missingField("slug");
        }
        if (body.name().isEmpty()) {
            throw KindredException.missingField("name");
        }
        x.json(201, Map.of("category", categories.create(body.toCategory(0, null)).json()));
    }

    void updateCategory(Exchange x) {
        Category base = categories.find(x.pathParamAsId("id"));
        x.json(Map.of("category", categories.update(x.body(CategoryBody.class).toCategory(base.id(), base)).json()));
    }

    void deleteCategory(Exchange x) {
        categories.delete(x.pathParamAsId("id"));
        x.noContent();
    }

    void feature(Exchange x) {
        FeatureBody body = x.body(FeatureBody.class);
        Post post = posts.feature(x.pathParamAsId("id"), true, body.pinHome().orElse(false));
        x.json(Map.of("post", feed.card(post, null).json()));
    }

    void unfeature(Exchange x) {
        x.json(Map.of("post", feed.card(posts.feature(x.pathParamAsId("id"), false, false), null).json()));
    }

    /** Registers this class's routes. */
    void register(Routes r) {
        r.group("/api/v1/admin/community", Access.OPERATOR, g -> {
            g.get("/categories", this::categories);
            g.post("/categories", this::createCategory);
            g.put("/categories/{id}", this::updateCategory);
            g.patch("/categories/{id}", this::updateCategory);
            g.delete("/categories/{id}", this::deleteCategory);
            g.post("/posts/{id}/feature", this::feature);
            g.delete("/posts/{id}/feature", this::unfeature);
            g.get("/stats", this::stats);
            g.post("/import", this::importContent);
        });
    }
}
