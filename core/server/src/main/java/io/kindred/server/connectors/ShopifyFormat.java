package io.kindred.server.connectors;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Shopify webhooks (shopify.dev, "Webhooks: HTTPS delivery"): JSON bodies, the topic in {@code X-Shopify-Topic},
 * the delivery in {@code X-Shopify-Webhook-Id}, the shop in {@code X-Shopify-Shop-Domain}, and
 * {@code X-Shopify-Hmac-Sha256} = base64(HMAC-SHA256(raw body, the app's client secret or the notification
 * webhooks' signing key)). {@code orders/paid} carries the order; {@code refunds/create} a refund of an order.
 */
final class ShopifyFormat implements ShopFormat {

    static final String ORDERS_PAID = "orders/paid";
    static final String REFUNDS_CREATE = "refunds/create";

    @Override
    public Shop shop() {
        return Shop.SHOPIFY;
    }

    @Override
    public String topic(Push push) {
        String t = push.header("X-Shopify-Topic");
        return t == null || t.isBlank() ? "unknown" : t.trim();
    }

    @Override
    public Optional<String> deliveryId(Push push) {
        return Optional.ofNullable(push.header("X-Shopify-Webhook-Id")).map(String::trim).filter(s -> !s.isEmpty());
    }

    @Override
    public boolean isPing(Push push) {
        return false;
    }

    @Override
    public boolean signed(Push push, ConnectorSettings settings) {
        return Signatures.same(Signatures.hmacSha256Base64(settings.secret(), push.body()), push.header("X-Shopify-Hmac-Sha256"));
    }

    @Override
    public ShopMessage read(String topic, byte[] body) {
        JsonNode json = Payloads.json(body);
        return switch (topic) {
            case ORDERS_PAID -> order(json);
            case REFUNDS_CREATE -> refund(json);
            default -> ShopMessage.ignored(null, "Topic " + topic + " is not one Kindred acts on (orders/paid, refunds/create).");
        };
    }

    private ShopMessage order(JsonNode o) {
        String id = Payloads.required(o, "id");
        String currency = Money.currency(Money.text(o, "currency"));
        long amount = Money.minorUnits(Money.text(o, "total_price"), currency);
        JsonNode c = o.path("customer");
        String email = first(Money.text(c, "email"), Money.text(o, "email"), Money.text(o, "contact_email"));
        String phone = first(Money.text(o, "phone"), Money.text(c, "phone"), Money.text(o.path("billing_address"), "phone"));
        String name = (Money.text(c, "first_name") + " " + Money.text(c, "last_name")).trim();
        return ShopMessage.purchase(Shop.SHOPIFY.orderRef(id), amount, currency,
                Money.singleSku(o.path("line_items"), "sku"),
                Money.buyer(Shop.SHOPIFY.customerSystem(), Money.text(c, "id"), email, phone, name));
    }

    /** The refund's amount is the sum of its successful refund transactions; a refund without money (a restock) is 0. */
    private ShopMessage refund(JsonNode r) {
        String orderId = Payloads.required(r, "order_id");
        BigDecimal total = BigDecimal.ZERO;
        String currency = null;
        for (JsonNode t : r.path("transactions")) {
            if (Money.text(t, "kind").equals("refund") && Money.text(t, "status").equals("success")) {
                total = total.add(Payloads.decimal(Money.text(t, "amount")));
                currency = currency == null ? Money.text(t, "currency") : currency;
            }
        }
        OptionalLong minor = currency == null || currency.isEmpty()
                ? OptionalLong.of(0) : OptionalLong.of(Money.minorUnits(total.toPlainString(), currency));
        return ShopMessage.refund(Shop.SHOPIFY.orderRef(orderId), minor);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
