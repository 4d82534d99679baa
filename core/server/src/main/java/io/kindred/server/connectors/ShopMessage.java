package io.kindred.server.connectors;

import io.kindred.server.purchases.Buyer;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a verified push means for Kindred: a purchase to record, a refund to apply, or nothing.
 *
 * @param kind         what to do
 * @param orderRef     the purchase's externalOrderId ({@code shopify:<id>}, {@code woo:<id>}, {@code youzan:<tid>}); null when ignored without an order
 * @param amount       minor units (purchases)
 * @param currency     ISO code (purchases)
 * @param sku          the single line item's sku, or null
 * @param buyer        who bought, as the shop names them; empty when the order names nobody
 * @param refundAmount minor units refunded, when the shop says (refunds); empty means the whole order
 * @param note         why a push is ignored
 */
record ShopMessage(Kind kind, String orderRef, long amount, String currency, String sku, Optional<Buyer> buyer,
                   OptionalLong refundAmount, String note) {

    enum Kind { PURCHASE, REFUND, IGNORED }

    static ShopMessage purchase(String orderRef, long amount, String currency, String sku, Optional<Buyer> buyer) {
        return new ShopMessage(Kind.PURCHASE, orderRef, amount, currency, sku, buyer, OptionalLong.empty(), null);
    }

    static ShopMessage refund(String orderRef, OptionalLong refundAmount) {
        return new ShopMessage(Kind.REFUND, orderRef, 0, null, null, Optional.empty(), refundAmount, null);
    }

    static ShopMessage ignored(String orderRef, String note) {
        return new ShopMessage(Kind.IGNORED, orderRef, 0, null, null, Optional.empty(), OptionalLong.empty(), note);
    }
}
