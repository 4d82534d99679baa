package io.kindred.plugins.community;

import io.kindred.api.KindredException;

import java.util.List;
import java.util.Locale;

/**
 * Which posts a list shows and in what order: latest (newest first, paged by id), hot (the {@link Ranking}
 * score) or featured (operator picks, latest pick first); hot and featured are paged by position.
 *
 * @param sort        the order
 * @param categoryIds the categories (a category with its sub-categories), or empty for all
 * @param tag         a tag, or null
 * @param authorId    an author, or null
 */
record Listing(Sort sort, List<Long> categoryIds, String tag, Long authorId) {

    /** The orders a list can take. */
    enum Sort {
        LATEST, HOT, FEATURED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Sort parse(String code) {
            for (Sort s : values()) {
                if (s.code().equals(code)) {
                    return s;
                }
            }
            throw KindredException.invalidField("sort is one of latest, hot, featured.");
        }
    }

    static Listing of(Sort sort) {
        return new Listing(sort, List.of(), null, null);
    }

    Listing inCategories(List<Long> ids) {
        return new Listing(sort, List.copyOf(ids), tag, authorId);
    }

    Listing tagged(String t) {
        return new Listing(sort, categoryIds, t, authorId);
    }

    Listing by(Long author) {
        return new Listing(sort, categoryIds, tag, author);
    }
}
