package io.kindred.dist;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The developer kit as a third-party developer meets it: in an empty directory, with nothing but the
 * artifacts that {@code mvn install} put into the local Maven repository, the archetype generates a plugin
 * whose offline build passes, and whose jar installs into a running Kindred through the console.
 *
 * <p>Maven runs as a subprocess ({@code maven.home} of the outer build, else {@code mvn} on the PATH), offline,
 * on the outer build's local repository. The artifacts must be installed first: the README's test command
 * is {@code mvn install}, which installs every module before this one (dist) runs its tests.
 */
@Isolated("Runs Maven builds of its own (the archetype and the generated plugin): it runs with no other test class beside it.")
class PluginDevKitIT {

    private static final String KINDRED_VERSION = System.getProperty("kindred.version");
    private static final String ARCHETYPE_PLUGIN = "org.apache.maven.plugins:maven-archetype-plugin:"
            + System.getProperty("kindred.archetype.plugin.version") + ":generate";
    private static final Path LOCAL_REPO = Path.of(System.getProperty("kindred.maven.repo.local"));

    /** The generated plugin's jar, built once for every test of this class, in {@link #workDir}. */
    private static Path generatedJar;
    private static Path workDir;

    @AfterAll
    static void deleteTheGeneratedProject() throws IOException {
        if (workDir != null) {
            try (var files = Files.walk(workDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void theArchetypeGeneratesAPluginWhoseOfflineBuildPasses() throws Exception {
        Path jar = generatedPlugin();
        assertTrue(Files.size(jar) > 0, jar.toString());
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            assertEquals("hello", m.getMainAttributes().getValue("Plugin-Id"));
            assertEquals("1.0.0", m.getMainAttributes().getValue("Plugin-Version"));
            assertEquals("com.example.hello.HelloPlugin", m.getMainAttributes().getValue("Plugin-Class"));
            assertEquals(">=" + KINDRED_VERSION, m.getMainAttributes().getValue("Plugin-Requires"));
            assertTrue(j.getEntry("db/hello/V1__greetings.sql") != null, "the migration is in the jar");
            assertTrue(j.getEntry("messages/hello_zh_CN.properties") != null, "the Chinese texts are in the jar");
        }
    }

    /**
     * The last step of the acceptance: the generated jar uploaded through the console's plugin page starts at
     * once, without a restart, and its route answers.
     */
    @Test
    void theGeneratedPluginInstallsThroughTheConsoleAndAnswers() throws Exception {
        Path jar = generatedPlugin();
        try (TestPlatform p = TestPlatform.builder().start()) {
            Http admin = p.admin();
            assertEquals(404, admin.get("/api/v1/hello/me").status(), "not installed yet");

            Http.Response installed = admin.form("/console/plugins").submitFile("/console/plugins/install", "jar", jar);
            assertTrue(installed.status() < 400, installed.status() + " " + installed.body());

            JsonNode hello = null;
            for (JsonNode plugin : admin.get("/api/v1/admin/plugins").json().path("items")) {
                if (plugin.path("id").asText().equals("hello")) {
                    hello = plugin;
                }
            }
            assertTrue(hello != null, "hello is listed");
            assertEquals("STARTED", hello.path("state").asText(), hello.toString());
            assertEquals("1.0.0", hello.path("version").asText(), hello.toString());

            Http alice = p.member("alice@example.com", "Alice");
            p.awaitEvents();
            Http.Response mine = alice.get("/api/v1/hello/me");
            assertEquals(200, mine.status(), mine.body());
            assertTrue(mine.json().path("greeting").path("greeted").asBoolean(), mine.body());
            Http.Response page = alice.header("Accept-Language", "zh-CN").get("/hello");
            assertEquals(200, page.status(), page.body());
            assertTrue(page.body().contains("您好，Alice"), page.body());
        }
    }

    /** The same jar uploaded as a script does it: {@code POST /api/v1/admin/plugins}, multipart field {@code jar}. */
    @Test
    void theGeneratedPluginInstallsThroughTheApi() throws Exception {
        Path jar = generatedPlugin();
        try (TestPlatform p = TestPlatform.builder().start()) {
            Http.Response installed = p.apiClient("ci").postMultipart("/api/v1/admin/plugins", java.util.Map.of(), "jar", jar);
            assertEquals(201, installed.status(), installed.body());
            assertEquals("hello", installed.json().path("plugin").path("id").asText(), installed.body());
            assertEquals("1.0.0", installed.json().path("plugin").path("version").asText(), installed.body());
            assertEquals("STARTED", installed.json().path("plugin").path("state").asText(), installed.body());

            Http alice = p.member("alice@example.com", "Alice");
            p.awaitEvents();
            Http.Response mine = alice.get("/api/v1/hello/me");
            assertEquals(200, mine.status(), mine.body());
            assertTrue(mine.json().path("greeting").path("greeted").asBoolean(), mine.body());
        }
    }

    /** Generates the plugin into an empty temporary directory and builds it, both offline, once. */
    private static synchronized Path generatedPlugin() throws Exception {
        if (generatedJar != null) {
            return generatedJar;
        }
        Path installed = LOCAL_REPO.resolve("io/kindred/kindred-plugin-archetype/" + KINDRED_VERSION
                + "/kindred-plugin-archetype-" + KINDRED_VERSION + ".jar");
        assertTrue(Files.isRegularFile(installed), "the archetype is not installed in " + LOCAL_REPO
                + ": this test runs under `mvn install` (the README's test command), not `mvn verify`");

        Path dir = Files.createTempDirectory("kindred-devkit-");
        workDir = dir;
        long started = System.nanoTime();
        maven(dir, "generate", ARCHETYPE_PLUGIN,
                "-DarchetypeGroupId=io.kindred", "-DarchetypeArtifactId=kindred-plugin-archetype",
                "-DarchetypeVersion=" + KINDRED_VERSION,
                "-DgroupId=com.example", "-DartifactId=kindred-plugin-hello", "-Dversion=1.0.0",
                "-Dpackage=com.example.hello", "-DpluginId=hello", "-DinteractiveMode=false");
        long generated = System.nanoTime();
        Path project = dir.resolve("kindred-plugin-hello");
        assertTrue(Files.isRegularFile(project.resolve("pom.xml")), "the archetype wrote no pom.xml");
        maven(project, "verify", "verify");
        long built = System.nanoTime();
        System.out.printf("archetype:generate %d ms, mvn -o verify of the generated plugin %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(generated - started), TimeUnit.NANOSECONDS.toMillis(built - generated));

        Path jar = project.resolve("target/kindred-plugin-hello-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar);
        assertTrue(Files.isRegularFile(project.resolve("target/failsafe-reports/TEST-com.example.hello.HelloPluginIT.xml")),
                "the generated plugin's end-to-end test ran");
        generatedJar = jar;
        return jar;
    }

    /** Runs Maven offline in {@code dir} on the outer build's local repository; fails with its log if it fails. */
    private static void maven(Path dir, String logName, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(mavenExecutable());
        command.addAll(List.of("-o", "-B", "-ntp", "-Dmaven.repo.local=" + LOCAL_REPO));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("kindred-devkit-" + logName + "-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("MAVEN_OPTS");
        Process process = pb.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " took more than 10 minutes; log: " + log);
        }
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " in " + dir + " exited with " + process.exitValue() + ":\n"
                    + tail(Files.readString(log), 12_000));
        }
        Files.delete(log);
    }

    private static String mavenExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        String name = windows ? "mvn.cmd" : "mvn";
        String home = System.getProperty("kindred.maven.home", "");
        if (!home.isBlank() && !home.startsWith("${") && Files.isRegularFile(Path.of(home, "bin", name))) {
            return Path.of(home, "bin", name).toString();
        }
        return name;
    }

    private static String tail(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max);
    }
}
