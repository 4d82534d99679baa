package io.kindred.dist;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Simplified Chinese of everything kindred.jar ships — the theme's bundles and every bundled plugin's — speaks
 * to the member in one register, the polite 您 (docs/theme-guide.md, "Texts and languages"), never the familiar 你.
 */
class ChineseTextsIT {

    private static final String FAMILIAR = "你";

    @Test
    void everyShippedChineseBundleAddressesTheMemberAsNin() throws IOException {
        List<String> checked = new ArrayList<>();
        List<String> familiar = new ArrayList<>();
        try (JarFile jar = new JarFile(KindredProcess.jar().toFile())) {
            for (JarEntry e : jar.stream().toList()) {
                if (isChineseBundle(e.getName())) {
                    check(e.getName(), read(jar.getInputStream(e)), checked, familiar);
                } else if (e.getName().startsWith("bundled-plugins/") && e.getName().endsWith(".jar")) {
                    checkPlugin(e.getName(), read(jar.getInputStream(e)), checked, familiar);
                }
            }
        }
        assertTrue(checked.stream().anyMatch(n -> n.contains("themes/default/messages/messages_zh_CN")), "the theme: " + checked);
        assertTrue(checked.stream().anyMatch(n -> n.contains("kindred-plugin-checkin")), "a plugin: " + checked);
        assertTrue(familiar.isEmpty(), "lines using 你 instead of 您: " + familiar);
    }

    private static void checkPlugin(String name, byte[] pluginJar, List<String> checked, List<String> familiar)
            throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(pluginJar))) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (isChineseBundle(e.getName())) {
                    check(name + "!" + e.getName(), in.readAllBytes(), checked, familiar);
                }
            }
        }
    }

    private static void check(String name, byte[] bundle, List<String> checked, List<String> familiar) {
        checked.add(name);
        for (String line : new String(bundle, StandardCharsets.UTF_8).split("\n")) {
            if (line.contains(FAMILIAR)) {
                familiar.add(name + ": " + line);
            }
        }
    }

    private static boolean isChineseBundle(String entry) {
        return entry.endsWith("_zh_CN.properties");
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
