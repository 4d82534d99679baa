package io.kindred.api.web;

/**
 * Where a plugin registers its HTTP routes. Paths use Javalin's syntax ({@code /api/v1/shop/items/{id}}).
 * API routes live under {@code /api/v1/<area>} (console API under {@code /api/v1/admin/<area>}), member
 * pages under {@code /<area>}, console pages under {@code /console/<area>}. Core paths cannot be taken.
 *
 * <pre>{@code
 * ctx.routes().post("/api/v1/checkins", Access.MEMBER, checkins::checkIn);
 * }</pre>
 *
 * <p>An API key may call an operator or admin route only when it holds the route's {@link Scope}
 * ({@link Scope#ADMIN} unless the route is registered through {@link #scoped(Scope)} or a scoped group).
 */
public interface Routes {

    /** @param path path pattern @param access who may call @param handler handler */
    void get(String path, Access access, Handler handler);

    /** @param path path pattern @param access who may call @param handler handler */
    void post(String path, Access access, Handler handler);

    /** @param path path pattern @param access who may call @param handler handler */
    void put(String path, Access access, Handler handler);

    /** @param path path pattern @param access who may call @param handler handler */
    void patch(String path, Access access, Handler handler);

    /** @param path path pattern @param access who may call @param handler handler */
    void delete(String path, Access access, Handler handler);

    /**
     * Registers routes under one prefix, all with the same access.
     *
     * <pre>{@code
     * ctx.routes().group("/api/v1/admin/shop", Access.OPERATOR, g -> {
     *     g.get("/items", admin::items);
     *     g.post("/items", admin::create);
     * });
     * }</pre>
     *
     * @param prefix path prefix, e.g. {@code /api/v1/admin/checkins}
     * @param access who may call every route of the group
     * @param body   registers the group's routes, with paths relative to the prefix
     */
    default void group(String prefix, Access access, java.util.function.Consumer<Group> body) {
        body.accept(new Group(this, prefix, access));
    }

    /**
     * Registers routes under one prefix, all with the same access, that an API key may call only when it holds
     * {@code scope} (sessions are checked by role as usual).
     *
     * <pre>{@code
     * ctx.routes().group("/api/v1/admin/shop", Access.OPERATOR, Scope.SHOP_WRITE, g -> g.post("/items", admin::create));
     * }</pre>
     *
     * @param prefix path prefix
     * @param access who may call every route of the group
     * @param scope  the scope an API key needs for every route of the group
     * @param body   registers the group's routes, with paths relative to the prefix
     */
    default void group(String prefix, Access access, Scope scope, java.util.function.Consumer<Group> body) {
        scoped(scope).group(prefix, access, body);
    }

    /**
     * The same routes, but an API key must hold {@code scope} to call the routes registered through the answer.
     * Routes registered without it need {@link Scope#ADMIN} from a key; member and public routes ignore scopes.
     *
     * <pre>{@code
     * ctx.routes().scoped(Scope.MEMBERS_READ).get("/api/v1/admin/community/members", Access.OPERATOR, admin::members);
     * }</pre>
     *
     * @param scope the scope an API key needs
     * @return where to register the scoped routes
     */
    Routes scoped(Scope scope);
}
