package io.kindred.plugins.distribution;

import io.kindred.api.ErrorCode;

/** The distribution plugin's error codes, each with its one status. */
final class DistributionError {

    /** A withdrawal above the available commission. */
    static final ErrorCode INSUFFICIENT_COMMISSION = ErrorCode.of(409, "insufficient_commission");
    /** A withdrawal below the minimum. */
    static final ErrorCode BELOW_MINIMUM = ErrorCode.of(409, "below_minimum");
    /** A withdrawal that would pass the daily limit. */
    static final ErrorCode DAILY_LIMIT = ErrorCode.of(409, "daily_limit");
    /** Binding a member to themselves. */
    static final ErrorCode SELF_REFERRAL = ErrorCode.of(409, "self_referral");
    /** Binding that would close a loop (A under B under A). */
    static final ErrorCode REFERRAL_CYCLE = ErrorCode.of(409, "referral_cycle");
    /** A third level of commission asked for. */
    static final ErrorCode TOO_MANY_LEVELS = ErrorCode.of(400, "too_many_levels");
    /** An application while another is pending, or by a distributor. */
    static final ErrorCode APPLICATION_EXISTS = ErrorCode.of(409, "application_exists");
    /** A decision on an application or withdrawal that is no longer in the state it needs. */
    static final ErrorCode WRONG_STATUS = ErrorCode.of(409, "wrong_status");

    private DistributionError() {
    }
}
