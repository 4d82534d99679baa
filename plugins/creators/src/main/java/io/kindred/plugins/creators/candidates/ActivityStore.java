package io.kindred.plugins.creators.candidates;

import io.kindred.api.PluginContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Community activity beside each candidate: published posts and the likes they received, read from the community
 * plugin's {@code community_posts} (over its index on {@code (status, user_id, like_count)}) only while community runs.
 */
final class ActivityStore {

    private final PluginContext ctx;

    ActivityStore(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** @return for each member with published posts: {posts, likes received} */
    Map<Long, long[]> posts(List<Long> ids) {
        Map<Long, long[]> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        ctx.db().read(h -> h.createQuery("""
                        SELECT user_id, COUNT(*) AS posts, SUM(like_count) AS likes FROM community_posts
                         WHERE status = 'published' AND user_id IN (<ids>) GROUP BY user_id""")
                .bindList("ids", ids)
                .map((rs, c) -> Map.entry(rs.getLong("user_id"), new long[]{rs.getLong("posts"), rs.getLong("likes")}))
                .list()).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
