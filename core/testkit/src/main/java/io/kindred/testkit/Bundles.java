package io.kindred.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks message bundles: every key of one language exists in the other. Plugin tests call it for their own
 * bundles.
 *
 * <pre>{@code
 * Bundles.assertSameKeys(getClass().getClassLoader(), "messages/checkin");
 * }</pre>
 */
public final class Bundles {

    private Bundles() {
    }

    public static Properties load(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundle " + resource);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with the list of keys that one of {@code base.properties} and {@code base_zh_CN.properties} lacks. */
    public static void assertSameKeys(ClassLoader loader, String baseName) {
        Set<String> en = new TreeSet<>(load(loader, baseName + ".properties").stringPropertyNames());
        Set<String> zh = new TreeSet<>(load(loader, baseName + "_zh_CN.properties").stringPropertyNames());
        Set<String> missingInZh = new TreeSet<>(en);
        missingInZh.removeAll(zh);
        Set<String> missingInEn = new TreeSet<>(zh);
        missingInEn.removeAll(en);
        if (!missingInZh.isEmpty() || !missingInEn.isEmpty()) {
            throw new AssertionError(baseName + ": missing in zh_CN " + missingInZh + ", missing in English " + missingInEn);
        }
    }
}
