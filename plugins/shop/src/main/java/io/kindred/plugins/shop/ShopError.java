package io.kindred.plugins.shop;

import io.kindred.api.ErrorCode;

/** The points shop's error codes, each with its one status. */
enum ShopError implements ErrorCode {
    /** A physical item redeemed without a shipping address. */
    ADDRESS_REQUIRED(400),
    /** The item is inactive, not yet on sale or no longer on sale. */
    NOT_AVAILABLE(409),
    /** The item is for members of a higher tier. */
    TIER_REQUIRED(409),
    /** The item is exclusive to members holding the benefit {@code shop.exclusive}. */
    BENEFIT_REQUIRED(409),
    /** The member has redeemed as many as the item allows. */
    LIMIT_REACHED(409),
    /** No stock or no coupon code left. */
    OUT_OF_STOCK(409),
    /** A coupon pool asked of an item that is not a coupon. */
    NOT_A_COUPON(409),
    /** A redemption moved in a way its status does not allow (e.g. shipping a cancelled one). */
    INVALID_STATUS(409);

    private final int status;

    ShopError(int status) {
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
