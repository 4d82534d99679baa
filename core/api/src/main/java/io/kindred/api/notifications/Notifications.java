package io.kindred.api.notifications;

import org.jdbi.v3.core.Handle;

import java.util.Map;
import java.util.Optional;

/**
 * Tells a member something: stored for the bell and the {@code /notifications} list and, by the member's choice,
 * queued as an email. The type must be declared with
 * {@link io.kindred.api.PluginContext#notificationType(NotificationType)} by a started plugin or the core.
 * Send in the caller's transaction when the notification reports a change, so that a rolled-back change notifies
 * no one; pass a key so that a retried change notifies once.
 *
 * <pre>{@code
 * ctx.notifications().send(tx, userId, "shop.redemption_shipped", Map.of("item", name), "/shop/redemptions",
 *         "redemption-shipped:" + id);
 * }</pre>
 */
public interface Notifications {

    /**
     * Sends in a transaction of its own.
     *
     * @param userId the member
     * @param type   a declared type's code
     * @param params values for the {@code {name}} placeholders of the type's title and body
     * @param link   where the notification leads, a site path such as {@code /shop/redemptions}, or null
     * @return the notification's id; empty when the member turned every channel of this type off
     */
    default Optional<Long> send(long userId, String type, Map<String, ?> params, String link) {
        return send(userId, type, params, link, null);
    }

    /**
     * Sends in a transaction of its own; the same key for the same member is stored once.
     *
     * @param userId the member
     * @param type   a declared type's code
     * @param params placeholder values
     * @param link   a site path, or null
     * @param key    idempotency key (at most 200 characters), or null
     * @return the notification's id (the first one for a repeated key); empty when every channel is off
     */
    Optional<Long> send(long userId, String type, Map<String, ?> params, String link, String key);

    /**
     * Sends in the caller's write transaction: it is stored, and its email queued, only if that commits.
     *
     * @param tx     the caller's write transaction
     * @param userId the member
     * @param type   a declared type's code
     * @param params placeholder values
     * @param link   a site path, or null
     * @param key    idempotency key, or null
     * @return the notification's id (the first one for a repeated key); empty when every channel is off
     */
    Optional<Long> send(Handle tx, long userId, String type, Map<String, ?> params, String link, String key);
}
