package io.kindred.server.webhooks;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.events.Events;
import io.kindred.server.config.SiteSettings;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's webhook endpoints: registering one (its secret is returned once, here), changing, deleting,
 * sending a test event, and redelivering one delivery. The sending itself is {@link WebhookDeliverer}'s.
 */
public final class Webhooks {

    /** A new endpoint and its secret, which is shown this once. */
    public record Created(WebhookEndpoint endpoint, String secret) {
    }

    /** What a change sets; absent parts stay as they are. */
    public record Change(Optional<String> url, Optional<List<String>> events, Optional<String> description,
                         Optional<Boolean> enabled) {
    }

    static final int MAX_DESCRIPTION = 200;

    private final Database db;
    private final WebhookStore store;
    private final Events outbox;
    private final SiteSettings settings;
    private final Clock clock;
    private final Runnable wakeDeliverer;

    public Webhooks(Database db, WebhookStore store, Events outbox, SiteSettings settings, Clock clock, Runnable wakeDeliverer) {
        this.db = db;
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.wakeDeliverer = wakeDeliverer;
    }

    public Created create(String url, List<String> events, String description) {
        String checkedUrl = checkedUrl(url);
        List<String> patterns = EventPatterns.validate(events);
        String secret = Signature.newSecret();
        WebhookEndpoint e = store.insert(checkedUrl, patterns, checkedDescription(description), secret, clock.millis());
        return new Created(e, secret);
    }

    public List<WebhookEndpoint> list(long before, int limit) {
        return store.endpoints(before, limit);
    }

    public WebhookEndpoint get(long id) {
        return store.endpoint(id).orElseThrow(() -> notFound(id));
    }

    public WebhookEndpoint change(long id, Change c) {
        get(id);
        String url = c.url().map(this::checkedUrl).orElse(null);
        List<String> events = c.events().map(EventPatterns::validate).orElse(null);
        String description = c.description().map(Webhooks::checkedDescription).orElse(null);
        WebhookEndpoint e = store.update(id, url, events, description, c.enabled().orElse(null), clock.millis())
                .orElseThrow(() -> notFound(id));
        wakeDeliverer.run();
        return e;
    }

    public void delete(long id) {
        if (!store.delete(id, clock.millis())) {
            throw notFound(id);
        }
    }

    /** Writes a {@code webhook.test} event that only this endpoint gets; @return the event id */
    public long sendTest(long id) {
        WebhookEndpoint e = get(id);
        if (!e.enabled()) {
            throw disabled(e);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("endpointId", id);
        payload.put("message", "A test event sent from Kindred.");
        long eventId = db.write(h -> {
            long event = outbox.publish(h, EventPatterns.TEST_EVENT, null, payload);
            store.deliverOnly(h, id, event, clock.millis());
            return event;
        });
        wakeDeliverer.run();
        return eventId;
    }

    public List<WebhookDelivery> deliveries(long endpointId, long before, int limit) {
        get(endpointId);
        return store.deliveries(endpointId, before, limit);
    }

    /** Sends one delivery again, whatever became of it, with a fresh 3-day window. */
    public WebhookDelivery redeliver(long deliveryId) {
        WebhookDelivery d = store.delivery(deliveryId).orElseThrow(() -> deliveryNotFound(deliveryId));
        WebhookEndpoint e = get(d.endpointId());
        if (!e.enabled()) {
            throw disabled(e);
        }
        store.redeliver(deliveryId, clock.millis());
        wakeDeliverer.run();
        return store.delivery(deliveryId).orElseThrow(() -> deliveryNotFound(deliveryId));
    }

    /** @return the endpoint a delivery belongs to */
    public long deliveryEndpoint(long deliveryId) {
        return store.delivery(deliveryId).orElseThrow(() -> deliveryNotFound(deliveryId)).endpointId();
    }

    private String checkedUrl(String url) {
        URI uri = UrlGuard.parse(url);
        UrlGuard.check(uri, settings.boolValue(WebhookDeliverer.ALLOW_PRIVATE, false));
        return uri.toString();
    }

    private static String checkedDescription(String description) {
        String d = description == null ? "" : description.strip();
        if (d.length() > MAX_DESCRIPTION) {
            throw KindredException.invalidField("The description must be at most " + MAX_DESCRIPTION + " characters.");
        }
        return d;
    }

    static KindredException notFound(long id) {
        return new KindredException(CoreError.WEBHOOK_NOT_FOUND, "There is no webhook endpoint " + id + ".");
    }

    static KindredException deliveryNotFound(long id) {
        return new KindredException(CoreError.WEBHOOK_DELIVERY_NOT_FOUND, "There is no webhook delivery " + id + ".");
    }

    private static KindredException disabled(WebhookEndpoint e) {
        return new KindredException(CoreError.WEBHOOK_DISABLED, "The webhook endpoint " + e.id() + " is disabled"
                + (e.disabledReason() == null ? "" : " (" + e.disabledReason() + ")") + "; enable it first.");
    }
}
