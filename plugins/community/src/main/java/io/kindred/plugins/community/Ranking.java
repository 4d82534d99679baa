package io.kindred.plugins.community;

/**
 * The "hot" order. A post's score is
 * <pre>
 *   hot = log10(max(1, likes + 2 × comments + 3 × shares)) + createdAtSeconds / 45000
 * </pre>
 * so ten times the engagement is worth 12.5 hours of freshness: a new post starts level with a day-old post
 * that has a hundred times its engagement, and every post sinks as newer ones arrive. Because the time term
 * is fixed at creation the score only changes when someone interacts, so it is stored with the post and
 * indexed, and "hot" is one indexed read however many posts there are (the same idea as Reddit's hot rank).
 */
final class Ranking {

    /** Seconds of age that weigh as much as a tenfold engagement. */
    static final double DECAY_SECONDS = 45_000;

    private Ranking() {
    }

    /** @return the hot score of a post with these counts, created at {@code createdAtMillis} */
    static double hot(long likes, long comments, long shares, long createdAtMillis) {
        long engagement = likes + 2 * comments + 3 * shares;
        return Math.log10(Math.max(1, engagement)) + (createdAtMillis / 1000.0) / DECAY_SECONDS;
    }
}
