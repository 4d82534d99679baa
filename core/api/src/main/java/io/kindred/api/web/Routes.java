package io.kindred.api.web;

/**
 * Where a plugin registers its HTTP routes. Paths use Javalin's syntax ({@code /api/v1/shop/items/{id}}).
 * API routes live under {@code /api/v1/<area>} (console API under {@code /api/v1/admin/<area>}), member
 * pages under {@code /<area>}, console pages under {@code /console/<area>}. Core paths cannot be taken.
 *
 * <pre>{@code
 * ctx.routes().post("/api/v1/checkins", Access.MEMBER, checkins::checkIn);
 * }</pre>
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
}
