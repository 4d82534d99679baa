package io.kindred.plugins.community;

import io.kindred.api.events.Event;
import org.jdbi.v3.core.Handle;

/**
 * {@code member.merged} {into, from}: the merged member's posts, comments, uploads, sanctions and contest
 * places become the target's. Likes, bookmarks, shares and contest votes are one per person: where both gave
 * one to the same post or comment, the merged member's is dropped and the post's or comment's count goes down
 * by one; the rest move. Running it twice changes nothing.
 */
final class CommunityMerges {

    void onMerged(Event e, Handle tx) {
        long into = e.longValue("into");
        long from = e.longValue("from");
        run(tx, "UPDATE community_posts SET user_id = :into WHERE user_id = :from", into, from);
        run(tx, "UPDATE community_comments SET user_id = :into WHERE user_id = :from", into, from);
        run(tx, "UPDATE community_uploads SET user_id = :into WHERE user_id = :from", into, from);
        run(tx, "UPDATE community_sanctions SET user_id = :into WHERE user_id = :from", into, from);
        run(tx, "UPDATE community_contest_winners SET user_id = :into WHERE user_id = :from", into, from);

        run(tx, """
                UPDATE community_posts SET like_count = like_count - 1
                 WHERE id IN (SELECT l.post_id FROM community_post_likes l WHERE l.user_id = :from)
                   AND id IN (SELECT l.post_id FROM community_post_likes l WHERE l.user_id = :into)""", into, from);
        run(tx, """
                DELETE FROM community_post_likes WHERE user_id = :from
                   AND post_id IN (SELECT l.post_id FROM community_post_likes l WHERE l.user_id = :into)""", into, from);
        run(tx, "UPDATE community_post_likes SET user_id = :into WHERE user_id = :from", into, from);

        run(tx, """
                UPDATE community_comments SET like_count = like_count - 1
                 WHERE id IN (SELECT l.comment_id FROM community_comment_likes l WHERE l.user_id = :from)
                   AND id IN (SELECT l.comment_id FROM community_comment_likes l WHERE l.user_id = :into)""", into, from);
        run(tx, """
                DELETE FROM community_comment_likes WHERE user_id = :from
                   AND comment_id IN (SELECT l.comment_id FROM community_comment_likes l WHERE l.user_id = :into)""", into, from);
        run(tx, "UPDATE community_comment_likes SET user_id = :into WHERE user_id = :from", into, from);

        run(tx, """
                DELETE FROM community_bookmarks WHERE user_id = :from
                   AND post_id IN (SELECT b.post_id FROM community_bookmarks b WHERE b.user_id = :into)""", into, from);
        run(tx, "UPDATE community_bookmarks SET user_id = :into WHERE user_id = :from", into, from);

        run(tx, """
                UPDATE community_posts SET share_count = share_count - 1
                 WHERE id IN (SELECT s.post_id FROM community_shares s WHERE s.user_id = :from)
                   AND id IN (SELECT s.post_id FROM community_shares s WHERE s.user_id = :into)""", into, from);
        run(tx, """
                DELETE FROM community_shares WHERE user_id = :from
                   AND post_id IN (SELECT s.post_id FROM community_shares s WHERE s.user_id = :into)""", into, from);
        run(tx, "UPDATE community_shares SET user_id = :into WHERE user_id = :from", into, from);

        run(tx, """
                DELETE FROM community_contest_votes WHERE user_id = :from
                   AND EXISTS (SELECT 1 FROM community_contest_votes v WHERE v.user_id = :into
                                 AND v.contest_id = community_contest_votes.contest_id
                                 AND v.post_id = community_contest_votes.post_id)""", into, from);
        run(tx, "UPDATE community_contest_votes SET user_id = :into WHERE user_id = :from", into, from);
    }

    private static void run(Handle tx, String sql, long into, long from) {
        tx.createUpdate(sql).bind("into", into).bind("from", from).execute();
    }
}
