package io.kindred.plugins.welcome;

import io.kindred.server.plugins.BundledPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Extraction of the plugins that travel inside kindred.jar into {@code <data>/plugins/}. The bundle index
 * only exists in the single jar, so each test builds a bundle of its own and runs
 * {@link BundledPlugins#extract(Path)} in a class loader that sees that bundle.
 */
class BundledPluginsIT {

    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aThirdPartyJarIsNeverTouchedByExtractionOrUpgrade() throws Exception {
        Path plugins = tmp.resolve("plugins");
        Path thirdParty = PluginJars.write(plugins, "acme-loyalty", "2.0.0", "com.acme.LoyaltyPlugin");
        byte[] thirdPartyBytes = Files.readAllBytes(thirdParty);
        Files.setLastModifiedTime(thirdParty, FileTime.from(LONG_AGO));

        assertEquals(List.of("gift"), extract(bundle("v1", "gift", "0.1.0"), plugins));
        assertTrue(Files.exists(plugins.resolve("gift-0.1.0.jar")));
        assertEquals(List.of("gift"), extract(bundle("v2", "gift", "0.2.0"), plugins));
        assertTrue(Files.exists(plugins.resolve("gift-0.2.0.jar")), "the newer bundled jar is extracted");
        assertFalse(Files.exists(plugins.resolve("gift-0.1.0.jar")), "the bundled jar it replaces is removed");

        assertArrayEquals(thirdPartyBytes, Files.readAllBytes(thirdParty));
        assertEquals(FileTime.from(LONG_AGO), Files.getLastModifiedTime(thirdParty));
        assertEquals("gift-0.2.0.jar 0.2.0", ledger(plugins).getProperty("gift"));
        assertFalse(ledger(plugins).containsKey("acme-loyalty"), "only bundled jars are remembered as extracted");
    }

    @Test
    void anUnchangedBundledJarIsLeftAsItIsOnTheNextStart() throws Exception {
        Path plugins = tmp.resolve("plugins");
        Path bundle = bundle("v1", "gift", "0.1.0");
        extract(bundle, plugins);
        Path extracted = plugins.resolve("gift-0.1.0.jar");
        Files.setLastModifiedTime(extracted, FileTime.from(LONG_AGO));

        extract(bundle, plugins);
        assertEquals(FileTime.from(LONG_AGO), Files.getLastModifiedTime(extracted));
    }

    @Test
    void anOlderBundleDoesNotDowngradeAnExtractedPlugin() throws Exception {
        Path plugins = tmp.resolve("plugins");
        extract(bundle("v2", "gift", "0.2.0"), plugins);
        extract(bundle("v1", "gift", "0.1.0"), plugins);
        assertTrue(Files.exists(plugins.resolve("gift-0.2.0.jar")));
        assertFalse(Files.exists(plugins.resolve("gift-0.1.0.jar")));
        assertEquals("gift-0.2.0.jar 0.2.0", ledger(plugins).getProperty("gift"));
    }

    @Test
    void withoutABundleNothingIsWritten() throws Exception {
        Path plugins = tmp.resolve("plugins");
        Path thirdParty = PluginJars.write(plugins, "acme-loyalty", "2.0.0", "com.acme.LoyaltyPlugin");
        assertEquals(List.of(), BundledPlugins.extract(plugins), "the test class path carries no bundle");
        try (var files = Files.list(plugins)) {
            assertEquals(List.of(thirdParty), files.toList());
        }
    }

    /** A folder laid out as kindred.jar lays out its bundle: {@code bundled-plugins/index.txt} and the jars. */
    private Path bundle(String name, String id, String version) throws IOException {
        Path root = tmp.resolve("bundle-" + name);
        Path dir = root.resolve("bundled-plugins");
        Path jar = PluginJars.write(dir, id, version, "io.kindred.plugins." + id + ".GiftPlugin");
        Files.writeString(dir.resolve("index.txt"), jar.getFileName() + "\n", StandardCharsets.UTF_8);
        return root;
    }

    /** Runs the server's extraction with {@code bundle} where kindred.jar would be. */
    @SuppressWarnings("unchecked")
    private static List<String> extract(Path bundle, Path plugins) throws Exception {
        URL server = BundledPlugins.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new BundleLoader(new URL[]{bundle.toUri().toURL(), server})) {
            Class<?> extraction = loader.loadClass(BundledPlugins.class.getName());
            return (List<String>) extraction.getMethod("extract", Path.class).invoke(null, plugins);
        }
    }

    private static Properties ledger(Path plugins) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(plugins.resolve(".bundled"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    /** Loads BundledPlugins itself from its own URLs (so that it finds the bundle there), all else from the test. */
    private static final class BundleLoader extends URLClassLoader {

        BundleLoader(URL[] urls) {
            super(urls, BundledPluginsIT.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(BundledPlugins.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
        }
    }
}
