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
}
