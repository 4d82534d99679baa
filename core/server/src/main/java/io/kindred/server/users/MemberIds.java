package io.kindred.server.users;

import io.javalin.http.Context;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;

/** The member a request names: one 404 {@code user_not_found} for the API and the console alike. */
public final class MemberIds {

    private MemberIds() {
    }

    /** @return a 404 {@code user_not_found} for the id or email the caller gave */
    public static KindredException notFound(Object idOrEmail) {
        return new KindredException(CoreError.USER_NOT_FOUND, "There is no member " + idOrEmail + ".");
    }

    /** @return the path parameter {@code {id}}, the id of an existing member; else a 404 {@code user_not_found} */
    public static long existing(Context ctx, UserStore users) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw notFound(ctx.pathParam("id"));
        }
        if (id <= 0 || users.byId(id).isEmpty()) {
            throw notFound(id);
        }
        return id;
    }
}
