package io.kindred.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.kindred.api.web.Access;
import io.kindred.api.web.Scope;

/**
 * How core features declare their routes: each route names who may call it, and the access and CSRF
 * checks run before the handler. Core routes are also remembered (method and path) so a wrong method answers 405
 * and so that the OpenAPI coverage test can list them.
 */
public final class CoreRouting {

    private final RoutesConfig routes;
    private final Auth auth;
    private final PluginRouter router;
    private final Scope scope;

    CoreRouting(RoutesConfig routes, Auth auth, PluginRouter router) {
        this(routes, auth, router, Scope.ADMIN);
    }

    private CoreRouting(RoutesConfig routes, Auth auth, PluginRouter router, Scope scope) {
        this.routes = routes;
        this.auth = auth;
        this.router = router;
        this.scope = scope;
    }

    /**
     * @param scope what an API key needs to call the routes declared through the answer (without it: {@code admin})
     * @return the same routing, for routes of that scope
     */
    public CoreRouting scoped(Scope scope) {
        return new CoreRouting(routes, auth, router, scope);
    }

    public void get(String path, Access access, Handler h) {
        router.coreRoute("GET", path, access, scope);
        routes.get(path, guard(access, false, h));
    }

    public void post(String path, Access access, Handler h) {
        router.coreRoute("POST", path, access, scope);
        routes.post(path, guard(access, false, h));
    }

    /** A POST that does not act on a session's authority (sign in, sign up, sign out): no CSRF check. */
    public void postWithoutCsrf(String path, Access access, Handler h) {
        router.coreRoute("POST", path, access, scope);
        routes.post(path, guard(access, true, h));
    }

    public void put(String path, Access access, Handler h) {
        router.coreRoute("PUT", path, access, scope);
        routes.put(path, guard(access, false, h));
    }

    public void patch(String path, Access access, Handler h) {
        router.coreRoute("PATCH", path, access, scope);
        routes.patch(path, guard(access, false, h));
    }

    public void delete(String path, Access access, Handler h) {
        router.coreRoute("DELETE", path, access, scope);
        routes.delete(path, guard(access, false, h));
    }

    /** Runs before every request (after the caller is resolved), e.g. to note an invite code in the query string. */
    public void before(Handler h) {
        routes.before(h);
    }

    /** Runs after every request, also after one whose handler threw (its error answer is already set). */
    public void after(Handler h) {
        routes.after(h);
    }

    private Handler guard(Access access, boolean csrfExempt, Handler h) {
        return (Context ctx) -> {
            auth.check(ctx, access, scope, csrfExempt);
            h.handle(ctx);
        };
    }
}
