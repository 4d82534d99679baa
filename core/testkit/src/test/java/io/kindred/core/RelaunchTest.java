package io.kindred.core;

import io.kindred.server.cli.Relaunch;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When {@code java -jar kindred.jar} starts itself again with the heap flags for a small brand, and when not. */
class RelaunchTest {

    private static final Path JAR = Path.of("/opt/kindred/kindred.jar");
    private static final Path JAVA = Path.of("/usr/bin/java");

    @Test
    void theServerStartedWithoutFlagsRelaunchesWithTheSmallBrandFlagsAndTheSameArguments() {
        Optional<List<String>> cmd = Relaunch.command(List.of(), Map.of(), new String[]{"--port", "8080", "--data", "/d"}, JAR, JAVA, List.of());
        assertEquals(List.of("/usr/bin/java", "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30", "-XX:ReservedCodeCacheSize=64m", "-jar",
                "/opt/kindred/kindred.jar", "--port", "8080", "--data", "/d"), cmd.orElseThrow());
    }

    @Test
    void anyJvmFlagOrTheSwitchOrACommandOrAClassesDirectoryKeepsOneJvm() {
        String[] serve = {};
        assertTrue(Relaunch.command(List.of("-Xmx1g"), Map.of(), serve, JAR, JAVA, List.of()).isEmpty());
        assertTrue(Relaunch.command(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"), serve, JAR, JAVA, List.of()).isEmpty());
        assertTrue(Relaunch.command(List.of(), Map.of("JDK_JAVA_OPTIONS", "-XX:+UseZGC"), serve, JAR, JAVA, List.of()).isEmpty());
        assertTrue(Relaunch.command(List.of(), Map.of("KINDRED_NO_RELAUNCH", "1"), serve, JAR, JAVA, List.of()).isEmpty());
        assertTrue(Relaunch.command(List.of(), Map.of("KINDRED_RELAUNCHED", "1"), serve, JAR, JAVA, List.of()).isEmpty());
        assertTrue(Relaunch.command(List.of(), Map.of(), new String[]{"--data", "/d", "backup", "--to", "x"}, JAR, JAVA, List.of()).isEmpty());
        assertTrue(Relaunch.command(List.of(), Map.of(), new String[]{"--version"}, JAR, JAVA, List.of()).isEmpty());
        assertTrue(Relaunch.command(List.of(), Map.of(), serve, null, JAVA, List.of()).isEmpty());
    }
}
