package io.kindred.api.notifications;

import java.util.EnumSet;
import java.util.Set;

/**
 * A kind of notification a plugin (or the core) sends, declared with
 * {@link io.kindred.api.PluginContext#notificationType(NotificationType)}. Its title and body are message keys of
 * the declaring plugin's bundles (English and Simplified Chinese at least), with {@code {name}} placeholders
 * filled from the parameters given to {@link Notifications#send}; they are rendered in each member's language.
 *
 * <pre>{@code
 * ctx.notificationType(NotificationType.of("shop.redemption_shipped").channels(Channel.IN_SITE, Channel.EMAIL));
 * // bundle: notification.shop.redemption_shipped.title=Your {item} is on its way
 * }</pre>
 *
 * @param code            unique dotted code, prefixed with the plugin id, e.g. {@code shop.redemption_shipped}
 * @param titleKey        message key of the one-line title (default {@code notification.<code>.title})
 * @param bodyKey         message key of the body (default {@code notification.<code>.body})
 * @param defaultChannels the channels a member gets until they choose otherwise
 * @param optional        whether members may turn it off on their account page
 */
public record NotificationType(String code, String titleKey, String bodyKey, Set<Channel> defaultChannels,
                               boolean optional) {

    public NotificationType {
        if (code == null || !code.matches("[a-z0-9][a-z0-9_]*(\\.[a-z0-9_]+)+")) {
            throw new IllegalArgumentException("a notification type is dotted lower case, e.g. shop.redemption_shipped: "
                    + code);
        }
        defaultChannels = defaultChannels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(defaultChannels));
    }

    /**
     * @param code the type's code
     * @return a type sent in-site and by email, with the default message keys, that members may turn off
     */
    public static NotificationType of(String code) {
        return new NotificationType(code, "notification." + code + ".title", "notification." + code + ".body",
                EnumSet.of(Channel.IN_SITE, Channel.EMAIL), true);
    }

    /**
     * @param channels the channels members get by default
     * @return the same type with those default channels
     */
    public NotificationType channels(Channel... channels) {
        Set<Channel> set = EnumSet.noneOf(Channel.class);
        set.addAll(java.util.List.of(channels));
        return new NotificationType(code, titleKey, bodyKey, set, optional);
    }

    /**
     * @param title message key of the title
     * @param body  message key of the body
     * @return the same type with those message keys
     */
    public NotificationType messages(String title, String body) {
        return new NotificationType(code, title, body, defaultChannels, optional);
    }

    /** @return the same type, which members cannot turn off (e.g. a security notice) */
    public NotificationType mandatory() {
        return new NotificationType(code, titleKey, bodyKey, defaultChannels, false);
    }
}
