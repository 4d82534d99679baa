package io.kindred.server.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Memory suited to a small brand when the operator gives no JVM flags: {@code java -jar kindred.jar} (the server,
 * no command) starts the same jar again in a child JVM with {@link #FLAGS} and waits for it. Output and exit code
 * are the child's; SIGTERM/Ctrl-C are passed on (the child stops in order, both exit 0); the child halts at once
 * when its launcher is killed (kill -9 ends both). Without this, the JVM sizes its heap to a quarter of the
 * machine's memory and keeps what a burst of traffic made it grow to. Never relaunches when any JVM flag is given
 * (on the command line, {@code JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS}), when {@code KINDRED_NO_RELAUNCH}
 * is set, for a command ({@code backup}, {@code doctor}, ...) or outside the jar. The child maps a class-data
 * archive ({@link ClassArchive}) for a faster start. See docs/operator-guide.md, "Memory".
 */
public final class Relaunch {

    /**
     * A 256 MB heap holds a small brand's pages under load with room to spare, but the JVM would commit all of it
     * at start on a machine with more than 16 GB (initial heap = 1/64 of memory): {@code -Xms32m} starts small and
     * grows with traffic, and the free-ratio flags give memory back after a full collection. The serial collector
     * has no collector threads and the smallest footprint, and its short young pauses suit a heap this size on
     * 1–2 cores; a smaller code cache bounds the JIT's memory. Figures: docs/performance.md.
     */
    public static final List<String> FLAGS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-XX:ReservedCodeCacheSize=64m");
    /** Set in the child's environment; also stops a second relaunch. */
    static final String CHILD = "KINDRED_RELAUNCHED";
    static final String OFF = "KINDRED_NO_RELAUNCH";

    private Relaunch() {
    }

    /**
     * @return the child's command, or empty when this JVM should run Kindred itself
     */
    public static Optional<List<String>> command(List<String> jvmFlags, Map<String, String> env, String[] args, Path jar, Path java,
                                                 List<String> archiveFlags) {
        boolean flagsGiven = !jvmFlags.isEmpty() || present(env, "JAVA_TOOL_OPTIONS") || present(env, "JDK_JAVA_OPTIONS");
        if (flagsGiven || present(env, OFF) || present(env, CHILD) || jar == null || !isServer(args)) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(FLAGS);
        cmd.addAll(archiveFlags);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /** @return true when the arguments run the server: only {@code --port N}, {@code --data DIR}, {@code --dev} */
    public static boolean isServer(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port", "--data" -> i++;
                case "--dev" -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean present(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    /**
     * In the launcher: runs the child when one is due and waits for it.
     *
     * @return the child's exit code, or empty when this JVM should run Kindred itself
     */
    public static OptionalInt ifDue(String[] args, Map<String, String> env) {
        Path jar = ownJar();
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (command(given, env, args, jar, java, List.of()).isEmpty()) {
            return OptionalInt.empty();
        }
        Optional<ClassArchive> archive = ClassArchive.of(env, args, jar, System.getProperty("java.vm.version"));
        Optional<List<String>> cmd = command(given, env, args, jar, java, archive.map(ClassArchive::flags).orElse(List.of()));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd.get()).inheritIO();
            pb.environment().put(CHILD, "1");
            Process child = pb.start();
            // SIGTERM and Ctrl-C go on to the child, which stops in order; the launcher then exits with its code (0).
            Cli.onStopSignals(child::destroy);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "kindred-relaunch-stop")); // SIGHUP, -Xrs
            int code = child.waitFor();
            archive.ifPresent(a -> a.afterExit(code));
            return OptionalInt.of(code);
        } catch (IOException e) {
            System.err.println("Kindred could not relaunch itself with " + FLAGS + " (" + e.getMessage() + "); running as started.");
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(1);
        }
    }

    /** In the child: halts at once when the launcher is gone, as if killed with it. */
    public static void followLauncher(Map<String, String> env) {
        Optional<ProcessHandle> launcher = ProcessHandle.current().parent();
        if (!present(env, CHILD) || launcher.isEmpty()) {
            return;
        }
        Thread watch = new Thread(() -> {
            while (launcher.get().isAlive()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(137);
        }, "kindred-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            child.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path ownJar() {
        try {
            Path p = Path.of(Relaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") && Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
