package io.kindred.server.web;

import io.javalin.http.Context;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.web.PageRequest;

import java.util.Optional;

/** Query-string and header helpers shared by core and plugin routes. */
public final class Params {

    private Params() {
    }

    public static int intParam(Context ctx, String name, int def, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException ignored) {
            // falls through
        }
        throw KindredException.invalidField("The parameter '" + name + "' must be a whole number from " + min + " to " + max + ".");
    }

    /** The {@code cursor} and {@code limit} of a core list, read as {@link io.kindred.api.web.Exchange#page} reads them. */
    public static PageRequest page(Context ctx, int defaultLimit, int maxLimit) {
        return PageRequest.of(ctx.queryParam("cursor"), ctx.queryParam("limit"), defaultLimit, maxLimit);
    }

    /** The {@code cursor} of a page that always shows {@code size} rows (a console or member page). */
    public static PageRequest page(Context ctx, int size) {
        return PageRequest.of(ctx.queryParam("cursor"), null, size, size);
    }

    public static Optional<String> query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    public static Optional<String> idempotencyKey(Context ctx) {
        String k = ctx.header("Idempotency-Key");
        if (k == null || k.isBlank()) {
            return Optional.empty();
        }
        if (k.length() > 128) {
            throw new KindredException(CoreError.INVALID_IDEMPOTENCY_KEY, "The Idempotency-Key header must be at most 128 characters.");
        }
        return Optional.of(k.trim());
    }
}
