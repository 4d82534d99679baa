package io.kindred.plugins.welcome;

import io.kindred.plugins.welcome.sink.SinkPlugin;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A disabled plugin lets go of its class loader. Each test disables and enables a plugin many times through
 * the admin API, using what it contributed in every round, then checks that every old class loader was
 * collected (a weak reference to each clears after GC) and that metaspace stayed flat.
 */
class ClassLoaderLeakIT {

    private static final Path WELCOME = Path.of(System.getProperty("kindred.plugin.jar"));
    private static final int ROUNDS = 30;
    private static final int WARM_UP_ROUNDS = 10;
    private static final long METASPACE_SLACK_BYTES = 4L * 1024 * 1024;

    /** What one round does with the started plugin before it is switched off. */
    @FunctionalInterface
    private interface Exercise {
        void run(TestPlatform p, Http admin, int round);
    }

    @TempDir
    Path jars;

    @Test
    void welcomePluginSwitchedOffAndOnThirtyTimesLeavesNoOldClassLoader() {
        try (TestPlatform p = TestPlatform.builder().plugin(WELCOME).start()) {
            cycleAndCheck(p, "welcome", (platform, admin, round) -> {
                Http member = platform.member("member" + round + "@kindred.test", "Member " + round);
                platform.awaitEvents();
                Http.Response mine = member.get("/api/v1/welcome/me");
                assertEquals(200, mine.status(), mine.body());
                assertTrue(mine.json().path("received").asBoolean(), "round " + round + ": the handler gave the gift");
                assertEquals(200, admin.get("/api/v1/admin/welcome/stats").status());
            });
        }
    }

    @Test
    void pluginUsingEveryExtensionPointSwitchedOffAndOnThirtyTimesLeavesNoOldClassLoader() {
        Path sink = PluginJars.writePackage(jars, "sink", "1.0.0", SinkPlugin.class, "sink-plugin");
        try (TestPlatform p = TestPlatform.builder().plugin(sink).start()) {
            cycleAndCheck(p, "sink", ClassLoaderLeakIT::useEverythingOfSink);
        }
    }

    @Test
    void pluginUpgradedTwentyTimesAtRunTimeLeavesNoOldClassLoader() throws Exception {
        try (TestPlatform p = TestPlatform.builder().start()) {
            Http admin = p.admin();
            assertEquals(201, upload(admin, sinkJar("1.0.0")).status());
            measure("sink upgrades", 20, round -> useThenUpgrade(p, admin, round));
        }
    }

    /** Uses the running version, uploads the next one; returns a weak reference to the replaced run's class loader. */
    private WeakReference<ClassLoader> useThenUpgrade(TestPlatform p, Http admin, int round) throws Exception {
        ClassLoader loader = p.kindred().plugins.classLoaderOf("sink").orElseThrow();
        useEverythingOfSink(p, admin, round);
        Http.Response r = upload(admin, sinkJar("1.0." + round));
        assertEquals(200, r.status(), r.body());
        assertEquals("1.0." + round, r.json().path("plugin").path("version").asText());
        assertNotSame(loader, p.kindred().plugins.classLoaderOf("sink").orElseThrow(), "the new version has a new loader");
        return new WeakReference<>(loader);
    }

    private Path sinkJar(String version) {
        return io.kindred.testkit.PluginJars.plugin("sink", version, SinkPlugin.class).withPackage().resources("sink-plugin")
                .write(jars.resolve(version));
    }

    private static Http.Response upload(Http admin, Path jar) throws java.io.IOException {
        return admin.postMultipart("/api/v1/admin/plugins", Map.of(), "jar", jar);
    }

    /** Events in and out, JSON bodies of its own types, Jdbi row mappers, a page, a widget, messages, a job. */
    private static void useEverythingOfSink(TestPlatform p, Http admin, int round) {
        Http member = p.member("member" + round + "@kindred.test", "Member " + round);
        Http.Response added = member.post("/api/v1/sink/notes", Map.of("text", "note " + round));
        assertEquals(201, added.status(), added.body());
        p.awaitEvents();
        Http.Response notes = member.get("/api/v1/sink/notes");
        assertEquals(200, notes.status(), notes.body());
        assertEquals(2, notes.json().path("items").size(), "the welcome note from the handler and the posted one");
        assertEquals(3, member.get("/api/v1/me/balances").json().path("balances").path("sinkstars").asLong());

        Http.Response page = member.get("/sink");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("note " + round), page.body());
        Http.Response chinese = member.header("Accept-Language", "zh-CN").get("/sink");
        assertEquals(200, chinese.status());
        Http.Response home = member.get("/");
        assertEquals(200, home.status(), home.body());

