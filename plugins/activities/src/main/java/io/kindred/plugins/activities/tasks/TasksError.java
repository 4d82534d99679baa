package io.kindred.plugins.activities.tasks;

import io.kindred.api.ErrorCode;

/** The error codes of the task centre, each with its one status. */
final class TasksError {

    /** No such task, or one members cannot see (paused, out of its dates, its kind's plugin switched off). */
    static final ErrorCode TASK_NOT_FOUND = ErrorCode.of(404, "task_not_found");
    /** No such proof. */
    static final ErrorCode PROOF_NOT_FOUND = ErrorCode.of(404, "proof_not_found");
    /** The kind is neither built in nor declared by a started plugin. */
    static final ErrorCode UNKNOWN_KIND = ErrorCode.of(400, "unknown_task_kind");
    /** The act does not fit the task's kind (a proof for a share task, a share link for a profile task). */
    static final ErrorCode WRONG_KIND = ErrorCode.of(409, "wrong_task_kind");
    /** The member completed the task already (this period). */
    static final ErrorCode ALREADY_COMPLETED = ErrorCode.of(409, "task_already_completed");
    /** A proof of the member waits for review already. */
    static final ErrorCode PROOF_PENDING = ErrorCode.of(409, "proof_pending");
    /** The proof was decided already. */
    static final ErrorCode PROOF_DECIDED = ErrorCode.of(409, "proof_decided");
    /** The profile lacks what the task asks (a birthday, a phone number). */
    static final ErrorCode NOT_DONE_YET = ErrorCode.of(409, "task_not_done_yet");

    private TasksError() {
    }
}
