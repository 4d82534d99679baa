package io.kindred.api;

/**
 * A stable error code and the one HTTP status it always answers with. The core's codes are
 * {@link CoreError}; a plugin lists its own in one enum implementing this interface, so that its codes and
 * statuses can be read in one place.
 *
 * <pre>{@code
 * enum CheckinError implements ErrorCode { ALREADY_CHECKED_IN(409); ... }
 * throw new KindredException(CheckinError.ALREADY_CHECKED_IN, "You have already checked in today.");
 * }</pre>
 */
public interface ErrorCode {

    /** @return the HTTP status this code always answers with */
    int status();

    /** @return the stable snake_case code that clients may test */
    String code();

    /**
     * The code of an enum constant: its name in lower case ({@code ALREADY_CHECKED_IN} → {@code already_checked_in}).
     * Enums implementing this interface may answer {@link #code()} with it.
     *
     * @param constant an enum constant
     * @return its snake_case code
     */
    static String codeOf(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT);
    }
}
