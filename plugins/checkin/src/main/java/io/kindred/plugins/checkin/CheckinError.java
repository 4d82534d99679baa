package io.kindred.plugins.checkin;

import io.kindred.api.ErrorCode;

/** The check-in plugin's error codes, each with its one status. */
enum CheckinError implements ErrorCode {
    /** A second check-in on the same day. */
    ALREADY_CHECKED_IN(409),
    /** A make-up of a day that cannot be made up (not a missed day of this month before today). */
    NOT_ALLOWED(409),
    /** Every make-up of the month is used. */
    MAKEUP_LIMIT(409),
    /** Joining a challenge that has ended. */
    CHALLENGE_ENDED(409);

    private final int status;

    CheckinError(int status) {
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
