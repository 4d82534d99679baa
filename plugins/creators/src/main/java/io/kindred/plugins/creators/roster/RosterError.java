package io.kindred.plugins.creators.roster;

import io.kindred.api.ErrorCode;

/** The roster part's error codes, each with its one status. */
final class RosterError {

    /** No creator for that member. */
    static final ErrorCode CREATOR_NOT_FOUND = ErrorCode.of(404, "creator_not_found");
    /** No certificate with that code. */
    static final ErrorCode CERTIFICATE_NOT_FOUND = ErrorCode.of(404, "certificate_not_found");
    /** A level that is not koc, kol or top_kol. */
    static final ErrorCode BAD_LEVEL = ErrorCode.of(400, "bad_level");
    /** A change a creator's status does not allow (e.g. suspending a removed creator). */
    static final ErrorCode WRONG_STATUS = ErrorCode.of(409, "wrong_status");
    /** An onboarding task that the settings do not list, or one the member may not tick. */
    static final ErrorCode TASK_NOT_FOUND = ErrorCode.of(404, "task_not_found");
    /** A featured period that ends before it starts, or a month not as YYYY-MM. */
    static final ErrorCode BAD_PERIOD = ErrorCode.of(400, "bad_period");

    private RosterError() {
    }
}
