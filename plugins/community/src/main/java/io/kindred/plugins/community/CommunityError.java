package io.kindred.plugins.community;

import io.kindred.api.ErrorCode;

/** The community plugin's error codes, each with its one status. */
final class CommunityError {

    /** No such post, or one the caller may not see (hidden, deleted). */
    static final ErrorCode POST_NOT_FOUND = ErrorCode.of(404, "post_not_found");

    /** No such comment. */
    static final ErrorCode COMMENT_NOT_FOUND = ErrorCode.of(404, "comment_not_found");

    /** No such category. */
    static final ErrorCode CATEGORY_NOT_FOUND = ErrorCode.of(404, "category_not_found");

    /** The category's posting rule (a tier, certified creators, operators) excludes the member. */
    static final ErrorCode CATEGORY_RESTRICTED = ErrorCode.of(403, "category_restricted");

    /** Editing or deleting someone else's post or comment. */
    static final ErrorCode NOT_AUTHOR = ErrorCode.of(403, "not_author");

    /** More than nine images, or an image that is not one. */
    static final ErrorCode TOO_MANY_IMAGES = ErrorCode.of(400, "too_many_images");

    /** A reply to a reply: comments have one level of replies. */
    static final ErrorCode REPLY_DEPTH = ErrorCode.of(400, "reply_depth");

    /** A slug that another category has. */
    static final ErrorCode CATEGORY_EXISTS = ErrorCode.of(409, "category_exists");

    /** A category under a sub-category: the tree has two levels. */
    static final ErrorCode CATEGORY_DEPTH = ErrorCode.of(400, "category_depth");

    /** Deleting a category that still has posts or sub-categories. */
    static final ErrorCode CATEGORY_NOT_EMPTY = ErrorCode.of(409, "category_not_empty");

    /** An import file that cannot be read. */
    static final ErrorCode INVALID_IMPORT = ErrorCode.of(400, "invalid_import");

    private CommunityError() {
    }
}
