package io.kindred.dist;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.server.web.PluginRouter;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/v1/openapi.json} on a platform with every bundled plugin (the dist's class path carries them, as
 * kindred.jar does): it describes exactly the routes the server serves under {@code /api/v1/} (and
 * {@code /healthz}), it is a valid OpenAPI 3.1 document, and a disabled plugin's paths leave it.
 */
class OpenApiIT {

    private static final Set<String> BUNDLED = Set.of("activities", "checkin", "community", "creators", "distribution", "membership", "shop", "welcome");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void everyApiRouteOfTheCoreAndTheBundledPluginsIsDescribedAndNothingElse() {
        List<PluginRouter.Declared> declared = platform.kindred().router.declared();
        Set<String> owners = declared.stream().map(PluginRouter.Declared::owner).collect(Collectors.toSet());
        assertTrue(owners.containsAll(BUNDLED), "every bundled plugin is started: " + owners);

        Set<String> served = new TreeSet<>();
        for (PluginRouter.Declared r : declared) {
            if (r.path().startsWith("/api/v1/") || r.path().equals("/healthz")) {
                served.add(r.method() + " " + r.path().replaceAll("<(\\w+)>", "{$1}"));
            }
        }
        Set<String> described = operations(document());

        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(described);
        Set<String> extra = new TreeSet<>(described);
        extra.removeAll(served);
        assertEquals("", report(missing, extra), "the OpenAPI description and the routes differ");
    }

    @Test
    void everyOperationHasASummaryAndItsResponses() {
        List<String> bare = new ArrayList<>();
        document().path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey()) && (m.getValue().path("summary").asText().isBlank()
                    || m.getValue().path("responses").isEmpty())) {
                bare.add(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        assertEquals(List.of(), bare, "operations without a summary or responses");
    }

    @Test
    void theDescriptionIsAValidOpenApi31Document() {
        JsonNode doc = document();
        assertEquals("3.1.0", doc.path("openapi").asText());
        assertEquals("/", doc.path("servers").path(0).path("url").asText());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(doc.toString(), null, options);
        assertTrue(parsed.getOpenAPI() != null, "parsed: " + parsed.getMessages());
        assertEquals(List.of(), parsed.getMessages(), "the validator's messages");
        assertTrue(parsed.getOpenAPI().getComponents().getSchemas().containsKey("Error"));
        assertTrue(parsed.getOpenAPI().getComponents().getSecuritySchemes().keySet().containsAll(Set.of("apiKey", "session")));
    }

    @Test
    void aDisabledPluginsPathsLeaveTheDescriptionAndComeBackWhenItIsEnabled() {
        Http admin = platform.admin();
        try {
            assertEquals(200, admin.post("/api/v1/admin/plugins/checkin/disable", null).status());
            JsonNode off = document();
            assertFalse(off.path("paths").has("/api/v1/checkins"), "check-in paths gone");
            assertFalse(off.path("paths").has("/api/v1/admin/checkins/rules"));
            assertFalse(off.path("components").path("schemas").has("CheckinResult"), "its schemas gone too");
            assertTrue(off.path("paths").has("/api/v1/shop/items"), "other plugins stay");
        } finally {
            assertEquals(200, admin.post("/api/v1/admin/plugins/checkin/enable", null).status());
        }
        JsonNode on = document();
        assertTrue(on.path("paths").path("/api/v1/checkins").has("post"), "back after enabling");
    }

    private static JsonNode document() {
        Http.Response r = new Http(platform.baseUrl()).get("/api/v1/openapi.json");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static Set<String> operations(JsonNode doc) {
        Set<String> ops = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m)) {
                ops.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        return ops;
    }

    private static String report(Set<String> missing, Set<String> extra) {
        StringBuilder sb = new StringBuilder();
        missing.forEach(m -> sb.append("\n  not described: ").append(m));
        extra.forEach(e -> sb.append("\n  described but not served: ").append(e));
        return sb.toString();
    }
}
