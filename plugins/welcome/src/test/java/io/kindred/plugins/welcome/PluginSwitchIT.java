package io.kindred.plugins.welcome;

import io.kindred.api.web.Handler;
import io.kindred.plugins.welcome.sink.SinkPlugin;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Switching a plugin off at run time takes away everything it contributed at once — routes, pages, nav
 * entries, widgets, listeners, jobs, services — and keeps its data; switching it on brings it all back.
 * Uses the test plugin {@link SinkPlugin}, which contributes one of each.
 */
class PluginSwitchIT {

    @TempDir
    Path jars;

    @Test
    void disablingTakesAwayEveryContributionAtOnceAndKeepsTheData() throws Exception {
        Path sink = PluginJars.writePackage(jars, "sink", "1.0.0", SinkPlugin.class, "sink-plugin");
        try (TestPlatform p = TestPlatform.builder().plugin(sink).start()) {
            Http admin = p.admin();
            Http alice = p.member("alice@kindred.test", "Alice");
            assertEquals(201, alice.post("/api/v1/sink/notes", Map.of("text", "first")).status());
            p.awaitEvents();
            String homeBefore = alice.get("/").body();
            assertTrue(homeBefore.contains("sink-widget"), "the widget is on the home page");
            assertTrue(homeBefore.contains("href=\"/sink\""), "the nav entry is on the home page");
            assertTrue(p.kindred().plugins.services().find(Handler.class).isPresent(), "the service is offered");

            assertEquals(200, admin.post("/api/v1/admin/plugins/sink/disable", Map.of()).status());
            long ticksWhenDisabled = ticks(p);

            assertEquals(404, alice.get("/api/v1/sink/notes").status());
            assertEquals(404, alice.get("/sink").status());
            String home = alice.get("/").body();
            assertFalse(home.contains("sink-widget"), "the widget is gone");
            assertFalse(home.contains("href=\"/sink\""), "the nav entry is gone");
            assertTrue(p.kindred().plugins.services().find(Handler.class).isEmpty(), "the service is withdrawn");
            assertFalse(p.kindred().dispatcher.isActive("sink:welcome-note"));
            Http bob = p.member("bob@kindred.test", "Bob");
            p.awaitEvents();
            Thread.sleep(1_500);
            assertEquals(ticksWhenDisabled, ticks(p), "the job no longer runs, not even once more");

            assertEquals(200, admin.post("/api/v1/admin/plugins/sink/enable", Map.of()).status());
            Http.Response notes = alice.get("/api/v1/sink/notes");
            assertEquals(200, notes.status(), notes.body());
            java.util.List<String> texts = new java.util.ArrayList<>();
            notes.json().path("items").forEach(n -> texts.add(n.path("text").asText()));
            assertTrue(texts.contains("first"), "the data stayed: " + texts);
            assertEquals(2, texts.size(), "Bob joined while the plugin was off: his event is not handed to it later " + texts);
            assertTrue(alice.get("/").body().contains("sink-widget"), "the widget is back");
            assertEquals(200, bob.get("/sink").status());
        }
    }

    @Test
    void switchingWithABodyThatArrivesLateKeepsTheConnectionUsable() throws Exception {
        try (TestPlatform p = TestPlatform.builder().plugin(Path.of(System.getProperty("kindred.plugin.jar"))).start()) {
            String key = p.kindred().apiKeys.create("late-body").secret();
            try (Socket s = new Socket("127.0.0.1", p.kindred().port())) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                out.write(("POST /api/v1/admin/plugins/welcome/disable HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer " + key
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(300); // the body follows the headers late, as it may over a real network
                out.write("{}".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertTrue(readResponse(in).startsWith("HTTP/1.1 200"));

                out.write("GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertTrue(readResponse(in).startsWith("HTTP/1.1 200"), "the same connection answers the next request");
            }
        }
    }

    /** Reads one response with a Content-Length body. */
    private static String readResponse(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new java.io.EOFException("the server closed the connection after: " + head);
            }
            head.append((char) c);
        }
        int length = head.toString().lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .mapToInt(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static long ticks(TestPlatform p) {
        return p.kindred().database.read(h -> h.createQuery("SELECT ticks FROM sink_ticks").mapTo(Long.class).one());
    }
}
