package io.kindred.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RouterConfig;
import io.javalin.http.Context;
import io.javalin.router.matcher.PathParser;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Handler;
import io.kindred.api.web.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Routes of started plugins. Javalin fixes its routes when the server is created, so the core mounts one
 * catch-all route per method after its own routes and dispatches here; a plugin's routes are added when it
 * starts and removed when it stops, and a path nobody serves answers 404 (405 for a known path).
 */
public final class PluginRouter {

    /** One plugin route. */
    public record Route(String owner, String method, String path, PathParser parser, Access access, Scope scope,
                        Handler handler, ObjectMapper mapper) {
    }

    private static final RouterConfig ROUTER_CONFIG = new RouterConfig();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<PathParser> corePaths = new CopyOnWriteArrayList<>();
    private final List<Declared> coreRoutes = new CopyOnWriteArrayList<>();

    /**
     * A route as declared: its method, its path template, who serves it ({@code core} or a plugin id), who may call
     * it and the scope an API key needs for it.
     */
    public record Declared(String owner, String method, String path, Access access, Scope scope) {
    }

    /** Remembers a core route so that a wrong method on its path answers 405 and the route can be listed. */
    public void coreRoute(String method, String path, Access access, Scope scope) {
        corePaths.add(new PathParser(path, ROUTER_CONFIG));
        coreRoutes.add(new Declared("core", method, path, access, scope));
    }

    /** @return the scope an API key needs for the operation, when a core or started plugin route declares it */
    public java.util.Optional<Scope> scopeOf(String method, String path) {
        return declared().stream().filter(d -> d.method().equals(method)
                        && d.path().replaceAll("<(\\w+)>", "{$1}").equals(path)
                && d.access() != Access.PUBLIC && d.access() != Access.MEMBER).map(Declared::scope).findFirst();
    }

    /** @return every core route and every route of a started plugin, in declaration order */
    public List<Declared> declared() {
        List<Declared> all = new ArrayList<>(coreRoutes);
        routes.forEach(r -> all.add(new Declared(r.owner(), r.method(), r.path(), r.access(), r.scope())));
        return all;
    }

    public synchronized void add(String owner, String method, String path, Access access, Scope scope, Handler handler,
                                 ObjectMapper mapper) {
        if (path == null || !path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("a route path starts with / : " + path);
        }
        for (Route r : routes) {
            if (r.method().equals(method) && r.path().equals(path)) {
                throw new IllegalArgumentException(method + " " + path + " is already served by plugin " + r.owner());
            }
        }
        for (PathParser core : corePaths) {
            if (core.matches(path)) {
                throw new IllegalArgumentException(path + " belongs to the core");
            }
        }
        routes.add(new Route(owner, method, path, new PathParser(path, ROUTER_CONFIG), access, scope, handler, mapper));
    }

    public void removeAll(String owner) {
        routes.removeIf(r -> r.owner().equals(owner));
    }

    /** A route matched to a request, with the values of its path parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    /**
     * Reads the request body before a handler that may leave it unread. Jetty closes a keep-alive connection
     * after answering a request whose body has not fully arrived yet, without a {@code Connection: close}, so a
     * client's next request on that connection fails (seen as "header parser received no bytes"). Javalin keeps
     * the bytes for the handler. Multipart bodies are left to the handler, which parses them as a stream.
     */
    public static void readBody(Context ctx) {
        String method = ctx.method().name();
        String type = ctx.contentType();
        if (!Set.of("GET", "HEAD", "OPTIONS").contains(method) && ctx.contentLength() != 0
                && (type == null || !type.startsWith("multipart/"))) {
            ctx.bodyAsBytes();
        }
    }

    /** Finds the route for a request; 404 when nobody serves the path, 405 when the path exists for another method. */
    public Match match(Context ctx) {
        String path = ctx.path();
        String method = ctx.method().name();
        boolean pathKnown = false;
        for (Route r : routes) {
            if (r.parser().matches(path)) {
                pathKnown = true;
                if (r.method().equals(method) || (method.equals("HEAD") && r.method().equals("GET"))) {
                    readBody(ctx);
                    return new Match(r, r.parser().extractPathParams(path));
                }
            }
        }
        if (!pathKnown) {
            pathKnown = corePaths.stream().anyMatch(p -> p.matches(path));
        }
        if (pathKnown && !Set.of("HEAD", "OPTIONS").contains(method)) {
            throw new KindredException(CoreError.METHOD_NOT_ALLOWED, method + " is not allowed on " + path + ".");
        }
        throw KindredException.notFound("There is nothing at " + path + ".");
    }
}
