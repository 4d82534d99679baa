package io.kindred.api.membership;

/**
 * What tier (等级) a member is in. The membership plugin provides it with
 * {@code ctx.provide(MembershipService.class, ...)}; plugins that reserve something for higher tiers (e.g.
 * tier-only items in the points shop) look it up each time. When no plugin provides it (membership absent or
 * disabled) there are no tiers, and each plugin documents what its tier rules do then.
 *
 * <pre>{@code
 * boolean allowed = ctx.services().find(MembershipService.class).map(m -> m.tierRank(userId) >= 3).orElse(false);
 * }</pre>
 */
public interface MembershipService {

    /**
     * @param userId member id
     * @return the rank of the member's current tier: 0 for no tier, 1 for the lowest tier (V1), 2 for V2,
     * and so on; ranks only grow with the tier, so {@code tierRank(u) >= n} means "at tier n or above"
     */
    int tierRank(long userId);

    /**
     * Whether the member has a benefit (权益) through their tier or an active paid plan. Benefit codes are
     * dotted and owned by the plugin that honours them, e.g. {@code distribution.rights} (distribution) or
     * {@code shop.exclusive} (points shop); the membership plugin lists which tiers and plans carry each.
     *
     * <pre>{@code
     * boolean mayDistribute = ctx.services().find(MembershipService.class)
     *         .map(m -> m.hasBenefit(userId, "distribution.rights")).orElse(false);
     * }</pre>
     *
     * @param userId      member id
     * @param benefitCode benefit code
     * @return true when a tier or an active plan of the member carries it; false by default (an
     * implementation without benefits)
     */
    default boolean hasBenefit(long userId, String benefitCode) {
        return false;
    }

    /**
     * Activates (or extends by its length) a membership plan (付费会员卡) for a member on behalf of another plugin,
     * once per {@code key}: calling again with the same key changes nothing, so a retried or redelivered grant is
     * safe. Joins the caller's write transaction when there is one.
     *
     * <pre>{@code
     * ctx.services().find(MembershipService.class).ifPresent(m -> m.grantPlan(userId, "gold", "creators", "creators:app:42"));
     * }</pre>
     *
     * @param userId   member id
     * @param planCode the plan's code, as the operator set it up
     * @param source   who grants, a short lower-case word such as {@code creators}
     * @param key      the idempotency key of this grant
     * @return true when this call activated or extended the plan, false when the key was used before; the default
     * (an implementation without plans) grants nothing and answers false
     * @throws io.kindred.api.KindredException 404 {@code plan_not_found} when there is no such plan
     */
    default boolean grantPlan(long userId, String planCode, String source, String key) {
        return false;
    }

    /**
     * Whether the member holds an active paid plan (付费会员卡) of any kind, e.g. for an offline event reserved for
     * plan holders.
     *
     * <pre>{@code
     * boolean holder = ctx.services().find(MembershipService.class).map(m -> m.hasActivePlan(userId)).orElse(false);
     * }</pre>
     *
     * @param userId member id
     * @return true when a plan of the member is active now; false by default (an implementation without plans)
     */
    default boolean hasActivePlan(long userId) {
        return false;
    }

    /**
     * The member's tier and progress toward the next one, for the member card of the member centre.
     *
     * <pre>{@code
     * Optional<Standing> s = ctx.services().find(MembershipService.class).flatMap(m -> m.standing(userId, locale));
     * }</pre>
     *
     * @param userId member id
     * @param locale the page's language, for the tier's name
     * @return the standing; empty by default (an implementation without tiers)
     */
    default java.util.Optional<Standing> standing(long userId, java.util.Locale locale) {
        return java.util.Optional.empty();
    }
}
