package io.kindred.plugins.community;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of the categories. */
final class CategoryStore {

    private static final String COLUMNS = """
            id, parent_id, slug, name, name_zh, description, icon, position, post_access, min_tier, archived""";

    List<Category> all(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM community_categories ORDER BY position, id")
                .map((rs, c) -> map(rs)).list();
    }

    Optional<Category> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM community_categories WHERE id = :id")
                .bind("id", id).map((rs, c) -> map(rs)).findOne();
    }

    Optional<Category> findBySlug(Handle h, String slug) {
        return h.createQuery("SELECT " + COLUMNS + " FROM community_categories WHERE slug = :slug")
                .bind("slug", slug).map((rs, c) -> map(rs)).findOne();
    }

    long insert(Handle h, Category c, long now) {
        return h.createUpdate("""
                        INSERT INTO community_categories(parent_id, slug, name, name_zh, description, icon, position,
                                                         post_access, min_tier, archived, created_at)
                        VALUES (:parent, :slug, :name, :nameZh, :description, :icon, :position, :access, :minTier, 0, :now)""")
                .bind("parent", c.parentId()).bind("slug", c.slug()).bind("name", c.name()).bind("nameZh", c.nameZh())
                .bind("description", c.description()).bind("icon", c.icon()).bind("position", c.position())
                .bind("access", c.postAccess().code()).bind("minTier", c.minTier()).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void update(Handle h, Category c) {
        h.createUpdate("""
                        UPDATE community_categories SET parent_id = :parent, slug = :slug, name = :name, name_zh = :nameZh,
                               description = :description, icon = :icon, position = :position, post_access = :access,
                               min_tier = :minTier, archived = :archived
                        WHERE id = :id""")
                .bind("id", c.id()).bind("parent", c.parentId()).bind("slug", c.slug()).bind("name", c.name())
                .bind("nameZh", c.nameZh()).bind("description", c.description()).bind("icon", c.icon())
                .bind("position", c.position()).bind("access", c.postAccess().code()).bind("minTier", c.minTier())
                .bind("archived", c.archived() ? 1 : 0).execute();
    }

    /** @return whether the category has posts (any status) or sub-categories */
    boolean inUse(Handle h, long id) {
        return h.createQuery("""
                        SELECT EXISTS(SELECT 1 FROM community_posts WHERE category_id = :id)
                            OR EXISTS(SELECT 1 FROM community_categories WHERE parent_id = :id)""")
                .bind("id", id).mapTo(Boolean.class).one();
    }

    void delete(Handle h, long id) {
        h.createUpdate("DELETE FROM community_categories WHERE id = :id").bind("id", id).execute();
    }

    private static Category map(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Category(rs.getLong("id"), parentId, rs.getString("slug"), rs.getString("name"),
                rs.getString("name_zh"), rs.getString("description"), rs.getString("icon"), rs.getInt("position"),
                Category.PostAccess.parse(rs.getString("post_access")), rs.getInt("min_tier"),
                rs.getInt("archived") == 1);
    }
}
