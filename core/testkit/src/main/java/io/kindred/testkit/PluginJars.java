package io.kindred.testkit;

import io.kindred.api.KindredPlugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Packs a plugin class of a test (a stand-in for another plugin) into a PF4J plugin jar of its own, so that
 * the platform loads it the way it loads third-party jars, with its own class loader.
 *
 * <pre>{@code
 * Path jar = PluginJars.build(tempDir, "membership-fake", FakeMembershipPlugin.class);
 * TestPlatform.builder().plugin(Fixture.JAR).plugin(jar).start();
 * }</pre>
 */
public final class PluginJars {

    private PluginJars() {
    }

    /**
     * @param dir         where to write {@code <id>-1.0.0.jar}
     * @param id          the plugin id
     * @param pluginClass the plugin's main class
     * @param others      further classes the plugin needs (nested or helper classes), packed as they are
     * @return the jar
     */
    public static Path build(Path dir, String id, Class<? extends KindredPlugin> pluginClass, Class<?>... others) {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Class", pluginClass.getName());
        a.putValue("Plugin-Description", "test stand-in " + id);
        Path jar = dir.resolve(id + "-1.0.0.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            add(j, pluginClass);
            for (Class<?> c : others) {
                add(j, c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static void add(JarOutputStream j, Class<?> c) throws IOException {
        String entry = c.getName().replace('.', '/') + ".class";
        try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IOException("class file not found: " + entry);
            }
            j.putNextEntry(new JarEntry(entry));
            in.transferTo(j);
            j.closeEntry();
        }
    }
}