        long ticks = ticks(p);
        long deadline = System.currentTimeMillis() + 5_000;
        while (ticks(p) == ticks && System.currentTimeMillis() < deadline) {
            sleep(50);
        }
        assertTrue(ticks(p) > ticks, "round " + round + ": the job ran");
    }

    private static long ticks(TestPlatform p) {
        return p.kindred().database.read(h -> h.createQuery("SELECT ticks FROM sink_ticks").mapTo(Long.class).one());
    }

    private static void cycleAndCheck(TestPlatform p, String pluginId, Exercise exercise) {
        Http admin = p.admin();
        measure(pluginId, ROUNDS, round -> useThenSwitchOffAndOn(p, admin, pluginId, exercise, round));
        exercise.run(p, admin, ROUNDS + 1);
    }

    /** One round that retires a class loader: returns a weak reference to it. */
    @FunctionalInterface
    private interface Round {
        WeakReference<ClassLoader> run(int round) throws Exception;
    }

    /** Runs the rounds, then checks that every retired class loader was collected and metaspace stayed flat. */
    private static void measure(String what, int rounds, Round round) {
        List<WeakReference<ClassLoader>> oldLoaders = new ArrayList<>();
        long metaspaceAfterWarmUp = 0;
        for (int i = 1; i <= rounds; i++) {
            try {
                oldLoaders.add(round.run(i));
            } catch (Exception e) {
                throw new IllegalStateException("round " + i + " of " + what, e);
            }
            if (i == WARM_UP_ROUNDS) {
                collect(oldLoaders);
                metaspaceAfterWarmUp = metaspaceUsed();
            }
        }
        boolean collected = collect(oldLoaders);
        long metaspaceAtEnd = metaspaceUsed();
        long alive = oldLoaders.stream().filter(r -> r.get() != null).count();
        System.out.printf("ClassLoaderLeakIT[%s]: %d rounds, %d old loaders alive; metaspace used after %d rounds %.2f MB,"
                        + " after %d rounds %.2f MB (growth %.2f MB)%n", what, rounds, alive, WARM_UP_ROUNDS,
                metaspaceAfterWarmUp / 1048576.0, rounds, metaspaceAtEnd / 1048576.0,
                (metaspaceAtEnd - metaspaceAfterWarmUp) / 1048576.0);
        assertTrue(collected, alive + " of " + rounds + " old class loaders (" + what + ") are still reachable");
        assertTrue(metaspaceAtEnd - metaspaceAfterWarmUp < METASPACE_SLACK_BYTES, "metaspace grew by "
                + (metaspaceAtEnd - metaspaceAfterWarmUp) + " bytes over " + (rounds - WARM_UP_ROUNDS) + " rounds");
    }

    /**
     * Uses the started plugin, then disables and enables it; returns a weak reference to the class loader of
     * the run that was just stopped. A method of its own so that no local variable keeps the loader alive.
     */
    private static WeakReference<ClassLoader> useThenSwitchOffAndOn(TestPlatform p, Http admin, String pluginId,
                                                                    Exercise exercise, int round) {
        ClassLoader loader = p.kindred().plugins.classLoaderOf(pluginId).orElseThrow();
        exercise.run(p, admin, round);
        Http.Response off = admin.post("/api/v1/admin/plugins/" + pluginId + "/disable", Map.of());
        assertEquals("DISABLED", off.json().path("plugin").path("state").asText(), off.body());
        Http.Response on = admin.post("/api/v1/admin/plugins/" + pluginId + "/enable", Map.of());
        assertEquals("STARTED", on.json().path("plugin").path("state").asText(), on.body());
        assertNotSame(loader, p.kindred().plugins.classLoaderOf(pluginId).orElseThrow(), "a new run has a new loader");
        return new WeakReference<>(loader);
    }

    /** Runs full collections until every referenced loader is gone, or gives up after a few seconds. */
    private static boolean collect(List<WeakReference<ClassLoader>> loaders) {
        for (int attempt = 0; attempt < 40; attempt++) {
            System.gc();
            if (loaders.stream().allMatch(r -> r.get() == null)) {
                return true;
            }
            sleep(100);
        }
        return false;
    }

    private static long metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace"))
                .mapToLong(pool -> pool.getUsage().getUsed())
                .findFirst().orElseThrow(() -> new IllegalStateException("no Metaspace memory pool"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
