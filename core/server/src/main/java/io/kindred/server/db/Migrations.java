package io.kindred.server.db;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs numbered SQL files ({@code V<n>__<name>.sql}) of one owner (the core or a plugin) once each, in order,
 * each in its own transaction. A file {@code V<n>__<name>.<dialect>.sql} replaces the generic one on that
 * dialect. The macro {@code ${id}} stands for an auto-generated integer primary key in both dialects.
 */
public final class Migrations {

    private static final Logger log = LoggerFactory.getLogger("kindred.migrations");
    private static final Pattern FILE = Pattern.compile("V(\\d+)__([A-Za-z0-9_-]+?)(?:\\.(sqlite|postgresql))?\\.sql");

    /** One migration file as found in a jar or directory. */
    public record Script(int version, String name, String sql, String checksum) {
    }

    /** What is wrong with an owner's migrations, for {@code doctor}. */
    public record Problem(String owner, String message) {
    }

    private final Db db;

    public Migrations(Db db) {
        this.db = db;
        db.core().write(h -> {
            h.execute("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        owner TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        name TEXT NOT NULL,
                        checksum TEXT NOT NULL,
                        applied_at BIGINT NOT NULL,
                        PRIMARY KEY (owner, version)
                    )""");
            h.execute("""
                    CREATE TABLE IF NOT EXISTS schema_migration_sources (
                        owner TEXT PRIMARY KEY,
                        folder TEXT NOT NULL,
                        jar TEXT
                    )""");
            h.execute("""
                    CREATE TABLE IF NOT EXISTS schema_migration_tables (
                        owner TEXT NOT NULL,
                        table_name TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY (owner, table_name)
                    )""");
            return null;
        });
    }

    /** Applies what is pending for {@code owner}; returns how many files ran. */
    public int migrate(String owner, ClassLoader loader, String folder) {
        return migrate(owner, loader, folder, null);
    }

    /**
     * Applies what is pending for {@code owner}, remembering where its files are ({@code jar} for a plugin)
     * so that {@code doctor} can compare them later.
     */
    public int migrate(String owner, ClassLoader loader, String folder, String jar) {
        db.core().write(h -> h.createUpdate("""
                        INSERT INTO schema_migration_sources(owner, folder, jar) VALUES (:owner, :folder, :jar)
                        ON CONFLICT (owner) DO UPDATE SET folder = excluded.folder, jar = excluded.jar""")
                .bind("owner", owner).bind("folder", folder).bind("jar", jar).execute());
        List<Script> scripts = scan(loader, folder, db.dialect());
        rememberTables(owner, scripts);
        Map<Integer, String> applied = applied(owner);
        int ran = 0;
        for (Script s : scripts) {
            String checksum = applied.get(s.version());
            if (checksum != null) {
                if (!checksum.equals(s.checksum())) {
                    log.warn("Migration {} V{}__{} was changed after it ran; run 'doctor'", owner, s.version(), s.name());
                }
                continue;
            }
            db.core().write(h -> {
                h.createScript(expand(s.sql(), db.dialect())).execute();
                h.createUpdate("""
                                INSERT INTO schema_migrations(owner, version, name, checksum, applied_at)
                                VALUES (:owner, :version, :name, :checksum, :now)""")
                        .bind("owner", owner).bind("version", s.version()).bind("name", s.name())
                        .bind("checksum", s.checksum()).bind("now", System.currentTimeMillis())
                        .execute();
                return null;
            });
            log.info("Migrated {} to V{} ({})", owner, s.version(), s.name());
            ran++;
        }
        return ran;
    }

    private static final java.util.regex.Pattern CREATE_TABLE = java.util.regex.Pattern.compile(
            "(?i)\\bCREATE\\s+(?:VIRTUAL\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?");

    /** Remembers the tables an owner's files create, so that removing a plugin with its data can drop them. */
    private void rememberTables(String owner, List<Script> scripts) {
        List<String> tables = new ArrayList<>();
        for (Script s : scripts) {
            Matcher m = CREATE_TABLE.matcher(s.sql().replaceAll("--[^\n]*", ""));
            while (m.find()) {
                if (!tables.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                    tables.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        db.core().write(h -> {
            for (int i = 0; i < tables.size(); i++) {
                h.createUpdate("""
                                INSERT INTO schema_migration_tables(owner, table_name, position) VALUES (:owner, :t, :p)
                                ON CONFLICT (owner, table_name) DO UPDATE SET position = excluded.position""")
                        .bind("owner", owner).bind("t", tables.get(i)).bind("p", i).execute();
            }
            return null;
        });
    }

    /** @return the tables an owner's migration files create, in the order they do */
    public List<String> tables(String owner) {
        return db.core().read(h -> h.createQuery(
                        "SELECT table_name FROM schema_migration_tables WHERE owner = :owner ORDER BY position")
                .bind("owner", owner).mapTo(String.class).list());
    }

    /**
     * Drops every table an owner's files created (newest first) and forgets its migrations, in one transaction, so
     * that installing it again starts from an empty schema.
     *
     * @return the tables dropped
     */
    public List<String> dropAll(String owner) {
        List<String> tables = new ArrayList<>(tables(owner));
        java.util.Collections.reverse(tables);
        db.core().write(h -> {
            for (String t : tables) {
                h.execute("DROP TABLE IF EXISTS " + t); // names came from the owner's CREATE TABLE, letters/digits/_
            }
            for (String meta : List.of("schema_migrations", "schema_migration_sources", "schema_migration_tables")) {
                h.createUpdate("DELETE FROM " + meta + " WHERE owner = :owner").bind("owner", owner).execute();
            }
            return null;
        });
        return tables;
    }

    /** Compares files with what the database says ran. */
    public List<Problem> check(String owner, ClassLoader loader, String folder) {
        List<Problem> problems = new ArrayList<>();
        Map<Integer, String> applied = applied(owner);
        for (Script s : scan(loader, folder, db.dialect())) {
            String checksum = applied.get(s.version());
            if (checksum == null) {
                problems.add(new Problem(owner, "V" + s.version() + "__" + s.name() + " has not run"));
            } else if (!checksum.equals(s.checksum())) {
                problems.add(new Problem(owner, "V" + s.version() + "__" + s.name() + " changed after it ran"));
            }
        }
        return problems;
    }

    /** Where an owner's migration files are. */
    public record Source(String owner, String folder, String jar) {
    }

    public List<Source> sources() {
        return db.core().read(h -> h.createQuery("SELECT owner, folder, jar FROM schema_migration_sources ORDER BY owner")
                .map((rs, c) -> new Source(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    public Map<Integer, String> applied(String owner) {
        return db.core().read(h -> {
            Map<Integer, String> m = new TreeMap<>();
            h.createQuery("SELECT version, checksum FROM schema_migrations WHERE owner = :owner")
                    .bind("owner", owner)
                    .map((rs, c) -> Map.entry(rs.getInt(1), rs.getString(2)))
                    .forEach(e -> m.put(e.getKey(), e.getValue()));
            return m;
        });
    }

    static String expand(String sql, String dialect) {
        String id = dialect.equals("postgresql")
                ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                : "INTEGER PRIMARY KEY";
        return sql.replace("${id}", id);
    }

    /** Lists the migration files of a folder on a class loader, picking the dialect's variant. */
    public static List<Script> scan(ClassLoader loader, String folder, String dialect) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        Map<Integer, Script> generic = new TreeMap<>();
        Map<Integer, Script> specific = new TreeMap<>();
        for (String file : list(loader, prefix)) {
            Matcher m = FILE.matcher(file);
            if (!m.matches()) {
                continue;
            }
            String fileDialect = m.group(3);
            if (fileDialect != null && !fileDialect.equals(dialect)) {
                continue;
            }
            String sql = read(loader, prefix + file);
            Script s = new Script(Integer.parseInt(m.group(1)), m.group(2), sql, sha256(sql));
            (fileDialect == null ? generic : specific).put(s.version(), s);
        }
        generic.putAll(specific);
        return List.copyOf(generic.values());
    }

    private static List<String> list(ClassLoader loader, String prefix) {
        List<String> names = new ArrayList<>();
        try {
            var urls = loader.getResources(prefix);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.forEach(p -> names.add(p.getFileName().toString()));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    JarURLConnection conn = (JarURLConnection) url.openConnection();
                    conn.setUseCaches(false);
                    try (JarFile jar = conn.getJarFile()) {
                        String entryPrefix = conn.getEntryName() == null ? prefix : conn.getEntryName();
                        if (!entryPrefix.endsWith("/")) {
                            entryPrefix += "/";
                        }
                        for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                            String n = e.getName();
                            if (n.startsWith(entryPrefix) && n.length() > entryPrefix.length()
                                    && n.indexOf('/', entryPrefix.length()) < 0) {
                                names.add(n.substring(entryPrefix.length()));
                            }
                        }
                    }
                }
            }
            if (names.isEmpty() && loader instanceof java.net.URLClassLoader classPath) {
                // A jar written without folder entries: getResources finds no folder, so read the jar itself.
                for (URL url : classPath.getURLs()) {
                    if (url.getProtocol().equals("file") && url.getPath().endsWith(".jar")) {
                        try (JarFile jar = new JarFile(Path.of(url.toURI()).toFile())) {
                            jar.stream().map(JarEntry::getName)
                                    .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0 && n.length() > prefix.length())
                                    .forEach(n -> names.add(n.substring(prefix.length())));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list migrations in " + prefix + ": " + e.getMessage(), e);
        }
        return names.stream().distinct().sorted().toList();
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + resource, e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
