package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;

import java.util.Arrays;

/** The kinds of question a questionnaire may ask. */
enum QuestionKind {
    /** One option; its option may jump to a later question or to the end. */
    SINGLE("single", true),
    /** Any number of options. */
    MULTIPLE("multiple", true),
    /** A whole number from 1 to 5. */
    SCALE("scale", false),
    /** Net promoter: a whole number from 0 to 10. */
    NPS("nps", false),
    /** Up to 200 characters. */
    SHORT_TEXT("short_text", false),
    /** Up to 5000 characters. */
    LONG_TEXT("long_text", false),
    /** One option shown as a picture; branches like {@link #SINGLE}. */
    IMAGE("image", true);

    static final int SHORT_MAX = 200;
    static final int LONG_MAX = 5000;

    private final String code;
    private final boolean choice;

    QuestionKind(String code, boolean choice) {
        this.code = code;
        this.choice = choice;
    }

    String code() {
        return code;
    }

    /** @return whether the question has options */
    boolean choice() {
        return choice;
    }

    /** @return whether one chosen option decides the next question */
    boolean branches() {
        return this == SINGLE || this == IMAGE;
    }

    boolean numeric() {
        return this == SCALE || this == NPS;
    }

    boolean text() {
        return this == SHORT_TEXT || this == LONG_TEXT;
    }

    int min() {
        return this == SCALE ? 1 : 0;
    }

    int max() {
        return this == SCALE ? 5 : 10;
    }

    static QuestionKind of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst().orElseThrow(() ->
                KindredException.invalidField("The question kind '" + code + "' is not one of single, multiple, scale,"
                        + " nps, short_text, long_text, image."));
    }
}
