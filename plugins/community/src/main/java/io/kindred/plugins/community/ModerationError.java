package io.kindred.plugins.community;

import io.kindred.api.ErrorCode;

/** The error codes of moderation and trust, each with its one status. */
final class ModerationError {

    /** A new member wrote as many posts today as their standing allows. */
    static final ErrorCode POST_LIMIT = ErrorCode.of(429, "post_limit");

    /** A new member wrote as many comments today as their standing allows. */
    static final ErrorCode COMMENT_LIMIT = ErrorCode.of(429, "comment_limit");

    /** Anyone writing faster than the rate limits (posts per 10 minutes, comments per minute). */
    static final ErrorCode RATE_LIMITED = ErrorCode.of(429, "rate_limited");

    /** A member reported as much today as the daily report limit allows. */
    static final ErrorCode REPORT_LIMIT = ErrorCode.of(429, "report_limit");

    /** A new member's post with more links than their standing allows. */
    static final ErrorCode LINK_LIMIT = ErrorCode.of(403, "link_limit");

    /** A new member's post with more pictures than their standing allows. */
    static final ErrorCode IMAGE_LIMIT = ErrorCode.of(403, "image_limit");

    /** A text holding a word or phrase of the operators' word filter. */
    static final ErrorCode BLOCKED_WORDS = ErrorCode.of(422, "blocked_words");

    /** A muted member writing (the message says until when). */
    static final ErrorCode MEMBER_MUTED = ErrorCode.of(403, "member_muted");

    /** A banned member writing, commenting, liking or reporting. */
    static final ErrorCode MEMBER_BANNED = ErrorCode.of(403, "member_banned");

    /** A member reporting their own post or comment. */
    static final ErrorCode OWN_CONTENT = ErrorCode.of(403, "own_content");

    /** Muting or banning an operator: operators are managed in the core's console, not sanctioned here. */
    static final ErrorCode OPERATOR_EXEMPT = ErrorCode.of(409, "operator_exempt");

    /** Lifting a sanction from a member who has none in force. */
    static final ErrorCode NO_SANCTION = ErrorCode.of(409, "no_sanction");

    private ModerationError() {
    }
}
