package io.kindred.plugins.membership;

import io.kindred.api.KindredException;

import java.util.Optional;

/** The checks that tier and plan edits share. */
final class Fields {

    static final long MAX_NUMBER = 1_000_000_000_000L;

    private Fields() {
    }

    /** @return the trimmed text when given (1 to {@code max} characters), else {@code current} */
    static String text(Optional<String> given, String current, String field, int max) {
        if (given.isEmpty()) {
            return current;
        }
        String s = given.get().trim();
        if (s.isEmpty() || s.length() > max) {
            throw KindredException.invalidField(field + " must be 1 to " + max + " characters.");
        }
        return s;
    }

    /** @return the number when given (from {@code min} to {@code max}), else {@code current} */
    static long number(Optional<? extends Number> given, long current, String field, long min, long max) {
        if (given.isEmpty()) {
            return current;
        }
        long n = given.get().longValue();
        if (n < min || n > max) {
            throw KindredException.invalidField(field + " must be from " + min + " to " + max + ".");
        }
        return n;
    }
}
