package io.kindred.api;

import java.util.Locale;

/**
 * A stable error code and the one HTTP status it always answers with. The core's codes are the enum
 * {@link CoreError}; a plugin lists its own once, as constants of one class made with {@link #of}, so that its
 * codes and statuses are read in one place and no code answers with two statuses.
 *
 * <pre>{@code
 * static final ErrorCode ALREADY_CHECKED_IN = ErrorCode.of(409, "already_checked_in");
 * throw new KindredException(CheckinError.ALREADY_CHECKED_IN, "You have already checked in today.");
 * }</pre>
 */
public interface ErrorCode {

    /** @return the HTTP status this code always answers with */
    int status();

    /** @return the stable snake_case code that clients may test */
    String code();

    /**
     * @param status the HTTP status, from 400 to 599
     * @param code   a snake_case code, e.g. {@code already_checked_in}
     * @return the code with its status
     */
    static ErrorCode of(int status, String code) {
        return new Defined(status, code);
    }

    /**
     * The code of an enum constant: its name in lower case ({@code USER_NOT_FOUND} → {@code user_not_found}).
     *
     * @param constant an enum constant
     * @return its snake_case code
     */
    static String codeOf(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A code made with {@link ErrorCode#of}; two are equal when status and code are.
     *
     * <pre>{@code
     * ErrorCode outOfStock = ErrorCode.of(409, "out_of_stock");
     * }</pre>
     *
     * @param status the HTTP status
     * @param code   the snake_case code
     */
    record Defined(int status, String code) implements ErrorCode {

        /** Checks the status and the form of the code. */
        public Defined {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("an error status is 400 to 599, not " + status);
            }
            if (code == null || !code.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("an error code is snake_case, not " + code);
            }
        }
    }
}
