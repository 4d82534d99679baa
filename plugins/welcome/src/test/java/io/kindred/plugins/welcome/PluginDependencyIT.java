package io.kindred.plugins.welcome;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.plugins.welcome.consumer.ConsumerPlugin;
import io.kindred.plugins.welcome.provider.Greetings;
import io.kindred.plugins.welcome.provider.ProviderPlugin;
import io.kindred.testkit.Http;
import io.kindred.testkit.PluginJars;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugin using another plugin's exported service: the consumer's jar holds only its own class and names
 * {@code Plugin-Dependencies: provider}; the service interface lives in the provider's jar. Disabling the provider
 * stops the consumer with a reason; enabling it starts the consumer again, with a new class loader.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginDependencyIT {

    private static TestPlatform platform;
    private static Http admin;

    @BeforeAll
    static void start() throws IOException {
        Path jars = Files.createTempDirectory("kindred-deps-");
        Path provider = PluginJars.plugin("provider", "1.0.0", ProviderPlugin.class).classes(Greetings.class).write(jars);
        Path consumer = PluginJars.plugin("consumer", "1.0.0", ConsumerPlugin.class)
                .manifest("Plugin-Dependencies", "provider@>=1.0.0").write(jars);
        platform = TestPlatform.builder().plugin(consumer).plugin(provider).start();
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static JsonNode plugin(String id) {
        return admin.get("/api/v1/admin/plugins/" + id).json().path("plugin");
    }

    @Test
    @Order(1)
    void theConsumerUsesTheServiceExportedByTheProvider() {
        assertEquals("STARTED", plugin("provider").path("state").asText());
        assertEquals("STARTED", plugin("consumer").path("state").asText());
        assertEquals("provider", plugin("consumer").path("dependencies").path(0).asText());
        Http.Response r = platform.http().get("/api/v1/consumer/greeting");
        assertEquals(200, r.status(), r.body());
        assertEquals("Hello, member!", r.json().path("greeting").asText());
    }

    @Test
    @Order(2)
    void disablingTheProviderStopsTheConsumerWithAReasonAndEnablingItStartsItAgain() {
        WeakReference<ClassLoader> consumerLoader = new WeakReference<>(platform.kindred().plugins.classLoaderOf("consumer").orElseThrow());
        Http.Response off = admin.post("/api/v1/admin/plugins/provider/disable", Map.of());
        assertEquals("DISABLED", off.json().path("plugin").path("state").asText(), off.body());
        JsonNode consumer = plugin("consumer");
        assertEquals("WAITING", consumer.path("state").asText());
        assertTrue(consumer.path("error").asText().contains("provider"), consumer.toString());
        assertTrue(consumer.path("enabled").asBoolean(), "the operator did not switch the consumer off");
        assertEquals(404, platform.http().get("/api/v1/consumer/greeting").status());
        assertTrue(collected(consumerLoader), "the consumer's class loader, which reached the provider's, is let go");

        Http.Response on = admin.post("/api/v1/admin/plugins/provider/enable", Map.of());
        assertEquals("STARTED", on.json().path("plugin").path("state").asText(), on.body());
        assertEquals("STARTED", plugin("consumer").path("state").asText());
        assertNull(plugin("consumer").path("error").textValue());
        assertEquals("Hello, member!", platform.http().get("/api/v1/consumer/greeting").json().path("greeting").asText());
    }

    @Test
    @Order(3)
    void aConsumerWhoseProviderIsDisabledAtStartWaitsForIt() {
        admin.post("/api/v1/admin/plugins/provider/disable", Map.of());
        platform.restart();
        admin = platform.admin();
        assertEquals("DISABLED", plugin("provider").path("state").asText());
        assertEquals("WAITING", plugin("consumer").path("state").asText());
        admin.post("/api/v1/admin/plugins/provider/enable", Map.of());
        assertEquals("STARTED", plugin("consumer").path("state").asText());
        assertEquals(200, platform.http().get("/api/v1/consumer/greeting").status());
    }

    private static boolean collected(WeakReference<ClassLoader> ref) {
        for (int i = 0; i < 40 && ref.get() != null; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return ref.get() == null;
    }
}
