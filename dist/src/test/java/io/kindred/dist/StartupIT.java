package io.kindred.dist;

import io.kindred.testkit.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** First start, first administrator, graceful stop and the plugins directory, as the operator meets them. */
@Isolated("Start-up, shutdown and load deadlines: it runs with no other test class beside it.")
class StartupIT {

    private static final Pattern SETUP_TOKEN = Pattern.compile("one-time setup token (\\S+)");
    private static final int REQUEST_STREAMS = 8;

    @TempDir
    Path tmp;
    private final List<KindredProcess> started = new ArrayList<>();
    private final ExecutorService clients = Executors.newFixedThreadPool(REQUEST_STREAMS);

    @AfterEach
    void stopEverything() throws InterruptedException {
        clients.shutdownNow();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        started.forEach(KindredProcess::close);
    }

    private KindredProcess launch(Path data, Map<String, String> env) throws Exception {
        KindredProcess k = KindredProcess.start(data, tmp.resolve("kindred.log"), env);
        started.add(k);
        return k;
    }

    @Test
    void firstStartCreatesTheDataDirectory() throws Exception {
        Path data = tmp.resolve("new-data");

        launch(data, KindredProcess.adminEnv());

        assertTrue(Files.isRegularFile(data.resolve("kindred.db")));
        assertTrue(Files.isDirectory(data.resolve("themes")));
        assertTrue(Files.isDirectory(data.resolve("uploads")));
        assertTrue(Files.readString(data.resolve("kindred.properties")).contains("db.synchronous=FULL"));
        String welcome = bundledWelcomeJar();
        assertArrayEquals(bundledBytes(welcome), Files.readAllBytes(data.resolve("plugins").resolve(welcome)));
    }

    @Test
    void administratorFromTheEnvironmentCanSignInAsSoonAsHealthzAnswers() throws Exception {
        KindredProcess k = launch(tmp.resolve("data"), KindredProcess.adminEnv());

        Http.Response login = k.http().post("/api/v1/auth/login",
                Map.of("email", KindredProcess.ADMIN_EMAIL, "password", KindredProcess.ADMIN_PASSWORD));

        assertEquals(200, login.status(), login.body());
        assertTrue(login.json().path("user").path("roles").toString().contains("admin"), login.body());
    }

    @Test
    void theJarImportsACustomerCsv() throws Exception {
        KindredProcess k = launch(tmp.resolve("data"), KindredProcess.adminEnv());

        Http.Response r = k.admin().raw("POST", "/api/v1/admin/users/import", "text/csv",
                "email,name,labels\nold-customer@startup.test,Old Customer,vip\n");

        assertEquals(200, r.status(), "the libraries in kindred.jar must fit together: " + r.body());
        assertEquals(1, r.json().at("/report/imported").asInt(), r.body());
    }

    @Test
    void theJarServesTheApiDescriptionOfTheCoreAndItsBundledPlugins() throws Exception {
        KindredProcess k = launch(tmp.resolve("data"), KindredProcess.adminEnv());

        Http.Response doc = k.http().get("/api/v1/openapi.json");

        assertEquals(200, doc.status(), doc.body());
        assertEquals("3.1.0", doc.json().path("openapi").asText());
        for (String path : List.of("/api/v1/admin/users", "/healthz", "/api/v1/checkins", "/api/v1/membership/me",
                "/api/v1/shop/items", "/api/v1/welcome/me")) {
            assertTrue(doc.json().path("paths").has(path), path);
        }
        assertEquals(200, k.http().get("/webjars/swagger-ui/swagger-ui-bundle.js").status());
    }

    @Test
    void withoutAdministratorTheLoggedSetupTokenCreatesOneOnce() throws Exception {
        KindredProcess k = launch(tmp.resolve("data"), Map.of());
        String token = awaitSetupToken(k);
        Map<String, String> claim = Map.of("token", token, "email", "owner@brand.test", "password", "owner-password-1",
                "displayName", "Owner");

        Http.Response first = k.http().post("/api/v1/setup", claim);
        assertEquals(201, first.status(), first.body());
        assertTrue(first.json().path("user").path("roles").toString().contains("admin"), first.body());

        Http.Response again = k.http().post("/api/v1/setup", Map.of("token", token, "email", "intruder@brand.test",
                "password", "intruder-password-1", "displayName", "Intruder"));
        assertTrue(again.status() == 403 && "invalid_setup_token".equals(again.errorCode())
                || again.status() == 409 && "setup_done".equals(again.errorCode()), again.status() + " " + again.body());

        Http.Response login = k.http().post("/api/v1/auth/login", Map.of("email", "owner@brand.test", "password", "owner-password-1"));
        assertEquals(200, login.status(), login.body());
    }

