package io.kindred.testkit;

import io.kindred.api.KindredPlugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Packs plugin classes of a test (a stand-in for another plugin, a plugin of a given version) into a PF4J plugin
 * jar of its own, so that the platform loads it the way it loads third-party jars, with its own class loader.
 *
 * <pre>{@code
 * Path jar = PluginJars.build(tempDir, "membership-fake", FakeMembershipPlugin.class);
 * Path v2 = PluginJars.plugin("notes", "2.0.0", NotesPlugin.class).withPackage().resources("notes-plugin")
 *         .file("db/notes/V2__tags.sql", "CREATE TABLE notes_tags (id ${id})").write(tempDir);
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
        return plugin(id, "1.0.0", pluginClass).classes(others).write(dir);
    }

    /** Starts a jar of a plugin whose entry class is {@code pluginClass}; add classes, resources and manifest lines. */
    public static Builder plugin(String id, String version, Class<? extends KindredPlugin> pluginClass) {
        return new Builder(id, version, pluginClass);
    }

    /** What goes into one plugin jar. */
    public static final class Builder {
        private final String id;
        private final String version;
        private final Class<?> pluginClass;
        private final Map<String, String> manifest = new LinkedHashMap<>();
        private final List<Class<?>> classes = new ArrayList<>();
        private final List<String> resourceRoots = new ArrayList<>();
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private boolean wholePackage;

        private Builder(String id, String version, Class<?> pluginClass) {
            this.id = id;
            this.version = version;
            this.pluginClass = pluginClass;
            classes.add(pluginClass);
            manifest.put("Plugin-Id", id);
            manifest.put("Plugin-Version", version);
            manifest.put("Plugin-Class", pluginClass.getName());
            manifest.put("Plugin-Description", "test plugin " + id);
        }

        /** Packs these classes too. */
        public Builder classes(Class<?>... more) {
            classes.addAll(List.of(more));
            return this;
        }

        /** Packs every class of the entry class's package (nested classes included), not its sub-packages. */
        public Builder withPackage() {
            wholePackage = true;
            return this;
        }

        /** Copies everything under a folder of the test class path to the jar's root (templates, migrations…). */
        public Builder resources(String classPathFolder) {
            resourceRoots.add(classPathFolder);
            return this;
        }

        /** Adds one file with this text, e.g. an extra migration. */
        public Builder file(String entry, String text) {
            files.put(entry, text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Sets a manifest line, e.g. {@code Plugin-Requires} or {@code Plugin-Dependencies}. */
        public Builder manifest(String name, String value) {
            manifest.put(name, value);
            return this;
        }

        /** Writes {@code <dir>/<id>-<version>.jar}. */
        public Path write(Path dir) {
            Manifest mf = new Manifest();
            Attributes a = mf.getMainAttributes();
            a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.forEach(a::putValue);
            Path jar = dir.resolve(id + "-" + version + ".jar");
            try {
                Files.createDirectories(dir);
                try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
                    List<String> written = new ArrayList<>();
                    for (String entry : classEntries()) {
                        if (!written.contains(entry)) {
                            written.add(entry);
                            addClass(j, entry);
                        }
                    }
                    for (String root : resourceRoots) {
                        addFolder(j, classPathFolder(root), written);
                    }
                    for (Map.Entry<String, byte[]> f : files.entrySet()) {
                        j.putNextEntry(new JarEntry(f.getKey()));
                        j.write(f.getValue());
                        j.closeEntry();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return jar;
        }

        private List<String> classEntries() throws IOException {
            List<String> entries = new ArrayList<>(classes.stream().map(PluginJars::classFile).toList());
            if (wholePackage) {
                String pkg = pluginClass.getPackageName().replace('.', '/');
                try (Stream<Path> files = Files.list(classPathFolder(pkg))) {
                    files.filter(f -> f.toString().endsWith(".class")).sorted()
                            .forEach(f -> entries.add(pkg + "/" + f.getFileName()));
                }
            }
            return entries;
        }

        private void addClass(JarOutputStream j, String entry) throws IOException {
            try (InputStream in = pluginClass.getClassLoader().getResourceAsStream(entry)) {
                if (in == null) {
                    throw new IOException("class file not found: " + entry);
                }
                j.putNextEntry(new JarEntry(entry));
                in.transferTo(j);
                j.closeEntry();
            }
        }

        private void addFolder(JarOutputStream j, Path root, List<String> written) throws IOException {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(f -> !f.equals(root)).sorted().toList()) {
                    boolean folder = Files.isDirectory(f);
                    // directory entries too, as Maven writes them: class loaders find folders by them
                    String name = root.relativize(f).toString().replace('\\', '/') + (folder ? "/" : "");
                    if (written.contains(name) || files.containsKey(name)) {
                        continue;
                    }
                    written.add(name);
                    j.putNextEntry(new JarEntry(name));
                    if (!folder) {
                        Files.copy(f, j);
                    }
                    j.closeEntry();
                }
            }
        }

        private Path classPathFolder(String name) {
            URL url = pluginClass.getClassLoader().getResource(name);
            if (url == null || !url.getProtocol().equals("file")) {
                throw new IllegalStateException(name + " is not a folder on the test class path: " + url);
            }
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String classFile(Class<?> c) {
        return c.getName().replace('.', '/') + ".class";
    }
}
