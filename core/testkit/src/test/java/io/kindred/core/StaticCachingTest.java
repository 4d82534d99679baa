package io.kindred.core;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the Lighthouse audit of a phone visit asks of the server, outside the theme: the theme's files and the
 * WebJars have URLs a browser may keep a year, everything static revalidates with 304, pages and files travel
 * compressed, pages name their encoding, and HTTPS sites send HSTS.
 */
class StaticCachingTest {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static TestPlatform p;

    @BeforeAll
    static void start() throws IOException {
        p = TestPlatform.builder().setting("site.theme", "audited").start();
        Path templates = Files.createDirectories(p.dataDir().resolve("themes/audited/templates"));
        // The audited theme's home page is only the two URLs the templates' functions give.
        Files.writeString(templates.resolve("home.peb"), "{{ themeAsset('kindred.css') }} {{ webjar('htmx.org', 'dist/htmx.min.js') }}");
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void theThemesStylesheetHasAFingerprintedUrlKeptAYearAndItsPlainUrlRevalidatesWith304() throws Exception {
        Http visitor = p.http();
        String hash = sha256(resource("themes/default/static/kindred.css")).substring(0, 10);
        Http.Response fingerprinted = visitor.get("/assets/kindred." + hash + ".css");
        assertEquals(200, fingerprinted.status());
        assertEquals(IMMUTABLE, fingerprinted.headers().get("cache-control"));
        assertTrue(fingerprinted.headers().get("content-type").startsWith("text/css"));
        assertEquals(404, visitor.get("/assets/kindred.0123456789.css").status(), "a stale hash is not the file");

        assertRevalidates(visitor, "/assets/kindred.css");
        assertEquals("/assets/kindred." + hash + ".css " + versionedHtmx(), visitor.get("/").body().trim(),
                "templates get both URLs from themeAsset() and webjar()");
    }

    @Test
    void aWebJarFileUnderItsVersionIsKeptAYearAndWithoutItRevalidatesWith304() {
        Http visitor = p.http();
        Http.Response versioned = visitor.get(versionedHtmx());
        assertEquals(200, versioned.status(), versionedHtmx());
        assertEquals(IMMUTABLE, versioned.headers().get("cache-control"));
        assertTrue(versioned.body().contains("htmx"));
        assertEquals(404, visitor.get("/webjars/htmx.org/0.0.1/dist/htmx.min.js").status(), "another version is not served");
        assertRevalidates(visitor, "/webjars/htmx.org/dist/htmx.min.js");
    }

    @Test
    void theBrandStylesheetManifestAndIconsRevalidateWith304() {
        Http visitor = p.http();
        for (String path : List.of("/brand.css", "/manifest.webmanifest", "/favicon.svg", "/icon-192.png")) {
            assertRevalidates(visitor, path);
        }
    }

    @Test
    void pagesAndTheirFilesTravelCompressedAndPagesNameTheirEncoding() {
        Http visitor = p.http();
        Map<String, String> gzip = Map.of("Accept-Encoding", "gzip");
        for (String path : List.of("/signin", "/assets/kindred.css", "/webjars/htmx.org/dist/htmx.min.js")) {
            assertEquals("gzip", visitor.send("GET", path, null, gzip).headers().get("content-encoding"), path);
        }
        Http.Response home = visitor.get("/signin");
        assertEquals("text/html;charset=utf-8", home.headers().get("content-type").toLowerCase().replace(" ", ""));
        assertNull(home.headers().get("strict-transport-security"), "no HSTS over plain HTTP");
    }

    @Test
    void aSiteServedOverHttpsTellsBrowsersToStayOnHttps() {
        try (TestPlatform https = TestPlatform.builder().setting("site.url", "https://club.example").start()) {
            Http.Response home = https.http().get("/");
            assertEquals("max-age=31536000", home.headers().get("strict-transport-security"));
        }
    }

    private static void assertRevalidates(Http visitor, String path) {
        Http.Response first = visitor.get(path);
        assertEquals(200, first.status(), path);
        String etag = first.headers().get("etag");
        assertNotNull(etag, path + " has an ETag");
        Http.Response again = visitor.send("GET", path, null, Map.of("If-None-Match", etag));
        assertEquals(304, again.status(), path + " revalidates");
        assertEquals(0, again.bytes().length, path);
        assertFalse(first.headers().getOrDefault("cache-control", "").contains("no-store"), path);
    }

    private static String versionedHtmx() {
        try (InputStream in = StaticCachingTest.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/htmx.org/pom.properties")) {
            Matcher m = Pattern.compile("version=(\\S+)").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(m.find());
            return "/webjars/htmx.org/" + m.group(1) + "/dist/htmx.min.js";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StaticCachingTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
