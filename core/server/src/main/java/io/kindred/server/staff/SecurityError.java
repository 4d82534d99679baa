package io.kindred.server.staff;

import io.kindred.api.ErrorCode;

/** The error codes of staff security: the TOTP second factor and the session list. */
public enum SecurityError implements ErrorCode {
    /** A TOTP code (or recovery code) that is wrong, expired or already used. */
    INVALID_TOTP_CODE(401),
    /** A staff route with a session of an operator or administrator who has not set up TOTP while it is required. */
    TOTP_ENROLMENT_REQUIRED(403),
    /** Starting or confirming TOTP set-up while it is already on. */
    TOTP_ALREADY_ON(409),
    /** Turning TOTP off, or confirming its set-up, when it was not started. */
    TOTP_NOT_ON(409),
    /** Turning TOTP off while {@code security.staff-totp-required} holds for this staff member. */
    TOTP_REQUIRED(409),
    /** A session id the member does not have (ended already, or someone else's). */
    SESSION_NOT_FOUND(404);

    private final int status;

    SecurityError(int status) {
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
