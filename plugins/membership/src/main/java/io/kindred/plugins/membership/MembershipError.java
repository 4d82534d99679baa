package io.kindred.plugins.membership;

import io.kindred.api.ErrorCode;

/** The membership plugin's error codes, each with its one status. (The console's codes are here too.) */
final class MembershipError {

    /** A tier's benefits name a benefit no started plugin offers. */
    static final ErrorCode UNKNOWN_BENEFIT = ErrorCode.of(400, "unknown_benefit");

    /** No tier with that code. */
    static final ErrorCode TIER_NOT_FOUND = ErrorCode.of(404, "tier_not_found");

    /** No plan (membership card) with that code. */
    static final ErrorCode PLAN_NOT_FOUND = ErrorCode.of(404, "plan_not_found");

    /** No activation code like that. */
    static final ErrorCode CODE_NOT_FOUND = ErrorCode.of(404, "code_not_found");

    /** No batch of activation codes with that id. */
    static final ErrorCode BATCH_NOT_FOUND = ErrorCode.of(404, "batch_not_found");

    /** Revoking a plan the member does not hold. */
    static final ErrorCode NOT_HOLDING = ErrorCode.of(404, "not_holding");

    /** Running a job the plugin does not have. */
    static final ErrorCode JOB_NOT_FOUND = ErrorCode.of(404, "job_not_found");

    /** The card has no free trial. */
    static final ErrorCode NO_TRIAL = ErrorCode.of(409, "no_trial");

    /** The free trial is for members who never held the card. */
    static final ErrorCode TRIAL_USED = ErrorCode.of(409, "trial_used");

    /** The activation code was used already. */
    static final ErrorCode CODE_ALREADY_USED = ErrorCode.of(409, "code_already_used");

    /** A new tier beyond the most the plugin keeps. */
    static final ErrorCode TOO_MANY_TIERS = ErrorCode.of(409, "too_many_tiers");

    /** Only the top tier can be removed. */
    static final ErrorCode NOT_TOP_TIER = ErrorCode.of(409, "not_top_tier");

    /** The two lowest tiers stay. */
    static final ErrorCode LAST_TIERS = ErrorCode.of(409, "last_tiers");

    /** A tier that members hold cannot be removed. */
    static final ErrorCode TIER_IN_USE = ErrorCode.of(409, "tier_in_use");

    /** Another plan is sold with that sku. */
    static final ErrorCode SKU_TAKEN = ErrorCode.of(409, "sku_taken");

    private MembershipError() {
    }
}
