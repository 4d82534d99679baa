package io.kindred.server.connectors;

import java.util.Optional;

/**
 * One shop's published push format: how it names the topic and the delivery, how it signs, and what an order
 * or refund in it means. Implementations follow the shop's documentation to the letter (see docs/connectors.md).
 */
interface ShopFormat {

    Shop shop();

    /** @return the push's topic ({@code orders/paid}, {@code order.updated}, {@code trade_TradePaid}, ...) */
    String topic(Push push);

    /** @return the shop's id of this delivery, the same when it sends it again */
    Optional<String> deliveryId(Push push);

    /**
     * @return true for a push that only checks the URL is alive (WooCommerce's ping when a webhook is saved,
     * Youzan's test message): answered 200 without a signature, and nothing is done
     */
    boolean isPing(Push push);

    /** @return true when the push is signed with the connector's secret */
    boolean signed(Push push, ConnectorSettings settings);

    /** @return what the (verified) body means; a body that is not the shop's format is a {@code KindredException} */
    ShopMessage read(String topic, byte[] body);
}
