package io.kindred.api;

/**
 * A domain failure with a stable, snake_case {@code code} and an HTTP status. The host turns it into
 * {@code {"error":{"code":...,"message":...}}} for the API or a themed error page for browsers.
 *
 * <p>Codes and their statuses are listed once, in an enum implementing {@link ErrorCode}: the core's in
 * {@link CoreError}, a plugin's in its own.
 *
 * <pre>{@code
 * throw new KindredException(CheckinError.ALREADY_CHECKED_IN, "You have already checked in today.");
 * throw new KindredException(CoreError.USER_NOT_FOUND, "There is no member 42.");
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

    /**
     * @param error   the code and its status
     * @param message human sentence
     */
    public KindredException(ErrorCode error, String message) {
        this(error.status(), error.code(), message);
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
        return new KindredException(CoreError.UNAUTHENTICATED, message);
    }

    /** @param message sentence @return a 403 {@code forbidden} */
    public static KindredException forbidden(String message) {
        return new KindredException(CoreError.FORBIDDEN, message);
    }

    /** @param message sentence @return a 404 {@code not_found} */
    public static KindredException notFound(String message) {
        return new KindredException(CoreError.NOT_FOUND, message);
    }

    /** @param code error code @param message sentence @return a 409 */
    public static KindredException conflict(String code, String message) {
        return new KindredException(409, code, message);
    }

    /** @param message sentence naming the field and what is wrong with it @return a 400 {@code invalid_field} */
    public static KindredException invalidField(String message) {
        return new KindredException(CoreError.INVALID_FIELD, message);
    }

    /** @param field the missing field's name @return a 400 {@code missing_field} */
    public static KindredException missingField(String field) {
        return new KindredException(CoreError.MISSING_FIELD, "The field '" + field + "' is required.");
    }
}
