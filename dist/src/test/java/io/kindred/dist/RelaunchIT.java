package io.kindred.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar kindred.jar} without JVM flags runs the server in a child JVM with a heap for a small brand
 * (issue 21), which dies with its launcher: kill -9 of what the operator started leaves nothing running.
 * {@code KINDRED_NO_RELAUNCH} keeps everything in one JVM.
 */
class RelaunchIT {

    @TempDir
    Path dir;

    @Test
    void theJarWithoutFlagsServesFromAChildWithASmallHeapThatDiesWhenTheLauncherIsKilled() throws Exception {
        try (KindredProcess k = KindredProcess.start(dir.resolve("data"), dir.resolve("kindred.log"), KindredProcess.adminEnv())) {
            List<ProcessHandle> children = k.handle().children().toList();
            assertEquals(1, children.size(), "children of the launcher: " + children);
            ProcessHandle child = children.get(0);
            List<String> args = List.of(child.info().arguments().orElse(new String[0]));
            assertTrue(args.contains("-Xmx256m") && args.contains("-XX:+UseSerialGC"), String.valueOf(args));
            assertEquals(200, k.http().get("/healthz").status());

            assertEquals(137, k.kill());
            child.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(child.isAlive());
        }
    }

    @Test
    void sigtermToTheLauncherStopsTheChildInOrderAndBothExitZero() throws Exception {
        try (KindredProcess k = KindredProcess.start(dir.resolve("data"), dir.resolve("kindred.log"), KindredProcess.adminEnv())) {
            ProcessHandle child = k.handle().children().findFirst().orElseThrow();
            assertEquals(0, k.terminate(java.time.Duration.ofSeconds(60)), k.log());
            assertFalse(child.isAlive());
            assertTrue(k.log().contains("Kindred stopped"), k.log());
        }
    }

    @Test
    void theFirstCleanStopWritesAClassArchiveThatTheNextStartMaps() throws Exception {
        Map<String, String> env = new HashMap<>(KindredProcess.adminEnv());
        env.put("KINDRED_CLASS_ARCHIVE", "on");
        Path data = dir.resolve("data");
        try (KindredProcess k = KindredProcess.start(data, dir.resolve("kindred.log"), env)) {
            assertEquals(0, k.terminate(java.time.Duration.ofSeconds(120)), k.log());
        }
        List<Path> archives;
        try (var files = java.nio.file.Files.list(data.resolve("cache"))) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(archives.get(0).toString().endsWith(".jsa"), archives.toString());

        try (KindredProcess k = KindredProcess.start(data, dir.resolve("kindred.log"), env)) {
            ProcessHandle child = k.handle().children().findFirst().orElseThrow();
            List<String> args = List.of(child.info().arguments().orElse(new String[0]));
            assertTrue(args.contains("-XX:SharedArchiveFile=" + archives.get(0)), String.valueOf(args));
            assertEquals(200, k.http().get("/healthz").status());
        }
    }

    @Test
    void kindredNoRelaunchRunsTheServerInTheJvmTheOperatorStarted() throws Exception {
        Map<String, String> env = new HashMap<>(KindredProcess.adminEnv());
        env.put("KINDRED_NO_RELAUNCH", "1");
        try (KindredProcess k = KindredProcess.start(dir.resolve("data"), dir.resolve("kindred.log"), env)) {
            assertEquals(200, k.http().get("/healthz").status());
            assertEquals(0, k.handle().children().count());
        }
    }
}
