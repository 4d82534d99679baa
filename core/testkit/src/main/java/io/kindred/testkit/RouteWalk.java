package io.kindred.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.server.web.PluginRouter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every route a test should try with a caller who must be refused: the operations of the served OpenAPI description
 * that take an API key, and the console routes of the core and of every started plugin. Path parameters are filled
 * with {@code 1}, so each call reaches the access check of its route.
 *
 * <pre>{@code
 * for (RouteWalk.Call c : RouteWalk.apiKeyOperations(platform)) assertEquals(403, key.send(c.method(), c.path(), Map.of(), Map.of()).status());
 * }</pre>
 */
public final class RouteWalk {

    /**
     * One route to call.
     *
     * @param method   upper-case HTTP method
     * @param path     the path to call, parameters filled in
     * @param template the path as described ({@code /api/v1/admin/users/{id}})
     * @param scope    the scope an API key needs ({@code x-kindred-scope}), or null when none is described
     */
    public record Call(String method, String path, String template, String scope) {
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private RouteWalk() {
    }

    /** @return every operation under {@code /api/v1/admin/} and every other one that names an {@code x-kindred-scope} */
    public static List<Call> apiKeyOperations(TestPlatform platform) {
        Http.Response r = platform.http().get("/api/v1/openapi.json");
        if (r.status() != 200) {
            throw new IllegalStateException("no OpenAPI description: " + r.status());
        }
        List<Call> calls = new ArrayList<>();
        r.json().path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            JsonNode scope = op.getValue().path("x-kindred-scope");
            if (METHODS.contains(op.getKey()) && (p.getKey().startsWith("/api/v1/admin/") || scope.isTextual())) {
                calls.add(new Call(op.getKey().toUpperCase(Locale.ROOT), fill(p.getKey()), p.getKey(),
                        scope.isTextual() ? scope.asText() : null));
            }
        }));
        return calls;
    }

    /** @return every route under {@code /console} that the core and the started plugins serve */
    public static List<Call> consoleRoutes(TestPlatform platform) {
        List<Call> calls = new ArrayList<>();
        for (PluginRouter.Declared d : platform.kindred().router.declared()) {
            if (d.path().equals("/console") || d.path().startsWith("/console/")) {
                calls.add(new Call(d.method(), fill(d.path()), d.path(), null));
            }
        }
        return calls;
    }

    private static String fill(String template) {
        return template.replaceAll("\\{[^}/]+}", "1").replaceAll("<[^>/]+>", "1");
    }
}
