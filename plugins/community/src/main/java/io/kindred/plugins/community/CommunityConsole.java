package io.kindred.plugins.community;

import io.kindred.api.web.Routes;
import io.kindred.api.web.Access;
import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.PageRequest;
import io.kindred.api.web.UploadedFile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The console pages under {@code /console/community}: overview with figures per day, categories, featured
 * picks (精选 / 推首页) and the import of official content.
 */
final class CommunityConsole {

    private final Categories categories;
    private final Posts posts;
    private final Feed feed;
    private final CommunityStats stats;
    private final OfficialImport importer;

    CommunityConsole(Categories categories, Posts posts, Feed feed, CommunityStats stats, OfficialImport importer) {
        this.categories = categories;
        this.posts = posts;
        this.feed = feed;
        this.stats = stats;
        this.importer = importer;
    }

    /** {@code GET /console/community}: the last 30 days. */
    void overview(Exchange x) {
        List<CommunityStats.Day> days = stats.lastDays(30);
        Map<String, Object> model = new HashMap<>();
        model.put("days", days.stream().map(CommunityStats.Day::json).toList());
        model.put("chartLabels", days.stream().map(d -> d.day().toString().substring(5)).collect(Collectors.joining(",")));
        model.put("chartPosts", days.stream().map(d -> String.valueOf(d.posts())).collect(Collectors.joining(",")));
        model.put("chartActive", days.stream().map(d -> String.valueOf(d.activePosters())).collect(Collectors.joining(",")));
        x.render("community/console/overview", model);
    }

    /** {@code GET /console/community/categories}. */
    void categoriesPage(Exchange x) {
        renderCategories(x, null);
    }

    /** {@code POST /console/community/categories}: a new category. */
    void createCategory(Exchange x) {
        saveCategory(x, Optional.empty());
    }

    /** {@code POST /console/community/categories/{id}}. */
    void updateCategory(Exchange x) {
        saveCategory(x, Optional.of(x.pathParamAsId("id")));
    }

    private void saveCategory(Exchange x, Optional<Long> id) {
        try {
            Category base = id.map(categories::find).orElse(null);
            Category c = fromForm(x, base == null ? 0 : base.id());
            if (base == null) {
                categories.create(c);
            } else {
                categories.update(c);
            }
            x.redirect("/console/community/categories?notice=community.saved");
        } catch (KindredException e) {
            renderCategories(x, e.getMessage());
        }
    }

    /** {@code POST /console/community/categories/{id}/delete}. */
    void deleteCategory(Exchange x) {
        try {
            categories.delete(x.pathParamAsId("id"));
            x.redirect("/console/community/categories?notice=community.saved");
        } catch (KindredException e) {
            renderCategories(x, e.getMessage());
        }
    }

    /** {@code GET /console/community/featured}. */
    void featuredPage(Exchange x) {
        PageRequest page = x.page(50, 100);
        var list = feed.list(Listing.of(Listing.Sort.FEATURED), page, null);
        x.render("community/console/featured", Map.of("items", list.items().stream().map(Feed.Card::json).toList(),
                "error", x.query("error").orElse("")));
    }

    /** {@code POST /console/community/posts/{id}/feature} with {@code featured}, {@code pinHome}, {@code back}. */
    void featureForm(Exchange x) {
        long id = x.pathParamAsId("id");
        boolean featured = x.formValue("featured").isPresent();
        posts.feature(id, featured, featured && x.formValue("pinHome").isPresent());
        String back = x.formValue("back").filter(b -> b.matches("/(console/)?community[A-Za-z0-9/]*")).orElse("/console/community/featured");
        x.redirect(back + "?notice=community.saved");
    }

    /** {@code POST /console/community/featured} with {@code postId}: features a post by its number. */
    void featureById(Exchange x) {
        String id = x.formValue("postId").orElse("").strip();
        if (!id.matches("\\d{1,18}")) {
            throw KindredException.invalidField("Give the number of a post.");
        }
        posts.feature(Long.parseLong(id), true, x.formValue("pinHome").isPresent());
        x.redirect("/console/community/featured?notice=community.saved");
    }

    /** {@code GET /console/community/import}. */
    void importPage(Exchange x) {
        x.render("community/console/import", new HashMap<>());
    }

    /** {@code POST /console/community/import} (multipart {@code file}: CSV or JSON). */
    void importForm(Exchange x) {
        Map<String, Object> model = new HashMap<>();
        try {
            UploadedFile file = x.file("file").orElseThrow(() -> KindredException.missingField("file"));
            model.put("report", importer.run(x.requireMember(), items(x, file)).json());
        } catch (KindredException e) {
            model.put("error", e.getMessage());
        }
        x.render("community/console/import", model);
    }

    /** @return the rows of an uploaded import file: JSON when it starts with '{', else CSV */
    static List<OfficialImport.Item> items(Exchange x, UploadedFile file) {
        String start = new String(file.bytes(), 0, Math.min(file.bytes().length, 64), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("^\uFEFF", "").stripLeading();
        return start.startsWith("{") ? x.json(file, OfficialImport.Feed.class).items() : OfficialImport.parseCsv(file.bytes());
    }

    private void renderCategories(Exchange x, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("categories", categories.all().stream().map(Category::json).toList());
        model.put("tops", categories.all().stream().filter(c -> c.parentId() == null).map(Category::json).toList());
        model.put("accesses", List.of("everyone", "tier", "creators", "operators"));
        model.put("error", error);
        x.render("community/console/categories", model);
    }

    private static Category fromForm(Exchange x, long id) {
        String parent = x.formValue("parentId").orElse("");
        String position = x.formValue("position").orElse("100");
        String minTier = x.formValue("minTier").orElse("0");
        if (!position.matches("-?\\d{1,6}") || !minTier.matches("\\d{1,2}") || !parent.matches("\\d{0,18}")) {
            throw KindredException.invalidField("Position and minimum tier are whole numbers.");
        }
        Category.PostAccess access;
        try {
            access = Category.PostAccess.parse(x.formValue("postAccess").orElse("everyone"));
        } catch (IllegalArgumentException e) {
            throw KindredException.invalidField("Choose who may post.");
        }
        return new Category(id, parent.isEmpty() ? null : Long.parseLong(parent), x.formValue("slug").orElse("").strip(),
                x.formValue("name").orElse("").strip(), x.formValue("nameZh").orElse("").strip(),
                x.formValue("description").orElse("").strip(), x.formValue("icon").orElse("").strip(),
                Integer.parseInt(position), access, Integer.parseInt(minTier), x.formValue("archived").isPresent());
    }

    /** Registers this class's routes. */
    void register(Routes r) {
        r.group("/console/community", Access.OPERATOR, g -> {
            g.get("", this::overview);
            g.get("/categories", this::categoriesPage);
            g.post("/categories", this::createCategory);
            g.post("/categories/{id}", this::updateCategory);
            g.post("/categories/{id}/delete", this::deleteCategory);
            g.get("/featured", this::featuredPage);
            g.post("/featured", this::featureById);
            g.post("/posts/{id}/feature", this::featureForm);
            g.get("/import", this::importPage);
            g.post("/import", this::importForm);
        });
    }
}
