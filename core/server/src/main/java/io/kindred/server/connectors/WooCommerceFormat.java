package io.kindred.server.connectors;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * WooCommerce webhooks (WooCommerce REST API docs, "Webhooks"): the order as the REST API shows it in a JSON body,
 * the topic in {@code X-WC-Webhook-Topic} ({@code order.created}, {@code order.updated}), the delivery in
 * {@code X-WC-Webhook-Delivery-ID}, and {@code X-WC-Webhook-Signature} = base64(HMAC-SHA256(raw body, the
 * webhook's secret)). When a webhook is saved WooCommerce pings the URL with the form body {@code webhook_id=<id>},
 * unsigned; it must be answered 200 or the webhook is not saved as active.
 */
final class WooCommerceFormat implements ShopFormat {

    /** Paid orders: "processing" (paid, to ship) and "completed" (shipped). */
    static final Set<String> PAID = Set.of("processing", "completed");

    @Override
    public Shop shop() {
        return Shop.WOOCOMMERCE;
    }

    @Override
    public String topic(Push push) {
        String t = push.header("X-WC-Webhook-Topic");
        return t == null || t.isBlank() ? (isPing(push) ? "ping" : "unknown") : t.trim();
    }

    @Override
    public Optional<String> deliveryId(Push push) {
        return Optional.ofNullable(push.header("X-WC-Webhook-Delivery-ID")).map(String::trim).filter(s -> !s.isEmpty());
    }

    @Override
    public boolean isPing(Push push) {
        return push.header("X-WC-Webhook-Signature") == null
                && new String(push.body(), StandardCharsets.UTF_8).trim().matches("webhook_id=\\d{1,20}");
    }

    @Override
    public boolean signed(Push push, ConnectorSettings settings) {
        return Signatures.same(Signatures.hmacSha256Base64(settings.secret(), push.body()), push.header("X-WC-Webhook-Signature"));
    }

    @Override
    public ShopMessage read(String topic, byte[] body) {
        if (!topic.equals("order.created") && !topic.equals("order.updated")) {
            return ShopMessage.ignored(null, "Topic " + topic + " is not one Kindred acts on (order.created, order.updated).");
        }
        JsonNode o = Payloads.json(body);
        String id = Payloads.required(o, "id");
        String ref = Shop.WOOCOMMERCE.orderRef(id);
        String status = Money.text(o, "status");
        if (status.equals("refunded")) {
            return ShopMessage.refund(ref, OptionalLong.empty());
        }
        if (!PAID.contains(status)) {
            return ShopMessage.ignored(ref, "Order status " + status + " is not paid (processing or completed).");
        }
        String currency = Money.currency(Money.text(o, "currency"));
        long amount = Money.minorUnits(Money.text(o, "total"), currency);
        JsonNode billing = o.path("billing");
        String name = (Money.text(billing, "first_name") + " " + Money.text(billing, "last_name")).trim();
        return ShopMessage.purchase(ref, amount, currency, Money.singleSku(o.path("line_items"), "sku"),
                Money.buyer(Shop.WOOCOMMERCE.customerSystem(), Money.text(o, "customer_id"), Money.text(billing, "email"),
                        Money.text(billing, "phone"), name));
    }
}
