package io.kindred.api.membership;

/**
 * Where a member stands in the tiers (等级): what the member card on Home and Me shows. Growth (成长值) is progress
 * toward the next tier, never a balance to spend.
 *
 * <pre>{@code
 * ctx.services().find(MembershipService.class).flatMap(m -> m.standing(userId, locale))
 *         .ifPresent(s -> model.put("tier", s.tierName()));
 * }</pre>
 *
 * @param tierCode     the tier's code, e.g. {@code V2}
 * @param tierName     its name in the page's language
 * @param colour       its colour, {@code #rrggbb}
 * @param growth       the growth value counted toward tiers
 * @param nextTierCode the next tier's code, or null at the top
 * @param growthToNext growth still needed for the next tier (0 at the top)
 * @param progress     0–100, how far the member is from this tier to the next (100 at the top)
 */
public record Standing(String tierCode, String tierName, String colour, long growth, String nextTierCode,
                       long growthToNext, int progress) {
}
