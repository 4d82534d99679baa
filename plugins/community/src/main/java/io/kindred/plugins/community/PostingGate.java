package io.kindred.plugins.community;

import io.kindred.api.users.Member;

/**
 * Asked before a member writes anything on the board: moderation refuses a muted or banned member, a new
 * member over the limits of their standing, a text caught by the word filter or a burst over the rate limit,
 * each with its own error code. Runs before the write transaction; {@link #OPEN} lets everything through.
 */
interface PostingGate {

    /** What the member is about to do: write a new post, edit one, upload a picture for one, comment, like, report. */
    enum Act { POST, EDIT, UPLOAD, COMMENT, LIKE, REPORT }

    /**
     * What the member is about to write.
     *
     * @param text   title and body (or comment), as written
     * @param links  how many links it holds
     * @param images how many pictures it carries
     */
    record Content(String text, int links, int images) {
        static final Content NONE = new Content("", 0, 0);
    }

    /**
     * @param member  the writer
     * @param act     what they do
     * @param content what they write
     * @throws io.kindred.api.KindredException when they may not, with a code that says why
     */
    void check(Member member, Act act, Content content);

    /**
     * Asked again as the first step of the write transaction of a new post or comment, where the counts behind the
     * daily and rate limits are exact (writers take turns), so that parallel requests cannot slip past a limit.
     *
     * @param tx     the write transaction
     * @param member the writer
     * @param act    {@link Act#POST} or {@link Act#COMMENT}
     * @throws io.kindred.api.KindredException when they may not, with a code that says why
     */
    default void recheck(org.jdbi.v3.core.Handle tx, Member member, Act act) {
    }

    /** A gate that refuses nothing. */
    PostingGate OPEN = (member, act, content) -> { };
}
