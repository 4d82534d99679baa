package io.kindred.api.referrals;

/**
 * Distribution rights (分销权益): whether a member may earn commission on their fans' purchases, and a way for
 * other plugins to grant it. The distribution plugin provides it; the creators plugin calls {@link #grant} when
 * it certifies a KOL (达人认证). Rights from other sources (an operator, completed tasks, a membership benefit
 * {@code distribution.rights}) are the distribution plugin's own business and count in {@link #isDistributor}.
 *
 * <pre>{@code
 * ctx.services().find(DistributorRights.class).ifPresent(d -> d.grant(userId, "creators", "Certified KOL"));
 * boolean earns = ctx.services().find(DistributorRights.class).map(d -> d.isDistributor(userId)).orElse(false);
 * }</pre>
 */
public interface DistributorRights {

    /**
     * @param userId member id
     * @return whether any enabled unlock path gives the member distribution rights now
     */
    boolean isDistributor(long userId);

    /**
     * Grants the rights on behalf of a source; granting again from the same source changes nothing.
     *
     * @param userId member id
     * @param source who grants, a short lower-case word such as {@code creators}
     * @param note   why, shown to operators; may be null
     */
    void grant(long userId, String source, String note);

    /**
     * Takes back a grant of one source; rights from other sources stay. What was earned is kept.
     *
     * @param userId member id
     * @param source the source that granted
     * @param note   why, shown to operators; may be null
     */
    void revoke(long userId, String source, String note);
}
