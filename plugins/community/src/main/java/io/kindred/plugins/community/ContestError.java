package io.kindred.plugins.community;

import io.kindred.api.ErrorCode;

/** The error codes of content-creation contests, each with its one status. */
final class ContestError {

    /** No such contest. */
    static final ErrorCode CONTEST_NOT_FOUND = ErrorCode.of(404, "contest_not_found");

    /** The post is not an entry of the contest (wrong category or tag, outside the dates, hidden or deleted). */
    static final ErrorCode NOT_AN_ENTRY = ErrorCode.of(404, "not_an_entry");

    /** Voting is off for the contest, not open yet, over, or the winners are decided. */
    static final ErrorCode VOTING_CLOSED = ErrorCode.of(409, "voting_closed");

    /** The member has used all their votes of the contest. */
    static final ErrorCode VOTE_LIMIT = ErrorCode.of(409, "vote_limit");

    /** A member voting for their own entry. */
    static final ErrorCode OWN_ENTRY = ErrorCode.of(403, "own_entry");

    /** Picking winners before the contest ended. */
    static final ErrorCode CONTEST_NOT_ENDED = ErrorCode.of(409, "contest_not_ended");

    /** Changing a contest, or picking other winners, after its winners were decided and paid. */
    static final ErrorCode CONTEST_DECIDED = ErrorCode.of(409, "contest_decided");

    /** A badge prize that the points shop cannot grant (the shop is off, or the badge item is gone). */
    static final ErrorCode BADGE_UNAVAILABLE = ErrorCode.of(409, "badge_unavailable");

    private ContestError() {
    }
}
