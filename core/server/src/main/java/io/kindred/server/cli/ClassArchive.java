package io.kindred.server.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The class-data archive (AppCDS) of the relaunched server: the classes of kindred.jar and the JDK, parsed and
 * verified once, mapped at each start. The first run of a jar in a data directory writes it when the server stops
 * ({@code -XX:ArchiveClassesAtExit}, to a {@code .part} file the launcher renames after a clean exit); later runs map
 * it ({@code -XX:SharedArchiveFile}). Its name carries the jar (path, size, time) and the JVM, so a new jar or JDK
 * writes a new one; an archive the JVM cannot use is ignored without a word ({@code -Xshare:auto}, cds logging off).
 * Lives in {@code <data>/cache/}, is not part of a backup and may be deleted at any time.
 * {@code KINDRED_CLASS_ARCHIVE=off} turns it off.
 */
public record ClassArchive(Path file, Path part) {

    static final String SWITCH = "KINDRED_CLASS_ARCHIVE";
    private static final List<String> QUIET = List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    /** @return the archive for this jar, JVM and data directory, or empty when off or the directory is not writable */
    public static Optional<ClassArchive> of(Map<String, String> env, String[] args, Path jar, String jvm) {
        if ("off".equalsIgnoreCase(env.getOrDefault(SWITCH, "").trim())) {
            return Optional.empty();
        }
        try {
            Path dir = dataDir(env, args).resolve("cache");
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                return Optional.empty();
            }
            String key = Integer.toHexString(Objects.hash(jar.toAbsolutePath().toString(), Files.size(jar),
                    Files.getLastModifiedTime(jar).toMillis(), jvm));
            Path file = dir.resolve("kindred-" + key + ".jsa");
            return Optional.of(new ClassArchive(file, dir.resolve("kindred-" + key + ".jsa.part")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @return the JVM flags: map the archive when it exists, otherwise write it at exit */
    public List<String> flags() {
        String use = Files.isRegularFile(file) ? "-XX:SharedArchiveFile=" + file : "-XX:ArchiveClassesAtExit=" + part;
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(use), QUIET.stream()).toList();
    }

    /** In the launcher after the child ended: keeps a fully written archive, drops the rest and older archives. */
    public void afterExit(int exitCode) {
        try {
            if (exitCode == 0 && Files.isRegularFile(part) && Files.size(part) > 0) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(part);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(file.getParent(), "kindred-*.jsa*")) {
                for (Path p : old) {
                    if (!p.equals(file)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A cache: the next start writes it again.
        }
    }

    /** The data directory as {@link Cli} reads it: {@code --data}, else {@code KINDRED_DATA}, else ./kindred-data. */
    static Path dataDir(Map<String, String> env, String[] args) {
        String data = env.getOrDefault("KINDRED_DATA", "kindred-data");
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--data")) {
                data = args[i + 1];
            }
        }
        return Path.of(data);
    }
}
