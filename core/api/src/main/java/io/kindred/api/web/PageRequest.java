package io.kindred.api.web;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;

import java.util.Optional;

/**
 * Which page of a list the caller asked for: the query parameters {@code cursor} (opaque, as the previous
 * page's {@code nextCursor} gave it: the id of that page's last row) and {@code limit}. Lists are read by id,
 * newest first ({@code WHERE id < :before ORDER BY id DESC LIMIT :limit}) or oldest first
 * ({@code WHERE id > :after ORDER BY id LIMIT :limit}); {@link Page#of} builds the answer.
 *
 * <pre>{@code
 * PageRequest page = x.page(50, 200);
 * x.json(Page.of(store.newestFirst(page.before(), page.limit()), page, Row::id).map(Row::json));
 * }</pre>
 *
 * @param cursor the id of the previous page's last row, or 0 on the first page
 * @param limit  how many rows at most, from 1 to the route's maximum
 */
public record PageRequest(long cursor, int limit) {

    /**
     * Reads a page request from the two query parameters, as every list of Kindred does.
     *
     * @param cursor       the {@code cursor} parameter, or null/blank for the first page
     * @param limit        the {@code limit} parameter, or null/blank for the default
     * @param defaultLimit the limit when none is given
     * @param maxLimit     the largest limit allowed
     * @return the request; a 400 {@code invalid_cursor} for a cursor Kindred did not give out, a 400
     *         {@code invalid_field} for a limit that is not a whole number from 1 to {@code maxLimit}
     */
    public static PageRequest of(String cursor, String limit, int defaultLimit, int maxLimit) {
        return new PageRequest(parseCursor(cursor), parseLimit(limit, defaultLimit, maxLimit));
    }

    /** @return true on the first page (no cursor) */
    public boolean first() {
        return cursor == 0;
    }

    /** @return the id below which a newest-first page starts: the cursor, or {@link Long#MAX_VALUE} on the first page */
    public long before() {
        return first() ? Long.MAX_VALUE : cursor;
    }

    /** @return the id above which an oldest-first page starts: the cursor, or 0 on the first page */
    public long after() {
        return cursor;
    }

    private static long parseCursor(String text) {
        Optional<String> value = Optional.ofNullable(text).map(String::trim).filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            return 0;
        }
        try {
            long id = Long.parseLong(value.get());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw new KindredException(CoreError.INVALID_CURSOR, "The cursor is not one this API gave out.");
    }

    private static int parseLimit(String text, int defaultLimit, int maxLimit) {
        Optional<String> value = Optional.ofNullable(text).map(String::trim).filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.get());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw KindredException.invalidField("The parameter 'limit' must be a whole number from 1 to " + maxLimit + ".");
    }
}
