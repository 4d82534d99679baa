package io.kindred.plugins.community;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A board category: top level ({@code parentId} null) or one level below. {@code postAccess} says who may
 * start a post in it; anyone may read and comment.
 */
record Category(long id, Long parentId, String slug, String name, String nameZh, String description, String icon,
                int position, PostAccess postAccess, int minTier, boolean archived) {

    /** Who may start a post in a category. */
    enum PostAccess {
        /** every member */
        EVERYONE,
        /** members at tier {@code minTier} or above (everyone when membership is off) */
        TIER,
        /** certified creators (认证) */
        CREATORS,
        /** the brand's operators: official content only */
        OPERATORS;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static PostAccess parse(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** @return the name in the reader's language */
    String label(Locale locale) {
        return locale.getLanguage().equals("zh") && nameZh != null && !nameZh.isBlank() ? nameZh : name;
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("parentId", parentId);
        m.put("slug", slug);
        m.put("name", name);
        m.put("nameZh", nameZh);
        m.put("description", description);
        m.put("icon", icon);
        m.put("position", position);
        m.put("postAccess", postAccess.code());
        m.put("minTier", minTier);
        m.put("archived", archived);
        return m;
    }
}
