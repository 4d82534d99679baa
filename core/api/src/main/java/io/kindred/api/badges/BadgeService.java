package io.kindred.api.badges;

import java.util.List;

/**
 * The badges members hold. A plugin that hands out badges (the points shop, which sells them for points)
 * provides it with {@code ctx.provide(BadgeService.class, ...)}; pages that show a member's name (profile,
 * community posts) look it up and show the badges next to the name. When no plugin provides it, nobody
 * has badges.
 *
 * <pre>{@code
 * List<Badge> badges = ctx.services().find(BadgeService.class).map(s -> s.badgesOf(userId)).orElse(List.of());
 * }</pre>
 */
public interface BadgeService {

    /**
     * @param userId member id
     * @return the member's badges, each code once, oldest first; empty when they have none
     */
    List<Badge> badgesOf(long userId);

    /**
     * The badges an operator may hand out as a prize (e.g. a community contest's), each with its code for
     * {@link #grant}. A provider that cannot grant badges offers none.
     *
     * <pre>{@code
     * List<Badge> choices = ctx.services().find(BadgeService.class).map(BadgeService::grantable).orElse(List.of());
     * }</pre>
     *
     * @return the badges that {@link #grant} accepts ({@code grantedAt} null); empty by default
     */
    default List<Badge> grantable() {
        return List.of();
    }

    /**
     * Gives a member a badge in the caller's write transaction, so that it is kept only if that commits; the same
     * key grants once, so a retried prize gives the badge once.
     *
     * <pre>{@code
     * badges.grant(tx, userId, "shop:12", "community:contest:7:rank:1");
     * }</pre>
     *
     * @param tx        the caller's write transaction
     * @param userId    the member
     * @param badgeCode a code from {@link #grantable()}
     * @param key       idempotency key, at most 200 characters
     * @return true when granted now, false when the key had granted it before
     * @throws IllegalArgumentException when the code is not one of {@link #grantable()} (by default every code)
     */
    default boolean grant(org.jdbi.v3.core.Handle tx, long userId, String badgeCode, String key) {
        throw new IllegalArgumentException("this badge service grants no badges: " + badgeCode);
    }
}
