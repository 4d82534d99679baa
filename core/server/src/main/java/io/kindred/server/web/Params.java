package io.kindred.server.web;

import io.javalin.http.Context;
import io.kindred.api.KindredException;

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

    /** A cursor is the id after which the next page starts; absent means the first page. */
    public static long cursor(Context ctx) {
        String v = ctx.queryParam("cursor");
        if (v == null || v.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            long c = Long.parseLong(v.trim());
            if (c > 0) {
                return c;
            }
        } catch (NumberFormatException ignored) {
            // falls through
        }
        throw KindredException.badRequest("invalid_cursor", "The cursor is not one this API gave out.");
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
            throw KindredException.badRequest("invalid_idempotency_key", "The Idempotency-Key header must be at most 128 characters.");
        }
        return Optional.of(k.trim());
    }
}
