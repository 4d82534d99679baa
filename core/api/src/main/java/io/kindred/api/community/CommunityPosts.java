package io.kindred.api.community;

/**
 * Publishing a post on the community board on a member's behalf, e.g. the recap of an offline event written by its
 * organiser. The community plugin provides it with {@code ctx.provide(CommunityPosts.class, ...)}; the post goes
 * through the board's usual rules (the category's posting rule, the word filter, {@code post.published}). When no
 * plugin provides it (community absent or disabled) a consumer hides its "publish to the community" action.
 *
 * <pre>{@code
 * Optional<Long> postId = ctx.services().find(CommunityPosts.class)
 *         .map(c -> c.publish(userId, "recommendations", "Our picnic", "Twelve of us met in the park..."));
 * }</pre>
 */
public interface CommunityPosts {

    /**
     * Publishes a post written by a member, in its own transaction.
     *
     * @param authorId     the member who signs the post
     * @param categorySlug the category's slug, e.g. {@code recommendations}
     * @param title        the title (the board's length rule applies)
     * @param body         the text, Markdown
     * @return the new post's id; its page is {@code /community/posts/<id>}
     * @throws io.kindred.api.KindredException 404 when there is no such member or category, or whatever the board
     *                                         refuses the post with (e.g. 403 when the category is for operators)
     */
    long publish(long authorId, String categorySlug, String title, String body);
}
