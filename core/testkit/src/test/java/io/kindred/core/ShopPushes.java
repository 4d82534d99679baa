package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends shop pushes to a test platform the way each shop does: the recorded sample bodies under
 * {@code src/test/resources/connectors/}, signed with the shop's own scheme, and reads back what became of them.
 */
final class ShopPushes {

    private final TestPlatform platform;

    ShopPushes(TestPlatform platform) {
        this.platform = platform;
    }

    static String sample(String name) {
        try (InputStream in = ShopPushes.class.getResourceAsStream("/connectors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Enables a connector through the console form, as an operator would. */
    Http.Response configure(String shop, String secret, String clientId) {
        return platform.admin().submitForm("/console/connectors", "/console/connectors/" + shop,
                "enabled", "on", "secret", secret, "clientId", clientId == null ? "" : clientId);
    }

    /** base64(HMAC-SHA256(body, secret)): Shopify's X-Shopify-Hmac-Sha256 and WooCommerce's X-WC-Webhook-Signature. */
    static String hmacBase64(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A POST of raw bytes with the shop's headers and no Kindred session or key. */
    Http.Response push(String shop, String contentType, byte[] body, Map<String, String> headers) {
        Http h = platform.http().header("X-Requested-With", null);
        headers.forEach(h::header);
        return h.raw("POST", "/api/v1/connectors/" + shop, contentType, body);
    }

    Http.Response shopify(String topic, String webhookId, String body, String secret) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return push("shopify", "application/json", bytes, Map.of("X-Shopify-Topic", topic, "X-Shopify-Webhook-Id", webhookId,
                "X-Shopify-Shop-Domain", "kindred-test.myshopify.com", "X-Shopify-Hmac-Sha256", hmacBase64(secret, bytes),
                "X-Shopify-API-Version", "2025-01"));
    }

    Http.Response woocommerce(String topic, String deliveryId, String body, String secret) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return push("woocommerce", "application/json", bytes, Map.of("X-WC-Webhook-Topic", topic,
                "X-WC-Webhook-Resource", "order", "X-WC-Webhook-Event", topic.substring(topic.indexOf('.') + 1),
                "X-WC-Webhook-Delivery-ID", deliveryId, "X-WC-Webhook-ID", "12", "X-WC-Webhook-Source", "https://shop.example/",
                "X-WC-Webhook-Signature", hmacBase64(secret, bytes)));
    }

    /**
     * A Youzan push body: {@code msg} URL-encoded (UTF-8) and {@code sign} = md5(client_id + msg + client_secret), in
     * the field order Youzan sends.
     */
    static String youzanBody(String clientId, String secret, String type, String status, String id, String msgJson,
                             String msgId) throws Exception {
        String msg = URLEncoder.encode(msgJson, StandardCharsets.UTF_8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        body.put("id", id);
        body.put("kdt_id", 44069386);
        body.put("kdt_name", "Kindred 测试店");
        body.put("mode", 1);
        body.put("msg", msg);
        body.put("sendCount", 0);
        body.put("sign", md5(clientId + msg + secret));
        body.put("status", status);
        body.put("test", false);
        body.put("type", type);
        body.put("version", 1552895671);
        body.put("msg_id", msgId);
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    }

    Http.Response youzan(String body, Map<String, String> headers) {
        return push("youzan", "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Events of a type about one order, read through the operators' event list. */
    List<JsonNode> events(String type, String order) {
        List<JsonNode> found = new ArrayList<>();
        platform.admin().get("/api/v1/admin/events?limit=200&type=" + type).json().path("items").forEach(e -> {
            if (e.at("/payload/externalOrderId").asText().equals(order)) {
                found.add(e);
            }
        });
        return found;
    }

    Optional<String> purchaseStatus(String order) {
        return platform.kindred().database.read(h -> platform.kindred().purchases.find(h, order)).map(p -> p.status());
    }

    long purchaseAmount(String order) {
        return platform.kindred().database.read(h -> platform.kindred().purchases.find(h, order)).orElseThrow().amount();
    }

    /** The outcomes the connector's log holds for deliveries about the order (or with the webhook id), oldest first. */
    List<String> outcomes(String shop, String orderOrWebhookId) {
        return platform.kindred().database.read(h -> h.createQuery("""
                        SELECT outcome FROM connector_deliveries
                         WHERE shop = :shop AND (order_ref = :key OR webhook_id = :key) ORDER BY id""")
                .bind("shop", shop).bind("key", orderOrWebhookId).mapTo(String.class).list());
    }

    long member(String email) {
        return platform.kindred().accounts.register(email, "member-password-1", "Buyer", null).id();
    }
}
