package io.kindred.plugins.welcome;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds small plugin jars at test time from compiled test classes: a PF4J manifest, class files, and
 * optionally a resource folder of the test class path copied to the jar's root.
 */
final class PluginJars {

    private PluginJars() {
    }

    /** Writes {@code <dir>/<id>-<version>.jar} holding the class files of {@code classes}. */
    static Path write(Path dir, String id, String version, String pluginClass, Class<?>... classes) {
        return write(dir, id, version, pluginClass, Stream.of(classes).map(PluginJars::classFile).toList(), null);
    }

    /**
     * Writes {@code <dir>/<id>-<version>.jar} holding every class file of {@code pluginPackage} (nested
     * classes included) and everything under the class-path folder {@code resourceRoot}, at the jar's root.
     */
    static Path writePackage(Path dir, String id, String version, Class<?> pluginClass, String resourceRoot) {
        Path packageDir = classPathFolder(pluginClass.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(packageDir)) {
            Path base = classPathFolder("");
            List<Path> classFiles = files.filter(f -> f.toString().endsWith(".class")).map(base::relativize).toList();
            return write(dir, id, version, pluginClass.getName(), classFiles.stream().map(PluginJars::entryName).toList(),
                    classPathFolder(resourceRoot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path dir, String id, String version, String pluginClass, List<String> classEntries,
                              Path resources) {
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
                for (String entry : classEntries) {
                    try (InputStream in = PluginJars.class.getClassLoader().getResourceAsStream(entry)) {
                        if (in == null) {
                            throw new IllegalStateException("no class file " + entry + " on the test class path");
                        }
                        j.putNextEntry(new JarEntry(entry));
                        in.transferTo(j);
                        j.closeEntry();
                    }
                }
                if (resources != null) {
                    try (Stream<Path> files = Files.walk(resources)) {
                        for (Path f : files.filter(f -> !f.equals(resources)).sorted().toList()) {
                            // directory entries too, as Maven writes them: class loaders find folders by them
                            boolean folder = Files.isDirectory(f);
                            j.putNextEntry(new JarEntry(entryName(resources.relativize(f)) + (folder ? "/" : "")));
                            if (!folder) {
                                Files.copy(f, j);
                            }
                            j.closeEntry();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static String classFile(Class<?> c) {
        return c.getName().replace('.', '/') + ".class";
    }

    private static String entryName(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    private static Path classPathFolder(String name) {
        try {
            var url = PluginJars.class.getClassLoader().getResource(name.isEmpty() ? classFile(PluginJars.class) : name);
            if (url == null || !url.getProtocol().equals("file")) {
                throw new IllegalStateException(name + " is not a folder on the test class path: " + url);
            }
            Path p = Path.of(url.toURI());
            if (name.isEmpty()) {
                // climb from this class file up to the class-path root
                for (int i = 0; i < PluginJars.class.getName().split("\\.").length; i++) {
                    p = p.getParent();
                }
            }
            return p;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
