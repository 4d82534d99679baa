package io.kindred.server.connectors;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;

import java.util.Arrays;

/**
 * The shops Kindred takes orders from. Each has its path ({@code /api/v1/connectors/<id>}), the system its
 * customer ids are filed under ({@code externalId.system}) and the prefix its order ids get as purchases'
 * {@code externalOrderId}, so that order 1001 of two shops never collide.
 */
public enum Shop {
    SHOPIFY("shopify", "shopify", "shopify:", "Shopify"),
    WOOCOMMERCE("woocommerce", "woocommerce", "woo:", "WooCommerce"),
    YOUZAN("youzan", "youzan", "youzan:", "Youzan");

    private final String id;
    private final String customerSystem;
    private final String orderPrefix;
    private final String label;

    Shop(String id, String customerSystem, String orderPrefix, String label) {
        this.id = id;
        this.customerSystem = customerSystem;
        this.orderPrefix = orderPrefix;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String customerSystem() {
        return customerSystem;
    }

    public String label() {
        return label;
    }

    /** @return the purchase's externalOrderId for the shop's order id */
    public String orderRef(String shopOrderId) {
        return orderPrefix + shopOrderId;
    }

    public static Shop of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new KindredException(CoreError.CONNECTOR_NOT_FOUND, "There is no connector " + id
                        + "; the connectors are shopify, woocommerce and youzan."));
    }
}
