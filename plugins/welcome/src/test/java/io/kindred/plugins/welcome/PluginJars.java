package io.kindred.plugins.welcome;

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

/** Builds small plugin jars at test time: a PF4J manifest and the compiled classes given. */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * Writes {@code <dir>/<id>-<version>.jar} with the given manifest entries and the class files of
     * {@code classes}, copied from the test class path.
     */
    static Path write(Path dir, String id, String version, String pluginClass, Class<?>... classes) {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", version);
        a.putValue("Plugin-Class", pluginClass);
        a.putValue("Plugin-Description", "test plugin " + id);
        Path jar = dir.resolve(id + "-" + version + ".jar");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
                for (Class<?> c : classes) {
                    String entry = c.getName().replace('.', '/') + ".class";
                    try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                        if (in == null) {
                            throw new IllegalStateException("no class file for " + c.getName());
                        }
                        j.putNextEntry(new JarEntry(entry));
                        in.transferTo(j);
                        j.closeEntry();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
