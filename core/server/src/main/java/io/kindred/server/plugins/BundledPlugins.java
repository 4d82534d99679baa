package io.kindred.server.plugins;

import org.pf4j.DefaultVersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * Extracts the plugin jars that travel inside kindred.jar ({@code /bundled-plugins/index.txt}) into
 * {@code <data>/plugins/}. A bundled jar replaces the one it extracted earlier when its version is newer;
 * jars that did not come from the bundle (third-party plugins) are never touched. What was extracted is
 * remembered in {@code plugins/.bundled}.
 */
public final class BundledPlugins {

    private static final Logger log = LoggerFactory.getLogger("kindred.plugins");
    private static final String INDEX = "/bundled-plugins/index.txt";
    private static final String LEDGER = ".bundled";

    private BundledPlugins() {
    }

    /** @return ids of the bundled plugins */
    public static List<String> extract(Path pluginsDir) throws IOException {
        Files.createDirectories(pluginsDir);
        List<String> ids = new ArrayList<>();
        List<String> jars = index();
        if (jars.isEmpty()) {
            return ids;
        }
        Path ledgerFile = pluginsDir.resolve(LEDGER);
        Properties extracted = new Properties(); // plugin id -> "file version"
        if (Files.exists(ledgerFile)) {
            try (var in = Files.newBufferedReader(ledgerFile, StandardCharsets.UTF_8)) {
                extracted.load(in);
            }
        }
        DefaultVersionManager versions = new DefaultVersionManager();
        Map<String, Path> others = installedJars(pluginsDir, extracted);
        for (String jar : jars) {
            byte[] bytes;
            try (InputStream in = BundledPlugins.class.getResourceAsStream("/bundled-plugins/" + jar)) {
                if (in == null) {
                    log.warn("Bundled plugin {} is listed but missing from kindred.jar", jar);
                    continue;
                }
                bytes = in.readAllBytes();
            }
            Map<String, String> d = descriptor(bytes);
            String id = d.get("Plugin-Id");
            String version = d.get("Plugin-Version");
            if (id == null || version == null) {
                log.warn("Bundled plugin {} has no Plugin-Id/Plugin-Version and is skipped", jar);
                continue;
            }
            ids.add(id);
            Path target = pluginsDir.resolve(jar);
            Path other = others.get(id);
            if (other != null && !other.equals(target)) {
                String otherVersion = descriptor(Files.readAllBytes(other)).getOrDefault("Plugin-Version", "0.0.0");
                if (versions.compareVersions(otherVersion, version) >= 0) {
                    log.info("plugins/{} is {} {}, as new as the bundled {}: the bundled jar is not extracted",
                            other.getFileName(), id, otherVersion, version);
                    continue;
                }
                Path previous = Files.createDirectories(pluginsDir.resolve(".previous")).resolve(other.getFileName());
                Files.move(other, previous, StandardCopyOption.REPLACE_EXISTING);
                log.info("Bundled plugin {} {} replaces the older plugins/{} ({}), kept in plugins/.previous", id, version,
                        other.getFileName(), otherVersion);
            }
            String earlier = extracted.getProperty(id);
            if (earlier == null && Files.exists(target) && !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                log.warn("plugins/{} was not extracted by Kindred and is left as it is; the bundled {} {} is not installed",
                        jar, id, version);
                continue;
            }
            if (earlier != null) {
                String[] fileAndVersion = earlier.split(" ", 2);
                Path earlierFile = pluginsDir.resolve(fileAndVersion[0]);
                int cmp = versions.compareVersions(version, fileAndVersion[1]);
                boolean newer = cmp > 0;
                boolean rebuilt = cmp == 0 && Files.exists(earlierFile)
                        && !java.util.Arrays.equals(Files.readAllBytes(earlierFile), bytes);
                if (!newer && !rebuilt && Files.exists(earlierFile)) {
                    continue;
                }
                if (!earlierFile.equals(target)) {
                    Files.deleteIfExists(earlierFile);
                }
                if (newer) {
                    log.info("Bundled plugin {} upgraded from {} to {}", id, fileAndVersion[1], version);
                }
            }
            Path tmp = Files.createTempFile(pluginsDir, ".extract-", ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            extracted.setProperty(id, jar + " " + version);
        }
        try (var out = Files.newBufferedWriter(ledgerFile, StandardCharsets.UTF_8)) {
            extracted.store(out, "Plugins extracted from kindred.jar (id = file version). Do not edit.");
        }
        return ids;
    }

    /**
     * The jars of the plugins folder that Kindred did not extract (uploaded or copied by the operator), by plugin id:
     * an operator's upgrade of a bundled plugin must survive the next start.
     */
    private static Map<String, Path> installedJars(Path pluginsDir, Properties extracted) throws IOException {
        java.util.Set<String> extractedFiles = new java.util.HashSet<>();
        extracted.values().forEach(v -> extractedFiles.add(String.valueOf(v).split(" ", 2)[0]));
        Map<String, Path> byId = new LinkedHashMap<>();
        try (var files = Files.list(pluginsDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                if (extractedFiles.contains(f.getFileName().toString())) {
                    continue;
                }
                try {
                    String id = descriptor(Files.readAllBytes(f)).get("Plugin-Id");
                    if (id != null) {
                        byId.put(id, f);
                    }
                } catch (IOException e) {
                    log.warn("plugins/{} cannot be read: {}", f.getFileName(), e.toString());
                }
            }
        }
        return byId;
    }

    private static List<String> index() throws IOException {
        try (InputStream in = BundledPlugins.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> l.endsWith(".jar")).toList();
        }
    }

    private static Map<String, String> descriptor(byte[] jar) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            Manifest mf = in.getManifest();
            if (mf != null) {
                mf.getMainAttributes().forEach((k, v) -> m.put(k.toString(), v.toString()));
            }
        }
        return m;
    }
}
