package io.kindred.plugins.community;

import io.kindred.api.PluginContext;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Posts, comments and active posters (members who posted or commented) per day, in the site's time zone. */
final class CommunityStats {

    /** One day's figures. */
    record Day(LocalDate day, long posts, long comments, long activePosters) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("day", day.toString());
            m.put("posts", posts);
            m.put("comments", comments);
            m.put("activePosters", activePosters);
            return m;
        }
    }

    private final PluginContext ctx;

    CommunityStats(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** @return the last {@code days} days, oldest first, today included */
    List<Day> lastDays(int days) {
        LocalDate today = ctx.today();
        return ctx.db().read(h -> {
            List<Day> list = new ArrayList<>();
            for (LocalDate d = today.minusDays(days - 1L); !d.isAfter(today); d = d.plusDays(1)) {
                long from = d.atStartOfDay(ctx.siteZone()).toInstant().toEpochMilli();
                long to = d.plusDays(1).atStartOfDay(ctx.siteZone()).toInstant().toEpochMilli();
                list.add(new Day(d, count(h, "community_posts", from, to), count(h, "community_comments", from, to),
                        active(h, from, to)));
            }
            return list;
        });
    }

    private static long count(Handle h, String table, long from, long to) {
        return h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE created_at >= :from AND created_at < :to")
                .bind("from", from).bind("to", to).mapTo(Long.class).one();
    }

    private static long active(Handle h, long from, long to) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM (
                            SELECT user_id FROM community_posts WHERE created_at >= :from AND created_at < :to
                            UNION
                            SELECT user_id FROM community_comments WHERE created_at >= :from AND created_at < :to) a""")
                .bind("from", from).bind("to", to).mapTo(Long.class).one();
    }
}
