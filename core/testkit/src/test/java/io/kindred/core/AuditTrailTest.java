package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.PluginJars;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every console and admin API act lands in the audit log with its actor, session or key, address and, for settings,
 * roles, balances and plugin states, what it replaced and what it became; nobody can change or delete an entry.
 */
class AuditTrailTest {

    private static final String ADMIN = TestPlatform.ADMIN_EMAIL + " (#1)";
    private static TestPlatform platform;
    private static Http console;

    @BeforeAll
    static void start() throws IOException {
        Path jars = Files.createTempDirectory("audit-plugin-");
        platform = TestPlatform.builder().plugin(PluginJars.build(jars, "sample", ConsolePagesTest.SamplePlugin.class)).start();
        console = platform.http().header("X-Requested-With", null);
        Http.Response signedIn = console.raw("POST", "/signin", "application/x-www-form-urlencoded",
                "email=" + java.net.URLEncoder.encode(TestPlatform.ADMIN_EMAIL, java.nio.charset.StandardCharsets.UTF_8)
                        + "&password=" + TestPlatform.ADMIN_PASSWORD);
        assertEquals(303, signedIn.status());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void everyConsoleActionIsRecordedWithItsActorAndWhatItChanged() {
        platform.member("audited@audit.test", "Audited");
        long id = platform.kindred().users.byEmail("audited@audit.test").orElseThrow().id();
        String detail = "/console/members/" + id;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("site.name", "Audited Tea House");
        settings.put("site.brand-color", "#aa3355");
        settings.put("site.timezone", "UTC");
        settings.put("site.default-language", "en");
        settings.put("site.theme", "default");
        settings.put("site.registration", "open");
        Http.Form adjust = console.form(detail);

        assertEquals(303, console.submitForm("/console/settings", "/console/settings", settings).status());
        assertEquals(303, console.submitForm(detail, detail + "/roles", "operator", "on").status());
        assertEquals(303, adjust.submit(detail + "/adjust", Map.of("asset", "points", "amount", "25", "reason", "audit",
                "idempotencyKey", adjust.field("idempotencyKey"))).status());
        assertEquals(303, console.submitForm("/console/plugins", "/console/plugins/sample/disable").status());
        assertEquals(303, console.submitForm("/console/plugins", "/console/plugins/sample/enable").status());
        assertEquals(303, console.submitForm(detail, detail + "/labels", "label", "audited-vip").status());

        List<JsonNode> log = entries();
        assertChange(log, "setting.changed", "setting:site.name", "Kindred", "Audited Tea House");
        assertChange(log, "member.roles_changed", "user:" + id, "[\"member\"]", "[\"member\",\"operator\"]");
        assertChange(log, "ledger.adjusted", "user:" + id, "{\"points\":0}", "{\"points\":25}");
        assertChange(log, "plugin.disabled", "plugin:sample", "{\"enabled\":true,\"state\":\"STARTED\"}",
                "{\"enabled\":false,\"state\":\"DISABLED\"}");
        JsonNode label = find(log, "console.post", detail + "/labels");
        assertTrue(label.path("after").asText().contains("\"label\":\"audited-vip\""), label.toString());
        assertTrue(!label.path("after").asText().contains("_csrf") || label.path("after").asText().contains("(not recorded)"));
        for (JsonNode e : log) {
            if (e.path("actor").asText().equals(ADMIN)) {
                assertTrue(e.path("via").asText().startsWith("session:"), e.toString());
                assertEquals("127.0.0.1", e.path("address").asText(), e.toString());
            }
        }
    }

    @Test
    void anApiKeysActsNameTheKeyAndNeverItsSecret() {
        String secret = platform.kindred().apiKeys.create("audited-key").secret();
        long keyId = platform.kindred().apiKeys.find("audited-key").orElseThrow().id();
        Http key = platform.http().header("X-Requested-With", null).bearer(secret);
        platform.member("labelled@audit.test", "Labelled");
        long id = platform.kindred().users.byEmail("labelled@audit.test").orElseThrow().id();

        assertEquals(200, key.post("/api/v1/admin/users/" + id + "/labels", Map.of("label", "from-api")).status());

        JsonNode e = find(entries(), "admin_api.post", "/api/v1/admin/users/" + id + "/labels");
        assertEquals("API key audited-key", e.path("actor").asText());
        assertEquals("key:" + keyId, e.path("via").asText());
        assertTrue(entries().stream().noneMatch(x -> x.toString().contains(secret)));
    }

    @Test
    void anUpdateOrDeleteOnTheAuditTableFails() throws SQLException {
        platform.kindred().audit.record("test", "test.recorded", "test:1", "One entry to protect.");
        try (Connection c = DriverManager.getConnection(platform.kindred().config.dbUrl());
             Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE audit_log SET actor = 'nobody'"));
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_log"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
    }

    @Test
    void theConsoleFindsEntriesByActorActionAndDayAndExportsThemAsCsv() {
        String key = platform.kindred().apiKeys.create("searched-key").secret();
        platform.member("searched@audit.test", "Searched");
        long id = platform.kindred().users.byEmail("searched@audit.test").orElseThrow().id();
        platform.http().header("X-Requested-With", null).bearer(key)
                .post("/api/v1/admin/users/" + id + "/labels", Map.of("label", "=HYPERLINK(\"x\")"));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        String found = console.get("/console/audit?actor=searched-key&action=admin_api.&from=" + today + "&until=" + today).body();
        String none = console.get("/console/audit?actor=searched-key&from=2020-01-01&until=2020-01-02").body();
        Http.Response csv = console.get("/console/audit.csv?actor=searched-key");

        assertTrue(found.contains("/api/v1/admin/users/" + id + "/labels"), found);
        assertTrue(!none.contains("/api/v1/admin/users/" + id + "/labels"), "another day finds nothing");
        assertEquals(200, csv.status());
        assertTrue(csv.headers().get("content-type").startsWith("text/csv"));
        assertTrue(csv.body().contains("\"API key searched-key\""), csv.body());
        assertTrue(csv.body().contains("\"via\""), "the header names every column");
        assertEquals(400, console.get("/console/audit?from=yesterday").status());
        assertEquals(403, platform.http().header("X-Requested-With", null).bearer(key).get("/console/audit.csv").status());
    }

    private static List<JsonNode> entries() {
        Http.Response r = platform.admin().get("/api/v1/admin/audit?limit=200");
        assertEquals(200, r.status(), r.body());
        List<JsonNode> list = new ArrayList<>();
        r.json().path("items").forEach(list::add);
        return list;
    }

    private static JsonNode find(List<JsonNode> log, String action, String target) {
        return log.stream().filter(e -> e.path("action").asText().equals(action) && e.path("target").asText().equals(target))
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + " on " + target + " in " + log));
    }

    private static void assertChange(List<JsonNode> log, String action, String target, String before, String after) {
        JsonNode e = find(log, action, target);
        assertEquals(ADMIN, e.path("actor").asText(), e.toString());
        assertEquals(before, e.path("before").asText(), e.toString());
        assertEquals(after, e.path("after").asText(), e.toString());
    }
}
