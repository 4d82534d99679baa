package io.kindred.server.connectors;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.server.audit.AuditLog;
import io.kindred.server.purchases.Buyer;
import io.kindred.server.purchases.Buyers;
import io.kindred.server.purchases.Purchases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shop connectors: a push from Shopify, WooCommerce or Youzan is checked against the connector's secret, logged,
 * and becomes a purchase or a refund of the member it names. Idempotent twice over: on the shop's delivery id (the
 * same delivery again changes nothing) and on the order id (Purchases). A push that names nobody Kindred knows is
 * logged as {@code no_member} and can be replayed from the console once the member exists.
 */
public final class Connectors {

    /** What became of one push. */
    public record Outcome(long deliveryId, String outcome, String orderRef, String message) {
    }

    /** The setting that says how many days the delivery log (and its raw bodies) is kept. */
    public static final String LOG_DAYS = "connectors.log-days";
    private static final Logger log = LoggerFactory.getLogger(Connectors.class);
    /** A delivery left in "processing" (a crash mid-way) longer than this is taken up again by a re-delivery. */
    private static final Duration STALE = Duration.ofMinutes(5);

    private final Database db;
    private final ConnectorStore store;
    private final Purchases purchases;
    private final Buyers buyers;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<Shop, ShopFormat> formats = new EnumMap<>(Shop.class);

    public Connectors(Database db, Purchases purchases, Buyers buyers, AuditLog audit, Clock clock) {
        this.db = db;
        this.store = new ConnectorStore(db);
        this.purchases = purchases;
        this.buyers = buyers;
        this.audit = audit;
        this.clock = clock;
        for (ShopFormat f : List.of(new ShopifyFormat(), new WooCommerceFormat(), new YouzanFormat())) {
            formats.put(f.shop(), f);
        }
    }

    public ConnectorSettings settings(Shop shop) {
        return store.settings(shop);
    }

    /** Saves a connector's settings (audited); a blank secret keeps the stored one. */
    public ConnectorSettings configure(Shop shop, boolean enabled, String secret, String clientId, String actor) {
        String s = secret == null || secret.isBlank() ? null : secret.strip();
        String c = clientId == null ? "" : clientId.strip();
        if (s != null && (s.length() < 8 || s.length() > 200)) {
            throw KindredException.invalidField("The secret must be 8 to 200 characters (paste the one the shop shows).");
        }
        if (c.length() > 100) {
            throw KindredException.invalidField("The client_id must be at most 100 characters.");
        }
        boolean hasSecret = s != null || !store.settings(shop).secret().isEmpty();
        if (enabled && (!hasSecret || (shop == Shop.YOUZAN && c.isEmpty()))) {
            throw KindredException.invalidField(shop == Shop.YOUZAN
                    ? "Set Youzan's client_id and client_secret before enabling the connector."
                    : "Set the secret before enabling the connector.");
        }
        db.write(h -> {
            store.save(h, shop, enabled, s, c, clock.millis());
            audit.record(h, actor, "connector.configured", "connector:" + shop.id(),
                    (enabled ? "Enabled" : "Disabled") + " the " + shop.label() + " connector"
                            + (s == null ? "." : " and set a new secret."));
            return null;
        });
        return store.settings(shop);
    }

    /** What the log keeps of a push nobody signed: enough to see what it was, never more (anyone may send one). */
    static final int UNVERIFIED_EXCERPT_BYTES = 2048;

    private static byte[] unverifiedExcerpt(byte[] body) {
        return body.length <= UNVERIFIED_EXCERPT_BYTES ? body : java.util.Arrays.copyOf(body, UNVERIFIED_EXCERPT_BYTES);
    }

    /**
     * Takes one push: unsigned or wrongly signed ones are logged as {@code rejected} and refused (401,
     * {@code invalid_signature}); verified ones are applied once per delivery id.
     */
    public Outcome receive(Shop shop, Push push) {
        ConnectorSettings settings = store.settings(shop);
        if (!settings.enabled() || !settings.configured()) {
            throw new KindredException(CoreError.CONNECTOR_DISABLED, "The " + shop.label() + " connector is not enabled.");
        }
        ShopFormat format = formats.get(shop);
        String topic = format.topic(push);
        String webhookId = format.deliveryId(push).orElse(null);
        if (format.isPing(push)) {
            long id = store.add(new ConnectorStore.Entry(shop, topic, webhookId, null, "ignored",
                    "A check that the URL answers (ping or test message); nothing to do.", false, push.contentType(),
                    unverifiedExcerpt(push.body())),
                    clock.millis());
            return new Outcome(id, "ignored", null, null);
        }
        if (!format.signed(push, settings)) {
            store.add(new ConnectorStore.Entry(shop, topic, webhookId, null, "rejected",
                    "The signature does not match the connector's secret.", false, push.contentType(),
                    unverifiedExcerpt(push.body())), clock.millis());
            throw new KindredException(CoreError.INVALID_SIGNATURE,
                    "The request is not signed with the " + shop.label() + " connector's secret.");
        }
        long now = clock.millis();
        ConnectorStore.Claim claim = store.claim(new ConnectorStore.Entry(shop, topic, webhookId, null, "processing", null,
                true, push.contentType(), push.body()), webhookId, now, now - STALE.toMillis());
        if (claim.earlier().isPresent()) {
            ConnectorDelivery first = claim.earlier().get();
            String message = "Delivery " + webhookId + " was received before (#" + first.id() + ", " + first.outcome() + ").";
            long id = store.add(new ConnectorStore.Entry(shop, topic, webhookId, first.orderRef(), "duplicate", message, true,
                    push.contentType(), push.body()), clock.millis());
            return new Outcome(id, "duplicate", first.orderRef(), message);
        }
        return apply(claim.id(), shop, topic, push.body());
    }

