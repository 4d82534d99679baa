package io.kindred.server.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.api.KindredException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Youzan (有赞云) push messages (消息推送). The body is JSON: {@code client_id}, {@code id} (the business id, e.g.
 * the order number), {@code kdt_id} (the shop), {@code type} and {@code status}, {@code msg} (the message, URL-encoded
 * UTF-8 JSON), {@code sign}, {@code test}, {@code mode}, {@code version}, {@code msg_id} (newer messages).
 * Two signatures exist and both are checked the way Youzan computes them, with the app's client_id and client_secret:
 * the header {@code Event-Sign} = md5(client_id + raw body + client_secret), which Youzan recommends, and otherwise the
 * body's {@code sign} = md5(client_id + msg + client_secret) over {@code msg} exactly as sent (still URL-encoded).
 * Youzan expects the answer {@code {"code":0,"msg":"success"}}; anything else is retried.
 */
final class YouzanFormat implements ShopFormat {

    static final Set<String> PAID_TYPES = Set.of("trade_tradepaid", "trade_tradesuccess");
    static final Set<String> PAID_STATES = Set.of("TRADE_PAID", "TRADE_SUCCESS");
    static final Set<String> REFUND_TYPES = Set.of("trade_refund_refundsuccess");

    @Override
    public Shop shop() {
        return Shop.YOUZAN;
    }

    @Override
    public String topic(Push push) {
        String header = push.header("Event-Type");
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        JsonNode b = body(push.body());
        String type = Money.text(b, "type");
        String status = Money.text(b, "status");
        return (type.isEmpty() ? "unknown" : type) + (status.isEmpty() ? "" : "/" + status);
    }

    @Override
    public Optional<String> deliveryId(Push push) {
        JsonNode b = body(push.body());
        String msgId = Money.text(b, "msg_id");
        if (!msgId.isEmpty()) {
            return Optional.of(msgId);
        }
        String id = Money.text(b, "id");
        // "version" alone does not make a message unique (Youzan's docs): with the type, id and status it does
        return id.isEmpty() ? Optional.empty() : Optional.of(String.join(":", Money.text(b, "type"), id,
                Money.text(b, "status"), Money.text(b, "version")));
    }

    @Override
    public boolean isPing(Push push) {
        JsonNode t = body(push.body()).path("test");
        return t.asBoolean(false) || t.asText("").equals("1") || t.asText("").equalsIgnoreCase("true");
    }

    @Override
    public boolean signed(Push push, ConnectorSettings settings) {
        byte[] clientId = Signatures.utf8(settings.clientId());
        byte[] secret = Signatures.utf8(settings.secret());
        String eventSign = push.header("Event-Sign");
        if (eventSign != null) {
            return Signatures.same(Signatures.md5Hex(clientId, push.body(), secret), eventSign.toLowerCase(Locale.ROOT));
        }
        JsonNode b = body(push.body());
        JsonNode msg = b.path("msg");
        if (!msg.isTextual()) {
            return false;
        }
        return Signatures.same(Signatures.md5Hex(clientId, Signatures.utf8(msg.asText()), secret),
                Money.text(b, "sign").toLowerCase(Locale.ROOT));
    }

    @Override
    public ShopMessage read(String topic, byte[] raw) {
        JsonNode b = Payloads.json(raw);
        String type = Money.text(b, "type");
        String status = Money.text(b, "status");
        JsonNode msg = message(Money.text(b, "msg"));
        if (PAID_TYPES.contains(type.toLowerCase(Locale.ROOT))
                || (type.equals("TRADE_ORDER_STATE") && PAID_STATES.contains(status))) {
            return purchase(b, msg);
        }
        if (REFUND_TYPES.contains(type.toLowerCase(Locale.ROOT))
                || (type.equals("TRADE_ORDER_REFUND") && status.contains("SUCCESS"))) {
            String tid = first(Money.text(msg, "tid"), Money.text(b, "id"));
            if (tid.isEmpty()) {
                throw KindredException.missingField("tid");
            }
            String fee = Money.text(msg, "refunded_fee");
            return ShopMessage.refund(Shop.YOUZAN.orderRef(tid),
                    fee.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Money.minorUnits(fee, "CNY")));
        }
        return ShopMessage.ignored(null, "Message " + type + (status.isEmpty() ? "" : "/" + status)
                + " is not one Kindred acts on (trade_TradePaid, trade_TradeSuccess, trade_refund_RefundSuccess).");
    }

    /** An order as the trade messages carry it: {@code full_order_info} with order, buyer, payment, address and lines. */
    private ShopMessage purchase(JsonNode b, JsonNode msg) {
        JsonNode full = msg.path("full_order_info");
        JsonNode info = full.path("order_info");
        String tid = first(Money.text(info, "tid"), Money.text(msg, "tid"), Money.text(b, "id"));
        if (tid.isEmpty()) {
            throw KindredException.missingField("tid");
        }
        String payment = Money.text(full.path("pay_info"), "payment");
        if (payment.isEmpty()) {
            throw KindredException.invalidField("The message carries no full_order_info.pay_info.payment: subscribe to the "
                    + "trade messages with the full order (交易支付 trade_TradePaid).");
        }
        long amount = Money.minorUnits(payment, "CNY");
        JsonNode buyer = full.path("buyer_info");
        JsonNode address = full.path("address_info");
        String customer = first(Money.text(buyer, "yz_open_id"), Money.text(buyer, "buyer_id"));
        String phone = first(Money.text(buyer, "buyer_phone"), Money.text(address, "receiver_tel"));
        String name = first(Money.text(buyer, "fans_nickname"), Money.text(address, "receiver_name"));
        JsonNode lines = full.path("orders");
        String sku = Money.singleSku(lines, "outer_sku_id");
        if (sku == null) {
            sku = Money.singleSku(lines, "outer_item_id");
        }
        return ShopMessage.purchase(Shop.YOUZAN.orderRef(tid), amount, "CNY", sku,
                Money.buyer(Shop.YOUZAN.customerSystem(), customer, null, phone, name));
    }

    /** {@code msg} is URL-encoded UTF-8 JSON; a plain JSON one is read as it is. */
    private static JsonNode message(String msg) {
        if (msg.isEmpty()) {
            return Payloads.json("{}".getBytes(StandardCharsets.UTF_8));
        }
        String json;
        try {
            json = msg.startsWith("{") ? msg : URLDecoder.decode(msg, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw KindredException.invalidField("The msg is not URL-encoded JSON.");
        }
        return Payloads.json(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode body(byte[] raw) {
        try {
            return Payloads.json(raw);
        } catch (KindredException e) {
            return Payloads.json("{}".getBytes(StandardCharsets.UTF_8));
        }
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
