package io.kindred.plugins.shop;

import io.kindred.api.ErrorCode;

/** The points shop's error codes, each with its one status. */
final class ShopError {

    /** A physical item redeemed without a shipping address. */
    static final ErrorCode ADDRESS_REQUIRED = ErrorCode.of(400, "address_required");

    /** The item is inactive, not yet on sale or no longer on sale. */
    static final ErrorCode NOT_AVAILABLE = ErrorCode.of(409, "not_available");

    /** The item is for members of a higher tier. */
    static final ErrorCode TIER_REQUIRED = ErrorCode.of(409, "tier_required");

    /** The item is exclusive to members holding the benefit {@code shop.exclusive}. */
    static final ErrorCode BENEFIT_REQUIRED = ErrorCode.of(409, "benefit_required");

    /** The member has redeemed as many as the item allows. */
    static final ErrorCode LIMIT_REACHED = ErrorCode.of(409, "limit_reached");

    /** No stock or no coupon code left. */
    static final ErrorCode OUT_OF_STOCK = ErrorCode.of(409, "out_of_stock");

    /** A coupon pool asked of an item that is not a coupon. */
    static final ErrorCode NOT_A_COUPON = ErrorCode.of(409, "not_a_coupon");

    /** A redemption moved in a way its status does not allow (e.g. shipping a cancelled one). */
    static final ErrorCode INVALID_STATUS = ErrorCode.of(409, "invalid_status");

    private ShopError() {
    }
}