    /** Applies a stored delivery again (after its member was created, say); audited. */
    public Outcome replay(long deliveryId, String actor) {
        ConnectorDelivery d = delivery(deliveryId);
        if (!d.replayable() || !store.restart(deliveryId, clock.millis())) {
            throw new KindredException(CoreError.DELIVERY_NOT_REPLAYABLE, d.verified()
                    ? "Delivery " + deliveryId + " was " + d.outcome() + "; only deliveries that matched no member or failed are replayed."
                    : "Delivery " + deliveryId + " was not signed with the connector's secret; it cannot be replayed.");
        }
        Outcome o = apply(deliveryId, d.shop(), d.topic(), d.body().getBytes(StandardCharsets.UTF_8));
        audit.record(actor, "connector.replayed", "connector-delivery:" + deliveryId,
                "Replayed the " + d.shop().label() + " delivery " + deliveryId + " (" + d.topic() + "): " + o.outcome() + ".");
        return o;
    }

    public ConnectorDelivery delivery(long id) {
        return store.delivery(id).orElseThrow(() -> new KindredException(CoreError.CONNECTOR_DELIVERY_NOT_FOUND,
                "There is no connector delivery " + id + "."));
    }

    public List<ConnectorDelivery> deliveries(Shop shop, long before, int limit) {
        return store.deliveries(shop, before, limit);
    }

    /** Deletes log rows older than {@code days}; @return how many */
    public int prune(int days) {
        return store.prune(clock.millis() - Duration.ofDays(Math.max(1, days)).toMillis());
    }

    private Outcome apply(long id, Shop shop, String topic, byte[] body) {
        Outcome o;
        try {
            o = process(id, formats.get(shop).read(topic, body));
        } catch (KindredException e) {
            o = new Outcome(id, "error", null, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Connector {} failed on delivery {}", shop.id(), id, e);
            store.finish(id, "error", null, "Unexpected failure: " + e.getClass().getSimpleName(), clock.millis());
            throw e;
        }
        store.finish(id, o.outcome(), o.orderRef(), o.message(), clock.millis());
        return o;
    }

    private Outcome process(long id, ShopMessage m) {
        return switch (m.kind()) {
            case IGNORED -> new Outcome(id, "ignored", m.orderRef(), m.note());
            case PURCHASE -> purchase(id, m);
            case REFUND -> refund(id, m);
        };
    }

    private Outcome purchase(long id, ShopMessage m) {
        if (m.buyer().isEmpty()) {
            return new Outcome(id, "no_member", m.orderRef(), "No member matched: the order names no customer id, email or phone.");
        }
        Buyer buyer = m.buyer().get();
        Optional<Long> member;
        try {
            member = Optional.of(db.write(h -> buyers.resolve(h, buyer)));
        } catch (KindredException e) {
            if (!e.code().equals(CoreError.USER_NOT_FOUND.code())) {
                throw e;
            }
            member = Optional.empty();
        }
        if (member.isEmpty()) {
            return new Outcome(id, "no_member", m.orderRef(), "No member matched the customer " + buyer.describe() + ".");
        }
        Purchases.Recorded r = purchases.record(member.get(), m.orderRef(), m.amount(), m.currency(), m.sku());
        return new Outcome(id, r.created() ? "recorded" : "duplicate", m.orderRef(), r.created()
                ? "Purchase " + r.purchase().id() + " of member " + member.get() + ": " + m.amount() + " " + m.currency() + "."
                : "The order was already recorded as purchase " + r.purchase().id() + ".");
    }

    /** Kindred refunds whole purchases: a refund of less than the purchase is logged and left alone. */
    private Outcome refund(long id, ShopMessage m) {
        Optional<Purchases.Purchase> p = db.read(h -> purchases.find(h, m.orderRef()));
        if (p.isEmpty()) {
            return new Outcome(id, "error", m.orderRef(), "No purchase was recorded for " + m.orderRef()
                    + "; replay this refund once the order is recorded.");
        }
        Purchases.Purchase purchase = p.get();
        if (purchase.status().equals("refunded")) {
            return new Outcome(id, "duplicate", m.orderRef(), "The purchase was already refunded.");
        }
        if (m.refundAmount().isPresent() && m.refundAmount().getAsLong() < purchase.amount()) {
            return new Outcome(id, "ignored", m.orderRef(), "A partial refund (" + m.refundAmount().getAsLong() + " of "
                    + purchase.amount() + " " + purchase.currency() + "): Kindred refunds whole purchases only.");
        }
        purchases.refund(m.orderRef());
        return new Outcome(id, "refunded", m.orderRef(), "Purchase " + purchase.id() + " refunded.");
    }
}
