package io.kindred.plugins.membership;

import io.kindred.api.ErrorCode;

/** The membership plugin's error codes, each with its one status. */
enum MembershipError implements ErrorCode {
    /** A tier's benefits name a benefit no started plugin offers. */
    UNKNOWN_BENEFIT(400),
    /** A tier or plan field that does not exist. */
    UNKNOWN_FIELD(400),
    /** No tier with that code. */
    TIER_NOT_FOUND(404),
    /** No plan (membership card) with that code. */
    PLAN_NOT_FOUND(404),
    /** No activation code like that. */
    CODE_NOT_FOUND(404),
    /** No batch of activation codes with that id. */
    BATCH_NOT_FOUND(404),
    /** Revoking a plan the member does not hold. */
    NOT_HOLDING(404),
    /** Running a job the plugin does not have. */
    JOB_NOT_FOUND(404),
    /** The card has no free trial. */
    NO_TRIAL(409),
    /** The free trial is for members who never held the card. */
    TRIAL_USED(409),
    /** The activation code was used already. */
    CODE_ALREADY_USED(409),
    /** A new tier beyond the most the plugin keeps. */
    TOO_MANY_TIERS(409),
    /** Only the top tier can be removed. */
    NOT_TOP_TIER(409),
    /** The two lowest tiers stay. */
    LAST_TIERS(409),
    /** A tier that members hold cannot be removed. */
    TIER_IN_USE(409),
    /** Another plan is sold with that sku. */
    SKU_TAKEN(409);

    private final int status;

    MembershipError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String code() {
        return ErrorCode.codeOf(this);
    }
}
