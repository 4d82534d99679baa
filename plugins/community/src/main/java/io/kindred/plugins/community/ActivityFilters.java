package io.kindred.plugins.community;

import io.kindred.api.segments.MemberFilter;
import io.kindred.api.segments.MemberIds;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The segments filters of community activity (creators' candidates, 达人): {@code minPosts=<n>} members with at least n
 * published posts, {@code minLikesReceived=<n>} members whose published posts together have at least n likes,
 * {@code minComments=<n>} members who wrote at least n published comments. Each reads one covering index (migration
 * V5) grouped by author.
 */
final class ActivityFilters {

    private ActivityFilters() {
    }

    static List<MemberFilter> all() {
        return List.of(
                filter("minPosts", "Published posts at least", "发布帖子数不少于",
                        "SELECT user_id FROM community_posts WHERE status = 'published' GROUP BY user_id HAVING COUNT(*) >= :n"),
                filter("minLikesReceived", "Likes received at least", "获赞数不少于",
                        "SELECT user_id FROM community_posts WHERE status = 'published' GROUP BY user_id HAVING SUM(like_count) >= :n"),
                filter("minComments", "Comments written at least", "发表评论数不少于",
                        "SELECT user_id FROM community_comments WHERE status = 'published' GROUP BY user_id HAVING COUNT(*) >= :n"));
    }

    private static MemberFilter filter(String name, String en, String zh, String sql) {
        return new MemberFilter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String label(Locale locale) {
                return locale != null && locale.getLanguage().equals("zh") ? zh : en;
            }

            @Override
            public MemberIds select(String value) {
                return MemberIds.of(sql, Map.of("n", count(value)));
            }
        };
    }

    static long count(String value) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 1_000_000_000L) {
            throw new IllegalArgumentException("it is a whole number from 1 to 1000000000.");
        }
        return n;
    }
}
