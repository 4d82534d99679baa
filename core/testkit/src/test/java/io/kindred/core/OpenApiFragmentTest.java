package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Access;
import io.kindred.testkit.Http;
import io.kindred.testkit.PluginJars;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A third-party plugin's OpenAPI fragment ({@code ctx.openApi(...)}) joins {@code /api/v1/openapi.json} while the
 * plugin runs and leaves it when it stops; a fragment that describes what the core already describes fails the
 * plugin's start and leaves nothing of it behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiFragmentTest {

    static final String STARS = """
            {"openapi": "3.1.0", "info": {"title": "Stars", "version": "1"},
             "paths": {"/api/v1/stars/me": {"get": {"summary": "The caller's stars",
               "responses": {"200": {"description": "OK", "content": {"application/json":
                 {"schema": {"$ref": "#/components/schemas/StarsMine"}}}},
                             "401": {"$ref": "#/components/responses/Unauthorized"}}}}},
             "components": {"schemas": {"StarsMine": {"type": "object", "properties": {"stars": {"type": "integer"}}}}}}
            """;
    static final String COPYCAT = """
            {"openapi": "3.1.0", "info": {"title": "Copycat", "version": "1"},
             "paths": {"/api/v1/copycat": {"get": {"summary": "Mine", "responses": {"200": {"description": "OK"}}}},
                       "/api/v1/me": {"get": {"summary": "Not mine", "responses": {"200": {"description": "OK"}}}}}}
            """;

    private TestPlatform platform;

    @BeforeAll
    void start() throws Exception {
        Path jars = Files.createTempDirectory("openapi-plugins-");
        platform = TestPlatform.builder()
                .plugin(PluginJars.plugin("stars", "1.0.0", StarsPlugin.class).file("openapi/stars.json", STARS).write(jars))
                .plugin(PluginJars.plugin("copycat", "1.0.0", CopycatPlugin.class).file("openapi/copycat.json", COPYCAT).write(jars))
                .start();
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    private JsonNode document() {
        Http.Response r = platform.http().get("/api/v1/openapi.json");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void aStartedPluginsFragmentIsMergedAndLeavesWhenThePluginIsDisabled() {
        JsonNode doc = document();
        assertTrue(doc.path("paths").path("/api/v1/stars/me").has("get"));
        assertTrue(doc.path("components").path("schemas").has("StarsMine"));
        assertTrue(doc.path("components").path("schemas").has("Error"), "the core's schemas stay");

        Http admin = platform.admin();
        try {
            assertEquals(200, admin.post("/api/v1/admin/plugins/stars/disable", Map.of()).status());
            assertFalse(document().path("paths").has("/api/v1/stars/me"));
            assertFalse(document().path("components").path("schemas").has("StarsMine"));
        } finally {
            assertEquals(200, admin.post("/api/v1/admin/plugins/stars/enable", Map.of()).status());
        }
        assertTrue(document().path("paths").has("/api/v1/stars/me"));
    }

    @Test
    void aFragmentDescribingACorePathFailsThePluginAndLeavesNothingOfIt() {
        JsonNode plugin = platform.admin().get("/api/v1/admin/plugins/copycat").json().path("plugin");
        assertEquals("FAILED", plugin.path("state").asText());
        assertTrue(plugin.path("error").asText().contains("GET /api/v1/me"), plugin.toString());
        assertFalse(document().path("paths").has("/api/v1/copycat"));
        assertEquals("The signed-in member", document().at("/paths/~1api~1v1~1me/get/summary").asText(), "the core's stays");
        assertEquals(404, platform.member("copy@openapi.test", "Copy").get("/api/v1/copycat").status());
    }

    public static final class StarsPlugin extends KindredPlugin {
        @Override
        public void contribute(PluginContext ctx) {
            ctx.routes().get("/api/v1/stars/me", Access.MEMBER, x -> x.json(Map.of("stars", 3)));
            ctx.openApi("openapi/stars.json");
        }
    }

    public static final class CopycatPlugin extends KindredPlugin {
        @Override
        public void contribute(PluginContext ctx) {
            ctx.routes().get("/api/v1/copycat", Access.MEMBER, x -> x.json(Map.of()));
            ctx.openApi("openapi/copycat.json");
        }
    }
}
