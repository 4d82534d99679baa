package io.kindred.plugins.creators.campaigns;

import java.util.Arrays;
import java.util.Optional;

/** The fixed catalogue of fields an operator may put on a campaign's form, in the order the form shows them. */
enum FieldType {
    /** The applicant's real name. */
    NAME("name"),
    /** A mobile number. */
    PHONE("phone"),
    /** A postal address (for samples). */
    ADDRESS("address"),
    /** An identity document: its type (id_card, passport, other) and number, sealed at rest and shown masked. */
    IDENTITY("identity"),
    /** What the applicant is good at (a list of words). */
    TALENTS("talents"),
    /** The content they make: short video, live, notes, reviews… (a list of words). */
    CONTENT_TYPES("content_types"),
    /** Social accounts, repeatable: platform, handle, followers. */
    SOCIAL_ACCOUNTS("social_accounts"),
    /** Links to their work. */
    SAMPLE_LINKS("sample_links"),
    /** Anything else, in their words. */
    FREE_TEXT("free_text");

    private final String code;

    FieldType(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Optional<FieldType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
