package io.kindred.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kindred.testkit.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Lighthouse audit (the pinned CLI of {@code dist/audit}, mobile form factor) of a signed-up member's pages on the
 * built jar: accessibility, best practices and performance must reach the thresholds on every page of
 * {@link #PAGES}. Each page's four scores (SEO too, not asserted) are printed on one line; the JSON reports stay in
 * {@code dist/target/audit/}. A page below a threshold is audited twice more and judged by the median. Lighthouse
 * missing is a failure that says how to install it, never a silent skip; it needs no internet while it runs.
 */
class AuditIT {

    /** The member pages audited: Home and Me. */
    static final List<String> PAGES = List.of("/", "/account");
    /** The least score (0–100) of each asserted Lighthouse category. */
    static final Map<String, Integer> THRESHOLDS = thresholds();
    static final String INSTALL_HINT = "Lighthouse is not installed: run `cd dist/audit && npm ci` (Node.js 18.20 or later)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking "
            + "--disable-component-update --disable-sync --no-first-run";

    @TempDir
    Path tmp;

    private static Map<String, Integer> thresholds() {
        Map<String, Integer> t = new LinkedHashMap<>();
        t.put("accessibility", 95);
        t.put("best-practices", 95);
        t.put("performance", 90);
        return t;
    }

    @Test
    void homeAndMeOfAMemberPassTheLighthouseThresholdsOnAPhone() throws Exception {
        Path lighthouse = auditDir().resolve("node_modules/.bin/lighthouse");
        assertTrue(Files.isExecutable(lighthouse), INSTALL_HINT + " (no " + lighthouse + ")");
        Path reports = Files.createDirectories(Path.of("target", "audit"));
        try (KindredProcess k = KindredProcess.start(tmp.resolve("data"), tmp.resolve("kindred.log"), KindredProcess.adminEnv())) {
            String cookie = signUp(k.http());
            List<String> failures = new ArrayList<>();
            for (String page : PAGES) {
                Path report = reports.resolve(reportName(page));
                Map<String, Integer> scores = audit(lighthouse, k.base() + page, cookie, report);
                System.out.println("Lighthouse " + page + ": " + scores);
                THRESHOLDS.forEach((category, least) -> {
                    if (scores.getOrDefault(category, 0) < least) {
                        failures.add(page + " " + category + " " + scores.get(category) + " < " + least
                                + failedAudits(report, category));
                    }
                });
            }
            assertTrue(failures.isEmpty(), "Lighthouse below the thresholds (reports in " + reports.toAbsolutePath()
                    + "):\n" + String.join("\n", failures));
        }
    }

    /** Signs a new member up and returns their session cookie ({@code name=value}). */
    private static String signUp(Http visitor) {
        Http.Response r = visitor.post("/api/v1/auth/register", Map.of("email", "lin@audit.test",
                "password", "member-password-1", "displayName", "Lin"));
        assertEquals(201, r.status(), r.body());
        String setCookie = r.headers().getOrDefault("set-cookie", "");
        int end = setCookie.indexOf(';');
        assertTrue(end > 0, "the sign-up sets a session cookie: " + setCookie);
        return setCookie.substring(0, end);
    }

    static Path auditDir() {
        return Path.of(System.getProperty("kindred.audit.dir", "audit"));
    }

    private static String reportName(String page) {
        String name = page.equals("/") ? "home" : page.substring(1).replace('/', '-');
        return name + ".report.json";
    }

    /**
     * Audits a page once; when a threshold is missed, twice more, and takes each category's median: the performance
     * score of one run moves by several points with the load of a shared machine (Lighthouse's own advice).
     */
    private Map<String, Integer> audit(Path lighthouse, String url, String cookie, Path report) throws Exception {
        Path log = tmp.resolve("lighthouse.log");
        run(lighthouse, url, cookie, report, log);
        Map<String, Integer> first = scores(report);
        if (THRESHOLDS.entrySet().stream().allMatch(t -> first.getOrDefault(t.getKey(), 0) >= t.getValue())) {
            return first;
        }
        List<Map<String, Integer>> runs = new ArrayList<>(List.of(first));
        for (int i = 2; i <= 3; i++) {
            Path again = report.resolveSibling(report.getFileName().toString().replace(".report.json", "." + i + ".report.json"));
            run(lighthouse, url, cookie, again, log);
            runs.add(scores(again));
        }
        Map<String, Integer> median = new LinkedHashMap<>();
        for (String category : first.keySet()) {
            median.put(category, runs.stream().map(r -> r.get(category)).sorted().toList().get(1));
        }
        System.out.println("Lighthouse " + url + " three runs: " + runs);
        return median;
    }

    private static void run(Path lighthouse, String url, String cookie, Path report, Path log) throws Exception {
        List<String> cmd = List.of(lighthouse.toAbsolutePath().toString(), url,
                "--output=json", "--output-path=" + report.toAbsolutePath(), "--quiet",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--chrome-flags=" + CHROME_FLAGS,
                "--extra-headers=" + JSON.writeValueAsString(Map.of("Cookie", cookie)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putIfAbsent("CHROME_PATH", "/usr/bin/chromium");
        Process p = pb.start();
        try {
            if (!p.waitFor(4, TimeUnit.MINUTES)) {
                throw new AssertionError("Lighthouse did not finish " + url + " within 4 minutes:\n" + Files.readString(log));
            }
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), "Lighthouse failed on " + url + ":\n" + Files.readString(log));
    }

    /** @return each category's score, 0–100 (a category Lighthouse could not score counts 0) */
    static Map<String, Integer> scores(Path report) throws IOException {
        JsonNode categories = JSON.readTree(report.toFile()).path("categories");
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String id : List.of("performance", "accessibility", "best-practices", "seo")) {
            JsonNode score = categories.path(id).path("score");
            scores.put(id, score.isNumber() ? (int) Math.round(score.asDouble() * 100) : 0);
        }
        return scores;
    }

    /** @return the ids and titles of the category's weighted audits that did not pass, to show what to fix */
    private static String failedAudits(Path report, String category) {
        try {
            JsonNode root = JSON.readTree(report.toFile());
            StringBuilder out = new StringBuilder();
            for (JsonNode ref : root.path("categories").path(category).path("auditRefs")) {
                JsonNode audit = root.path("audits").path(ref.path("id").asText());
                if (ref.path("weight").asDouble() > 0 && audit.path("score").isNumber() && audit.path("score").asDouble() < 0.9) {
                    out.append("\n    ").append(ref.path("id").asText()).append(": ").append(audit.path("title").asText());
                }
            }
            return out.toString();
        } catch (IOException e) {
            return " (" + e + ")";
        }
    }
}
