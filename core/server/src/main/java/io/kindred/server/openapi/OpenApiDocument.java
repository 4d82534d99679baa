package io.kindred.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kindred.server.web.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The OpenAPI 3.1 description of {@code /api/v1}: the core's fragments (every {@code openapi/*.json} resource next to
 * {@code openapi/core.json}, in the IDE's class folder as in the shaded kindred.jar) merged with the fragment of each
 * started plugin. A fragment brings paths and components; a path and method or a component that is already
 * described is refused, so the plugin that brings it fails to start.
 */
public final class OpenApiDocument {

    /** One fragment and who brought it ({@code core} or a plugin id). */
    record Fragment(String owner, String name, JsonNode json) {
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String CORE_ANCHOR = "openapi/core.json";

    private final String version;
    private final List<Fragment> fragments = new CopyOnWriteArrayList<>();
    private volatile java.util.function.BiFunction<String, String, java.util.Optional<String>> scopes =
            (method, path) -> java.util.Optional.empty();

    /** @param version Kindred's version, shown as the document's {@code info.version} */
    public OpenApiDocument(String version) {
        this.version = version;
        for (Map.Entry<String, JsonNode> f : coreFragments().entrySet()) {
            add("core", f.getKey(), f.getValue());
        }
    }

    /** Adds a started plugin's fragment, read from its jar; refuses what another part already describes. */
    public void add(String owner, ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("its OpenAPI description " + resource + " is not in the jar");
            }
            add(owner, resource, Json.CORE.readTree(in));
        } catch (IOException e) {
            throw new IllegalArgumentException("its OpenAPI description " + resource + " is not JSON: " + e.getMessage());
        }
    }

    /**
     * Sets where the scope an API key needs for an operation comes from: the routes as declared in code, so the
     * description cannot differ from what is enforced. Each such operation gets {@code x-kindred-scope} and a
     * {@code security} requirement naming the scope.
     *
     * @param scopeOf (upper-case method, path as described) to the scope's code, empty for member and public routes
     */
    public void describeScopesWith(java.util.function.BiFunction<String, String, java.util.Optional<String>> scopeOf) {
        this.scopes = scopeOf;
    }

    /** Removes everything a plugin's fragments described; safe to repeat. */
    public void removeAll(String owner) {
        fragments.removeIf(f -> f.owner().equals(owner));
    }

    private synchronized void add(String owner, String name, JsonNode json) {
        if (!json.isObject() || !json.path("paths").isObject()) {
            throw new IllegalArgumentException("the OpenAPI description " + name + " has no paths object");
        }
        Set<String> taken = new HashSet<>(keys(fragments.stream().map(Fragment::json).toList()));
        for (String key : keys(List.of(json))) {
            if (!taken.add(key)) {
                throw new IllegalArgumentException("the OpenAPI description " + name + " describes " + key
                        + " again, which is already described");
            }
        }
        fragments.add(new Fragment(owner, name, json));
    }

    /** "GET /api/v1/me" for each operation and "schemas/User" for each component of the given fragments. */
    private static List<String> keys(List<JsonNode> jsons) {
        List<String> keys = new ArrayList<>();
        for (JsonNode json : jsons) {
            json.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) {
                    keys.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey());
                }
            }));
            json.path("components").fields().forEachRemaining(section ->
                    section.getValue().fieldNames().forEachRemaining(n -> keys.add(section.getKey() + "/" + n)));
        }
        return keys;
    }

    /** @return the whole description as served at {@code /api/v1/openapi.json} */
    public ObjectNode document() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Kindred HTTP API");
        info.put("version", version);
        info.put("description", "Every endpoint of the core and of the plugins that run on this site. Errors answer "
                + "{\"error\":{\"code\",\"message\"}}. Call with an API key (Authorization: Bearer) or a session cookie; "
                + "a request with a session that changes something also sends X-Requested-With: kindred (or X-CSRF-Token). "
                + "Member endpoints take a session only; operator and admin endpoints also take an API key that holds the "
                + "operation's scope (x-kindred-scope: purchases:write, members:read, members:write, ledger:write, "
                + "webhooks:manage, shop:write or admin; admin holds them all). API keys never open console pages.");
        ArrayNode servers = doc.putArray("servers");
        servers.addObject().put("url", "/");
        doc.putArray("security").addObject().putArray("apiKey");
        ((ArrayNode) doc.get("security")).addObject().putArray("session");
        TreeMap<String, JsonNode> paths = new TreeMap<>();
        TreeMap<String, TreeMap<String, JsonNode>> components = new TreeMap<>();
        for (Fragment fragment : fragments) {
            fragment.json().path("paths").fields().forEachRemaining(p -> {
                ObjectNode merged = (ObjectNode) paths.computeIfAbsent(p.getKey(), k -> f.objectNode());
                merged.setAll(((ObjectNode) p.getValue()).deepCopy());
            });
            fragment.json().path("components").fields().forEachRemaining(section ->
                    section.getValue().fields().forEachRemaining(c ->
                            components.computeIfAbsent(section.getKey(), k -> new TreeMap<>()).put(c.getKey(), c.getValue())));
        }
        ObjectNode pathsNode = doc.putObject("paths");
        paths.forEach((path, item) -> {
            describeScopes(path, (ObjectNode) item);
            pathsNode.set(path, item);
        });
        ObjectNode componentsNode = doc.putObject("components");
        components.forEach((section, entries) -> {
            ObjectNode s = componentsNode.putObject(section);
            entries.forEach(s::set);
        });
        ObjectNode schemes = componentsNode.putObject("securitySchemes");
        schemes.putObject("apiKey").put("type", "http").put("scheme", "bearer")
                .put("description", "An API key made in the console (Settings > API keys).");
        schemes.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", "kindred_session")
                .put("description", "The session cookie of a signed-in member (POST /api/v1/auth/login).");
        return doc;
    }

    private void describeScopes(String path, ObjectNode item) {
        item.fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey()) && op.getValue().isObject()) {
                scopes.apply(op.getKey().toUpperCase(java.util.Locale.ROOT), path).ifPresent(scope -> {
                    ObjectNode operation = (ObjectNode) op.getValue();
                    operation.put("x-kindred-scope", scope);
                    ArrayNode security = operation.putArray("security");
                    security.addObject().putArray("apiKey").add(scope);
                    security.addObject().putArray("session");
                });
            }
        });
    }

    /** Reads every {@code openapi/*.json} resource of the folder or jar that holds {@code openapi/core.json}. */
    private static Map<String, JsonNode> coreFragments() {
        URL anchor = OpenApiDocument.class.getClassLoader().getResource(CORE_ANCHOR);
        if (anchor == null) {
            throw new IllegalStateException(CORE_ANCHOR + " is not on the class path");
        }
        Map<String, JsonNode> found = new TreeMap<>();
        try {
            URI uri = anchor.toURI();
            if (uri.getScheme().equals("jar")) {
                java.net.JarURLConnection connection = (java.net.JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false);
                try (java.util.jar.JarFile jar = connection.getJarFile()) {
                    for (java.util.jar.JarEntry entry : java.util.Collections.list(jar.entries())) {
                        String name = entry.getName();
                        if (name.startsWith("openapi/") && name.endsWith(".json") && name.indexOf('/', 8) < 0) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                found.put(name, Json.CORE.readTree(in));
                            }
                        }
                    }
                }
            } else {
                read(Path.of(uri).getParent(), found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static void read(Path folder, Map<String, JsonNode> found) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
                Path file = it.next();
                String name = file.getFileName().toString();
                if (name.endsWith(".json")) {
                    found.put("openapi/" + name, Json.CORE.readTree(Files.readAllBytes(file)));
                }
            }
        }
    }
}
