package io.kindred.api;

/**
 * The error codes of the core, each with its one status. Plugins may throw these too (a missing row is
 * {@link #NOT_FOUND} everywhere); codes of their own go in an enum of their own.
 *
 * <pre>{@code
 * throw new KindredException(CoreError.USER_NOT_FOUND, "No such member.");
 * }</pre>
 */
public enum CoreError implements ErrorCode {
    /** The body is not a JSON object, or not valid JSON. */
    INVALID_JSON(400),
    /** A required field is missing; the message names it. */
    MISSING_FIELD(400),
    /** A field or query parameter has a wrong value, a wrong type or is not known; the message names it. */
    INVALID_FIELD(400),
    /** A {@code cursor} Kindred did not give out. */
    INVALID_CURSOR(400),
    /** An {@code Idempotency-Key} header longer than 128 characters. */
    INVALID_IDEMPOTENCY_KEY(400),
    /** A notification type that neither the core nor a started plugin declares. */
    UNKNOWN_NOTIFICATION_TYPE(400),
    /** An unsubscribe link whose signature is wrong. */
    UNSUBSCRIBE_LINK_INVALID(400),
    /** An asset no started plugin registers. */
    UNKNOWN_ASSET(400),
    /** A password-reset link that is wrong, used or expired. */
    RESET_LINK_INVALID(400),
    /** A console adjustment whose amount is not a whole number. */
    ADJUST_AMOUNT(400),
    /** A console external id that is not a system and an id of the allowed form. */
    EXTERNAL_ID_INVALID(400),
    /** The logo form was sent without a picture. */
    LOGO_MISSING(400),
    /** An uploaded file that is not a Kindred plugin jar (no descriptor, a bad id, no Plugin-Class in it). */
    INVALID_PLUGIN(400),
    /** Dropping a plugin's data without typing its id to confirm. */
    CONFIRMATION_MISMATCH(400),
    /** A webhook URL that is not an http(s) URL with a host that resolves. */
    WEBHOOK_URL_INVALID(400),
    /** A webhook URL whose host resolves to a loopback, link-local, private, multicast or any-local address. */
    WEBHOOK_URL_FORBIDDEN(400),
    /** No session and no API key where one is needed. */
    UNAUTHENTICATED(401),
    /** Sign-in with a wrong email or password, or a password change with a wrong current password. */
    INVALID_CREDENTIALS(401),
    /** An API key that is not valid or was revoked. */
    INVALID_API_KEY(401),
    /** Signed in, but without the role the route needs; or an API key on a console page. */
    FORBIDDEN(403),
    /** An API key that does not hold the scope the route needs (the message names it). */
    INSUFFICIENT_SCOPE(403),
    /** A state-changing request from a page without the CSRF token or {@code X-Requested-With}. */
    CSRF_FAILED(403),
    /** Sign-up is closed on this site. */
    REGISTRATION_CLOSED(403),
    /** The one-time setup token is wrong or was used. */
    INVALID_SETUP_TOKEN(403),
    /** No such thing, or not the caller's. */
    NOT_FOUND(404),
    /** The member named in the request does not exist. */
    USER_NOT_FOUND(404),
    /** No purchase with that external order id. */
    PURCHASE_NOT_FOUND(404),
    /** No webhook endpoint with that id. */
    WEBHOOK_NOT_FOUND(404),
    /** No webhook delivery with that id. */
    WEBHOOK_DELIVERY_NOT_FOUND(404),
    /** No saved segment with that id. */
    SEGMENT_NOT_FOUND(404),
    /** The path exists, the method does not. */
    METHOD_NOT_ALLOWED(405),
    /** The email belongs to another account. */
    EMAIL_TAKEN(409),
    /** The phone number belongs to another account. */
    PHONE_TAKEN(409),
    /** The external id belongs to another member. */
    EXTERNAL_ID_TAKEN(409),
    /** There is an administrator already. */
    SETUP_DONE(409),
    /** That version of the plugin, or a newer one, is installed. */
    PLUGIN_EXISTS(409),
    /** A plugin that ships with Kindred can be disabled, not removed. */
    BUNDLED_PLUGIN(409),
    /** The plugin is not running (its settings are read and saved while it runs). */
    PLUGIN_NOT_STARTED(409),
    /** A job run now is still running after the wait; it goes on. */
    JOB_STILL_RUNNING(409),
    /** A setting fixed by the environment or the properties file. */
    SETTING_LOCKED(409),
    /** The webhook endpoint is disabled: enable it before sending to it. */
    WEBHOOK_DISABLED(409),
    /** The request body is above the size limit. */
    BODY_TOO_LARGE(413),
    /** An uploaded file is above the size limit. */
    FILE_TOO_LARGE(413),
    /** A plugin jar above {@code plugins.max-upload-bytes}. */
    PLUGIN_TOO_LARGE(413),
    /** An uploaded picture is above the size limit. */
    IMAGE_TOO_LARGE(413),
    /** An uploaded avatar is above the size limit. */
    AVATAR_TOO_LARGE(413),
    /** A logo above the size limit. */
    LOGO_TOO_LARGE(413),
    /** A logo that is not a PNG, JPEG or WebP picture. */
    LOGO_TYPE(415),
    /** An uploaded file that is not a picture Kindred reads. */
    IMAGE_TYPE(415),
    /** A picture given by its address on another host that could not be fetched (private address, no answer...). */
    IMAGE_UNREACHABLE(422),
    /** An uploaded avatar that is not a picture Kindred reads. */
    AVATAR_TYPE(415),
    /** A profile naming an avatar that is not one of the member's own uploads (another's file, a path). */
    AVATAR_NOT_YOURS(400),
    /** A plugin whose {@code Plugin-Requires} excludes this Kindred version. */
    INCOMPATIBLE_PLUGIN(422),
    /** A new plugin failed to start and was not kept. */
    PLUGIN_FAILED(422),
    /** A plugin's new version failed to start; the old one runs again. */
    UPGRADE_FAILED(422),
    // one member across channels (issue 16): claims and merges
    /** A one-time claim code that is wrong, used, expired or tried too often. */
    CLAIM_CODE_INVALID(400),
    /** A merge of a member into itself. */
    MERGE_SAME_MEMBER(400),
    /** The member was merged into another one; the message names it. */
    MEMBER_MERGED(409),
    /** A merge Kindred refuses: a staff account (operator, admin) or a member that is not active. */
    MERGE_REFUSED(409),
    /** Staff accounts are not erased: an administrator removes their staff roles first. */
    ERASE_REFUSED(409),
    /** The terms or the privacy notice changed since the client showed them: show the current versions again. */
    CONSENT_OUTDATED(409),
    /** A page form without the box that accepts the terms and the privacy notice ticked. */
    CONSENT_REQUIRED(400),
    /** The SMS sender could not hand the message over; try again later. */
    SMS_NOT_SENT(503),
    /** Too many failed attempts; try again later. */
    TOO_MANY_ATTEMPTS(429),
    // connectors
    /** A shop push whose signature does not match the connector's secret. */
    INVALID_SIGNATURE(401),
    /** A shop connector's URL while the connector is not enabled (or not configured). */
    CONNECTOR_DISABLED(404),
    /** A shop connector that does not exist (shopify, woocommerce and youzan do). */
    CONNECTOR_NOT_FOUND(404),
    /** A connector delivery log entry that does not exist. */
    CONNECTOR_DELIVERY_NOT_FOUND(404),
    /** A connector delivery that cannot be replayed: it was applied already, or its signature was wrong. */
    DELIVERY_NOT_REPLAYABLE(409),
    /** A share poster's layout template gives a size or a colour wrongly; the message names the template and key. */
    POSTER_LAYOUT(500);

    private final int status;

    CoreError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String code() {
        return ErrorCode.codeOf(this);
    }
}