    @Test
    void sigtermDuringRequestsAnswersEachFullyOrRefusesAndExitsZero() throws Exception {
        Path data = tmp.resolve("data");
        KindredProcess k = launch(data, KindredProcess.adminEnv());
        String key = KindredProcess.cli(data, "apikey", "create", "shop").apiKey();
        Http.Response member = k.http().post("/api/v1/auth/register",
                Map.of("email", "m@stop.test", "password", "member-password-1", "displayName", "M"));
        assertEquals(201, member.status(), member.body());
        long memberId = member.json().path("user").path("id").asLong();

        AtomicBoolean terminated = new AtomicBoolean();
        Queue<RawHttp.Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Future<?>> streams = new ArrayList<>();
        for (int s = 0; s < REQUEST_STREAMS; s++) {
            int stream = s;
            streams.add(clients.submit(() -> requestUntilRefused(k.port(), key, memberId, stream, terminated, outcomes)));
        }
        KindredProcess.sleep(Duration.ofSeconds(2));
        terminated.set(true);
        int exit = k.terminate(Duration.ofSeconds(20));
        for (Future<?> f : streams) {
            f.get(60, TimeUnit.SECONDS);
        }

        assertEquals(0, exit, "exit status after SIGTERM\n" + k.log());
        assertTrue(k.log().contains("Kindred stopped"), k.log());
        List<RawHttp.Outcome> broken = outcomes.stream().filter(o -> o.kind() == RawHttp.Kind.PARTIAL
                || o.kind() == RawHttp.Kind.COMPLETE && o.status() >= 500 && o.status() != 503).toList();
        assertTrue(broken.isEmpty(), "half or failed answers while stopping: " + broken);
        assertTrue(outcomes.stream().filter(o -> o.kind() == RawHttp.Kind.COMPLETE).count() >= 10,
                "too few requests were answered to tell: " + outcomes.size());

        // A credit whose connection closed without a byte must not have been carried out: posted again, it is new.
        List<RawHttp.Outcome> dropped = outcomes.stream().filter(o -> o.kind() == RawHttp.Kind.DROPPED).toList();
        List<RawHttp.Outcome> droppedCredits = dropped.stream().filter(o -> o.idempotencyKey() != null).toList();
        if (!droppedCredits.isEmpty()) {
            Http shop = launch(data, KindredProcess.adminEnv()).withApiKey(key);
            for (RawHttp.Outcome o : droppedCredits) {
                Http.Response again = shop.post("/api/v1/admin/ledger/adjustments", credit(memberId),
                        Map.of("Idempotency-Key", o.idempotencyKey()));
                assertEquals(201, again.status(), "carried out but never answered: " + o + " -> " + again.body());
            }
        }
        System.out.printf("StartupIT: SIGTERM amid %d requests: %d complete answers, %d refused, %d dropped unanswered %s%n",
                outcomes.size(), outcomes.stream().filter(o -> o.kind() == RawHttp.Kind.COMPLETE).count(),
                outcomes.stream().filter(o -> o.kind() == RawHttp.Kind.REFUSED).count(), dropped.size(),
                dropped.stream().map(RawHttp.Outcome::detail).toList());
    }

    @Test
    void sigtermWhileStartingStopsInOrderOnceStarted() throws Exception {
        Path data = tmp.resolve("data");
        KindredProcess k = KindredProcess.launch(data, tmp.resolve("kindred.log"), KindredProcess.adminEnv());
        started.add(k);
        k.awaitLog("Migrated core to V1", Duration.ofSeconds(60));

        int exit = k.terminate(Duration.ofSeconds(60));

        assertEquals(0, exit, k.log());
        String log = k.log();
        assertTrue(log.contains(" ready on ") && log.indexOf("Kindred stopped") > log.indexOf(" ready on "),
                "started fully, then stopped in order:\n" + log);
        KindredProcess.CliRun doctor = KindredProcess.cli(data, "doctor");
        assertEquals(0, doctor.exitCode(), doctor.output());
    }

