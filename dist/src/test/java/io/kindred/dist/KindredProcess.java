package io.kindred.dist;

import io.kindred.testkit.Http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built {@code kindred.jar} running as the operator runs it: {@code java -jar kindred.jar --port N --data DIR}
 * in a JVM of its own, its output appended to a log file. Close it in a {@code finally} or {@code @AfterEach}:
 * whatever is still running is killed.
 *
 * <pre>{@code
 * try (KindredProcess k = KindredProcess.start(dataDir, log, KindredProcess.adminEnv())) {
 *     assertEquals(200, k.http().get("/healthz").status());
 * }
 * }</pre>
 */
final class KindredProcess implements AutoCloseable {

    static final String ADMIN_EMAIL = "admin@kindred.test";
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path log;

    private KindredProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** @return the environment that makes the first start create the administrator */
    static Map<String, String> adminEnv() {
        return Map.of("KINDRED_ADMIN_EMAIL", ADMIN_EMAIL, "KINDRED_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    /** Starts Kindred on a free port and waits (bounded) until {@code /healthz} answers 200. */
    static KindredProcess start(Path dataDir, Path log, Map<String, String> env) throws IOException {
        KindredProcess k = launch(dataDir, log, env);
        try {
            k.awaitHealthy(START_TIMEOUT);
        } catch (RuntimeException | Error e) {
            k.close();
            throw e;
        }
        return k;
    }

    /** Starts Kindred on a free port without waiting for it. */
    static KindredProcess launch(Path dataDir, Path log, Map<String, String> env) throws IOException {
        int port = freePort();
        Files.writeString(log, "=== java -jar kindred.jar --port " + port + " --data " + dataDir + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder pb = new ProcessBuilder(javaCommand(List.of("--port", String.valueOf(port), "--data", dataDir.toString())))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        cleanEnvironment(pb).putAll(env);
        // Writing the class-data archive costs seconds at the first stop of every fresh data directory; RelaunchIT
        // tests it, the other tests need not pay for it.
        pb.environment().putIfAbsent("KINDRED_CLASS_ARCHIVE", "off");
        return new KindredProcess(pb.start(), port, log);
    }

    /** Runs a command of the jar ({@code backup}, {@code apikey}, {@code doctor}, ...) to its end, within 2 minutes. */
    static CliRun cli(Path dataDir, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>();
        if (dataDir != null) {
            all.add("--data");
            all.add(dataDir.toString());
        }
        all.addAll(List.of(args));
        Path out = Files.createTempFile("kindred-cli-", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(javaCommand(all)).redirectErrorStream(true).redirectOutput(out.toFile());
            cleanEnvironment(pb);
            Process p = pb.start();
            try {
                if (!p.waitFor(2, TimeUnit.MINUTES)) {
                    throw new AssertionError("kindred.jar " + all + " did not finish within 2 minutes");
                }
            } finally {
                p.destroyForcibly();
            }
            return new CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** What a command printed (stdout and stderr together) and how it exited. */
    record CliRun(int exitCode, String output) {

        /** @return the API key printed by {@code apikey create} */
        String apiKey() {
            return output.lines().map(String::trim).filter(l -> l.startsWith("kdk_")).findFirst()
                    .orElseThrow(() -> new AssertionError("no API key in: " + output));
        }
    }

    static Path jar() {
        String jar = System.getProperty("kindred.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property kindred.jar must name the built jar (run through mvn verify), not " + jar);
        }
        return Path.of(jar);
    }

    private static List<String> javaCommand(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(args);
        return cmd;
    }

    /** The child sees no KINDRED_* variable of the build's own environment: only what the test says. */
    private static Map<String, String> cleanEnvironment(ProcessBuilder pb) {
        pb.environment().keySet().removeIf(k -> k.startsWith("KINDRED_"));
        return pb.environment();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(base() + "/healthz")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Kindred exited with " + process.exitValue() + " before it was healthy:\n" + log());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("Kindred did not answer /healthz with 200 within " + timeout + ":\n" + log());
    }

    /** Waits (bounded) until the log contains {@code text}. */
    void awaitLog(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("no '" + text + "' in the log within " + timeout + ":\n" + log());
            }
            sleep(Duration.ofMillis(20));
        }
    }

    int port() {
        return port;
    }

    /** @return the process started with {@code java -jar} (the launcher, when the jar relaunched itself) */
    ProcessHandle handle() {
        return process.toHandle();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** @return a new HTTP client (its own cookie jar) for this server */
    Http http() {
        return new Http(base());
    }

    /** @return a new HTTP client that sends the API key as {@code Authorization: Bearer} */
    Http withApiKey(String key) {
        return http().bearer(key);
    }

    /** @return a new HTTP client signed in as the administrator from {@link #adminEnv()} */
    Http admin() {
        Http admin = http();
        Http.Response r = admin.post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        if (r.status() != 200) {
            throw new AssertionError("admin sign-in answered " + r.status() + ": " + r.body());
        }
        return admin;
    }

    /** @return everything the process printed so far (all starts that shared this log) */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGKILL ({@link Process#destroyForcibly()} on Linux) and waits for the process to be gone. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** Sends SIGTERM ({@link Process#destroy()} on Linux) and waits up to {@code timeout} for the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    private int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Kindred (pid " + process.pid() + ") still runs " + timeout + " after it was told to stop");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
