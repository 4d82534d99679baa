package io.kindred.api.community;

import java.time.Instant;

/**
 * What a member did on the community board over a period, read-only: posts published, likes their posts received,
 * comments written. The community plugin provides it with {@code ctx.provide(CommunityActivity.class, ...)}; the
 * creators plugin shows it per creator in its roster and monthly report. When no plugin provides it (community
 * absent or disabled) a consumer hides those figures.
 *
 * <pre>{@code
 * long posts = ctx.services().find(CommunityActivity.class).map(c -> c.postsBy(userId, from, to)).orElse(0L);
 * }</pre>
 */
public interface CommunityActivity {

    /**
     * @param userId member id
     * @param from   start of the period, included
     * @param to     end of the period, excluded
     * @return posts the member published in the period (removed ones not counted)
     */
    long postsBy(long userId, Instant from, Instant to);

    /**
     * @param userId member id
     * @param from   start of the period, included
     * @param to     end of the period, excluded
     * @return likes given in the period to the member's posts
     */
    long likesReceived(long userId, Instant from, Instant to);

    /**
     * @param userId member id
     * @param from   start of the period, included
     * @param to     end of the period, excluded
     * @return comments the member wrote in the period
     */
    long commentsBy(long userId, Instant from, Instant to);
}
