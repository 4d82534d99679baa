package io.kindred.plugins.checkin;

import io.kindred.api.ErrorCode;

/** The check-in plugin's error codes, each with its one status. */
final class CheckinError {

    /** A second check-in on the same day. */
    static final ErrorCode ALREADY_CHECKED_IN = ErrorCode.of(409, "already_checked_in");

    /** A make-up of a day that cannot be made up (not a missed day of this month before today). */
    static final ErrorCode NOT_ALLOWED = ErrorCode.of(409, "not_allowed");

    /** Every make-up of the month is used. */
    static final ErrorCode MAKEUP_LIMIT = ErrorCode.of(409, "makeup_limit");

    /** Joining a challenge that has ended. */
    static final ErrorCode CHALLENGE_ENDED = ErrorCode.of(409, "challenge_ended");

    private CheckinError() {
    }
}
