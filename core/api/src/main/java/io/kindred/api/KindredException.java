package io.kindred.api;

/**
 * A domain failure with a stable, snake_case {@code code} and an HTTP status. The host turns it into
 * {@code {"error":{"code":...,"message":...}}} for the API or a themed error page for browsers.
 *
 * <pre>{@code
 * throw KindredException.conflict("already_checked_in", "You have already checked in today.");
 * }</pre>
 */
public class KindredException extends RuntimeException {

    private final int status;
    private final String code;

    /**
     * @param status  HTTP status code
     * @param code    stable snake_case code that clients may test
     * @param message human sentence
     */
    public KindredException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** @return HTTP status code */
    public int status() {
        return status;
    }

    /** @return stable snake_case error code */
    public String code() {
        return code;
    }

    /** @param code error code @param message sentence @return a 400 */
    public static KindredException badRequest(String code, String message) {
        return new KindredException(400, code, message);
    }

    /** @param message sentence @return a 401 {@code unauthenticated} */
    public static KindredException unauthenticated(String message) {
        return new KindredException(401, "unauthenticated", message);
    }

    /** @param message sentence @return a 403 {@code forbidden} */
    public static KindredException forbidden(String message) {
        return new KindredException(403, "forbidden", message);
    }

    /** @param message sentence @return a 404 {@code not_found} */
    public static KindredException notFound(String message) {
        return new KindredException(404, "not_found", message);
    }

    /** @param code error code @param message sentence @return a 409 */
    public static KindredException conflict(String code, String message) {
        return new KindredException(409, code, message);
    }

    /** @param message sentence naming the field and what is wrong with it @return a 400 {@code invalid_field} */
    public static KindredException invalidField(String message) {
        return new KindredException(400, "invalid_field", message);
    }

    /** @param field the missing field's name @return a 400 {@code missing_field} */
    public static KindredException missingField(String field) {
        return new KindredException(400, "missing_field", "The field '" + field + "' is required.");
    }
}
