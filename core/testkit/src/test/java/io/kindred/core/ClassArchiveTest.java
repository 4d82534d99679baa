package io.kindred.core;

import io.kindred.server.cli.ClassArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relaunched server's class-data archive: written once per jar and JVM, mapped afterwards, never in the way. */
class ClassArchiveTest {

    @TempDir
    Path tmp;

    private Path jar() throws Exception {
        Path jar = tmp.resolve("kindred.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "jar");
        }
        return jar;
    }

    private ClassArchive archive(Map<String, String> env) throws Exception {
        return ClassArchive.of(env, new String[]{"--data", tmp.resolve("data").toString()}, jar(), "17.0.15").orElseThrow();
    }

    @Test
    void theFirstRunWritesTheArchiveAtExitAndLaterRunsMapIt() throws Exception {
        ClassArchive a = archive(Map.of());
        assertTrue(a.flags().get(0).equals("-XX:ArchiveClassesAtExit=" + a.part()), a.flags().toString());
        assertTrue(a.flags().contains("-Xshare:auto"));

        Files.writeString(a.part(), "archive");
        a.afterExit(0);

        assertTrue(Files.isRegularFile(a.file()));
        assertFalse(Files.exists(a.part()));
        assertEquals("-XX:SharedArchiveFile=" + a.file(), archive(Map.of()).flags().get(0));
    }

    @Test
    void anArchiveOfARunThatDidNotEndCleanlyIsDropped() throws Exception {
        ClassArchive a = archive(Map.of());
        Files.writeString(a.part(), "half");

        a.afterExit(137);

        assertFalse(Files.exists(a.part()));
        assertFalse(Files.exists(a.file()));
    }

    @Test
    void anotherJarOrJvmGetsItsOwnArchiveAndTheOldOneIsRemoved() throws Exception {
        ClassArchive old = archive(Map.of());
        Files.writeString(old.file(), "old");
        ClassArchive otherJvm = ClassArchive.of(Map.of(), new String[]{"--data", tmp.resolve("data").toString()}, jar(), "21.0.1")
                .orElseThrow();
        assertNotEquals(old.file(), otherJvm.file());

        Files.writeString(otherJvm.part(), "new");
        otherJvm.afterExit(0);

        assertFalse(Files.exists(old.file()));
        assertTrue(Files.isRegularFile(otherJvm.file()));
    }

    @Test
    void theSwitchTurnsItOffAndTheDataDirectoryComesFromTheEnvironmentWithoutDataArgument() throws Exception {
        assertTrue(ClassArchive.of(Map.of("KINDRED_CLASS_ARCHIVE", "off"), new String[]{}, jar(), "17").isEmpty());

        ClassArchive a = ClassArchive.of(Map.of("KINDRED_DATA", tmp.resolve("env-data").toString()), new String[]{}, jar(), "17")
                .orElseThrow();

        assertEquals(tmp.resolve("env-data").resolve("cache"), a.file().getParent());
    }
}
