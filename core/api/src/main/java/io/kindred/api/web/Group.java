package io.kindred.api.web;

/**
 * Routes under one path prefix that share who may call them, made by
 * {@link Routes#group(String, Access, java.util.function.Consumer)}. Paths are relative to the prefix
 * ({@code ""} is the prefix itself).
 *
 * <pre>{@code
 * ctx.routes().group("/api/v1/admin/checkins", Access.OPERATOR, g -> {
 *     g.get("/rules", console::rules);
 *     g.put("/rules", console::saveRules);
 * });
 * }</pre>
 */
public final class Group {

    private final Routes routes;
    private final String prefix;
    private final Access access;

    Group(Routes routes, String prefix, Access access) {
        this.routes = routes;
        this.prefix = prefix;
        this.access = access;
    }

    /** @param path path below the prefix @param handler handler */
    public void get(String path, Handler handler) {
        routes.get(prefix + path, access, handler);
    }

    /** @param path path below the prefix @param handler handler */
    public void post(String path, Handler handler) {
        routes.post(prefix + path, access, handler);
    }

    /** @param path path below the prefix @param handler handler */
    public void put(String path, Handler handler) {
        routes.put(prefix + path, access, handler);
    }

    /** @param path path below the prefix @param handler handler */
    public void patch(String path, Handler handler) {
        routes.patch(prefix + path, access, handler);
    }

    /** @param path path below the prefix @param handler handler */
    public void delete(String path, Handler handler) {
        routes.delete(prefix + path, access, handler);
    }
}
