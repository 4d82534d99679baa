package io.kindred.api.referrals;

import java.util.Optional;

/**
 * Who referred whom (推荐人 / 锁粉). The core records the invite code a member signed up with
 * ({@code referrerId} on {@code user.registered}); the distribution plugin turns it into a binding (once per
 * member, never to oneself, never in a cycle, re-bound only by an operator) and provides this service with
 * {@code ctx.provide(ReferralService.class, ...)}. When no plugin provides it, nobody is bound: a consumer
 * hides what depends on referrals.
 *
 * <pre>{@code
 * Optional<Long> inviter = ctx.services().find(ReferralService.class).flatMap(r -> r.referrerOf(userId));
 * long fans = ctx.services().find(ReferralService.class).map(r -> r.directFans(userId)).orElse(0L);
 * }</pre>
 */
public interface ReferralService {

    /**
     * @param userId member id
     * @return the member this one is bound to (their referrer, 上级), or empty when they are bound to nobody
     */
    Optional<Long> referrerOf(long userId);

    /**
     * @param userId member id
     * @return how many members are bound to this one directly (their fans, 粉丝)
     */
    long directFans(long userId);

    /**
     * @param userId member id
     * @return how many members are bound to this member's direct fans (the second level); never deeper
     */
    long indirectFans(long userId);
}
