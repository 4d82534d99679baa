package io.kindred.api.web;

import io.kindred.api.KindredException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The checks of a typed body's or a form's plain fields that every plugin needs, with the same error codes and
 * sentences everywhere: a required text of bounded length, a day.
 *
 * <pre>{@code
 * String title = Fields.text(body.title(), "title", 120);
 * LocalDate startsOn = Fields.day(body.startsOn(), "startsOn");
 * }</pre>
 */
public final class Fields {

    private Fields() {
    }

    /**
     * @param value the text as given
     * @param field the field's name, for the error
     * @param max   the longest allowed, in characters
     * @return the text without surrounding blanks
     * @throws KindredException 400 {@code missing_field} when blank, {@code invalid_field} when longer than {@code max}
     */
    public static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw KindredException.missingField(field);
        }
        if (value.strip().length() > max) {
            throw KindredException.invalidField("The field '" + field + "' must be at most " + max + " characters.");
        }
        return value.strip();
    }

    /**
     * @param value a day as {@code YYYY-MM-DD}
     * @param field the field's name, for the error
     * @return the day
     * @throws KindredException 400 {@code missing_field} when blank, {@code invalid_field} when not a day
     */
    public static LocalDate day(String value, String field) {
        if (value == null || value.isBlank()) {
            throw KindredException.missingField(field);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("The field '" + field + "' must be a day, YYYY-MM-DD.");
        }
    }
}
