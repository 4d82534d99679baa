package io.kindred.api.notifications;

/**
 * Where a notification reaches a member: the bell and list on the site, or an email.
 *
 * <pre>{@code
 * NotificationType.of("shop.redemption_shipped").channels(Channel.IN_SITE, Channel.EMAIL);
 * }</pre>
 */
public enum Channel {
    /** The bell in the header of every member page and the {@code /notifications} list. */
    IN_SITE,
    /** An email, queued and sent in the background (one by one, or gathered in the member's daily digest). */
    EMAIL;

    /** @return the lower-case code used in the database, forms and JSON, e.g. {@code in_site} */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
