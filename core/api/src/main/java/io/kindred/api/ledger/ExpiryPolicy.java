package io.kindred.api.ledger;

/**
 * When credits of an asset expire. Credits are kept as lots and spent oldest first; a job expires what is
 * left of a lot with an ordinary transfer (reason {@code expired}).
 *
 * <pre>{@code
 * AssetDefinition.of("points").withExpiry(ExpiryPolicy.END_OF_MONTH, 0);
 * }</pre>
 */
public enum ExpiryPolicy {
    /** Credits never expire. */
    NEVER,
    /** A credit expires N days after it was earned. */
    DAYS_AFTER_EARNING,
    /** A credit expires at the end of the month it was earned in (site time zone). */
    END_OF_MONTH,
    /** A credit expires at the end of the year it was earned in (site time zone). */
    END_OF_YEAR;

    /** @return the policy's name in settings, e.g. {@code end_of_month} */
    public String code() {
        return name().toLowerCase();
    }

    /** @param code a policy name as in settings @return the policy; IllegalArgumentException if unknown */
    public static ExpiryPolicy fromCode(String code) {
        return valueOf(code.trim().toUpperCase());
    }
}
