package io.kindred.server.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Community posts of a seeded brand (when the community plugin's tables exist): published posts by random
 * members over the last year in the categories every member may post in, English and Chinese, 0–6 comments and
 * 0–12 likes each (counts and hot score as the plugin keeps them), and the full-text index the plugin searches.
 */
final class SeedCommunity {

    private static final long DAY = 86_400_000L;
    private static final String[][] TEXT = {
            {"My morning routine with the new serum", "Two weeks in and my skin feels calmer. Sharing what worked for me."},
            {"新品试用心得", "用了两周，皮肤状态稳定了很多，分享一下我的使用方法。"},
            {"Which colour should I pick?", "Torn between the sage and the sand one. What did you choose and why?"},
            {"会员日攒积分攻略", "每天签到加上周末活动，一个月能多拿不少积分，大家可以参考。"},
    };

    private final Connection c;
    private final long firstUser;
    private final Seed.Plan plan;
    private final PrintStream out;
    private final SplittableRandom random = new SplittableRandom(2121);
    private final long now = System.currentTimeMillis();

    SeedCommunity(Connection c, long firstUser, Seed.Plan plan, PrintStream out) {
        this.c = c;
        this.firstUser = firstUser;
        this.plan = plan;
        this.out = out;
    }

    /** @return how many posts were written */
    long run() throws SQLException {
        List<Long> categories = categories();
        if (categories.isEmpty() || plan.posts() == 0) {
            return 0;
        }
        long postId = Seed.maxId(c, "community_posts");
        long started = System.nanoTime();
        try (Seed.Rows posts = new Seed.Rows(c, """
                INSERT INTO community_posts(id, user_id, category_id, title, body, body_html, excerpt, official, status,
                                            like_count, comment_count, share_count, hot_score, pinned_home, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'published', ?, ?, 0, ?, 0, ?, ?)""");
             Seed.Rows search = new Seed.Rows(c, "INSERT INTO community_search(rowid, title, body, tags) VALUES (?, ?, ?, '')");
             Seed.Rows comments = new Seed.Rows(c, """
                INSERT INTO community_comments(post_id, user_id, body, body_html, like_count, status, created_at)
                VALUES (?, ?, ?, ?, 0, 'published', ?)""");
             Seed.Rows likes = new Seed.Rows(c, "INSERT INTO community_post_likes(post_id, user_id, created_at) VALUES (?, ?, ?)")) {
            for (long i = 0; i < plan.posts(); i++) {
                long id = ++postId;
                long at = now - 365 * DAY + (long) ((double) i / plan.posts() * 365 * DAY);
                String[] text = TEXT[random.nextInt(TEXT.length)];
                String title = text[0];
                String body = text[1] + " #" + id;
                int commentCount = random.nextInt(7);
                Set<Long> likers = likers(random.nextInt(13));
                posts.add(id, member(), categories.get(random.nextInt(categories.size())), title, body, "<p>" + body + "</p>",
                        body, likers.size(), commentCount, hot(likers.size(), commentCount, at), at, at);
                search.add(id, title, body);
                for (int k = 0; k < commentCount; k++) {
                    String reply = k % 2 == 0 ? "Thanks for sharing!" : "谢谢分享，学到了！";
                    comments.add(id, member(), reply, "<p>" + reply + "</p>", at + (k + 1) * 60_000L);
                }
                for (long liker : likers) {
                    likes.add(id, liker, at + 30_000L);
                }
                if ((i + 1) % 50_000 == 0) {
                    out.printf("  %d posts (%.0f s)%n", i + 1, (System.nanoTime() - started) / 1e9);
                }
            }
        }
        return plan.posts();
    }

    private long member() {
        return firstUser + random.nextLong(plan.members());
    }

    private Set<Long> likers(int n) {
        Set<Long> ids = new HashSet<>();
        for (int k = 0; k < n * 2 && ids.size() < Math.min(n, plan.members()); k++) {
            ids.add(member());
        }
        return ids;
    }

    /** The plugin's hot score (Ranking.hot): log10 of the engagement plus the creation time in 45 000 s units. */
    private static double hot(long likes, long comments, long createdAt) {
        return Math.log10(Math.max(1, likes + 2 * comments)) + (createdAt / 1000.0) / 45_000;
    }

    private List<Long> categories() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT id FROM community_categories WHERE post_access = 'everyone' AND archived = 0")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