    /** Healthz, a ledger check and a credit, each on a new connection, until the server refuses after SIGTERM. */
    private static void requestUntilRefused(int port, String key, long memberId, int stream, AtomicBoolean terminated,
                                            Queue<RawHttp.Outcome> outcomes) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        for (int i = 0; i < 100_000 && System.nanoTime() < deadline; i++) {
            RawHttp.Outcome o = switch (i % 3) {
                case 0 -> RawHttp.send(port, "GET", "/healthz", null, null, null);
                case 1 -> RawHttp.send(port, "GET", "/api/v1/admin/ledger/check", key, null, null);
                default -> RawHttp.send(port, "POST", "/api/v1/admin/ledger/adjustments", key, "stop-" + stream + "-" + i,
                        "{\"userId\":" + memberId + ",\"asset\":\"points\",\"amount\":1,\"reason\":\"sigterm test\"}");
            };
            outcomes.add(o);
            if ((o.kind() == RawHttp.Kind.REFUSED || o.kind() == RawHttp.Kind.DROPPED) && terminated.get()) {
                return;
            }
        }
    }

    /** The same credit as the raw request sends. */
    private static Map<String, Object> credit(long memberId) {
        return Map.of("userId", memberId, "asset", "points", "amount", 1, "reason", "sigterm test");
    }

    @Test
    void thirdPartyJarSurvivesRestartAndDeletedBundledJarComesBack() throws Exception {
        Path data = tmp.resolve("data");
        Path plugins = data.resolve("plugins");
        KindredProcess k = launch(data, KindredProcess.adminEnv());
        assertEquals(0, k.terminate(Duration.ofSeconds(30)), k.log());

        Path thirdParty = plugins.resolve("acme-stamps-1.2.0.jar");
        byte[] thirdPartyBytes = pluginJar("acme-stamps", "1.2.0");
        Files.write(thirdParty, thirdPartyBytes);
        String welcome = bundledWelcomeJar();
        Files.delete(plugins.resolve(welcome));

        KindredProcess again = launch(data, KindredProcess.adminEnv());
        Http.Response health = again.http().get("/healthz");
        assertEquals(200, health.status(), health.body());
        assertTrue(health.body().contains("{\"id\":\"welcome\",\"version\":\"0.1.0\",\"state\":\"STARTED\"}"), health.body());
        assertTrue(health.body().contains("{\"id\":\"acme-stamps\",\"version\":\"1.2.0\",\"state\":\"FAILED\"}"),
                "a jar whose plugin class is missing fails alone: " + health.body());
        assertArrayEquals(bundledBytes(welcome), Files.readAllBytes(plugins.resolve(welcome)), "the bundled jar is extracted again");
        assertEquals(0, again.terminate(Duration.ofSeconds(30)), again.log());

        launch(data, KindredProcess.adminEnv());
        assertArrayEquals(thirdPartyBytes, Files.readAllBytes(thirdParty), "a third-party jar is never touched");
        try (Stream<Path> files = Files.list(plugins)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".extract-")), "no extraction leftovers");
        }
    }

    private static String awaitSetupToken(KindredProcess k) {
        for (int i = 0; i < 300; i++) {
            Matcher m = SETUP_TOKEN.matcher(k.log());
            if (m.find()) {
                return m.group(1);
            }
            KindredProcess.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("no setup token in the log within 30 s:\n" + k.log());
    }

    /** @return the file name of the welcome plugin inside kindred.jar's {@code bundled-plugins/} */
    private static String bundledWelcomeJar() throws IOException {
        try (JarFile jar = new JarFile(KindredProcess.jar().toFile())) {
            Optional<String> name = jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith("bundled-plugins/kindred-plugin-welcome-") && n.endsWith(".jar")).findFirst();
            return name.orElseThrow(() -> new AssertionError("kindred.jar bundles no welcome plugin"))
                    .substring("bundled-plugins/".length());
        }
    }

    private static byte[] bundledBytes(String fileName) throws IOException {
        try (JarFile jar = new JarFile(KindredProcess.jar().toFile());
             InputStream in = jar.getInputStream(jar.getEntry("bundled-plugins/" + fileName))) {
            return in.readAllBytes();
        }
    }

    /** A third-party plugin jar as PF4J reads it: a descriptor in the manifest (its class is not in it). */
    private static byte[] pluginJar(String id, String version) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", version);
        a.putValue("Plugin-Class", "com.acme.stamps.StampsPlugin");
        a.putValue("Plugin-Provider", "ACME");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.putNextEntry(new JarEntry("acme/readme.txt"));
            out.write("stamps".getBytes());
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
