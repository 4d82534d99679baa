package io.kindred.server.cli;

import io.kindred.server.config.Config;
import io.kindred.server.db.Db;
import io.kindred.server.db.Migrations;
import io.kindred.server.ledger.Invariants;
import io.kindred.server.users.ApiKeys;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operator's commands; each opens the database itself, so they work while the server runs. */
final class Tools {

    private final Path dataDir;
    private final Map<String, String> env;
    private final Map<String, String> overrides;
    private final PrintStream out;

    Tools(Path dataDir, Map<String, String> env, Map<String, String> overrides, PrintStream out) {
        this.dataDir = dataDir;
        this.env = env;
        this.overrides = overrides;
        this.out = out;
    }

    private Config config() throws IOException {
        return Config.load(dataDir, env, overrides);
    }

    private Db open(Config c) {
        return new Db(c.dbUrl(), c.dbUser(), c.dbPassword(), c.get("db.synchronous", "FULL"), 2, c.getInt("db.busy-timeout-ms", 10_000));
    }

    /**
     * @return why there is nothing to read: a mistyped {@code --data} must not create an empty database (and back
     * that up as if it were the real one)
     */
    private Optional<String> noDatabase() throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return Optional.of("No data directory at " + dataDir.toAbsolutePath() + "; check --data or KINDRED_DATA.");
        }
        String url = config().dbUrl();
        if (url.startsWith("jdbc:sqlite:") && !Files.exists(Path.of(url.substring("jdbc:sqlite:".length())))) {
            return Optional.of("No database at " + url + ": Kindred has not run with this data directory yet.");
        }
        return Optional.empty();
    }

    /** {@code VACUUM INTO} copies a consistent snapshot while other connections keep writing. */
    int backup(String to) throws IOException {
        Path target = Path.of(to).toAbsolutePath();
        if (Files.exists(target)) {
            throw new Cli.UsageException("backup will not overwrite " + target + "; choose a new file.");
        }
        Optional<String> missing = noDatabase();
        if (missing.isPresent()) {
            out.println(missing.get());
            return 1;
        }
        Config c = config();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try (Db db = open(c)) {
            if (!db.dialect().equals("sqlite")) {
                throw new Cli.UsageException("backup copies the embedded SQLite database; for PostgreSQL use pg_dump.");
            }
            long started = System.currentTimeMillis();
            db.coreJdbi().useHandle(h -> h.createUpdate("VACUUM INTO :target").bind("target", target.toString()).execute());
            out.printf("Backup written to %s (%d bytes, %d ms). Restore: stop Kindred, replace kindred.db with this file, start.%n",
                    target, Files.size(target), System.currentTimeMillis() - started);
        }
        return 0;
    }

    int apiKey(String action, String name) throws IOException {
        Config c = config();
        try (Db db = open(c)) {
            new Migrations(db).migrate("core", Tools.class.getClassLoader(), "db/core");
            ApiKeys keys = new ApiKeys(db.core(), Clock.systemUTC());
            switch (action) {
                case "create" -> {
                    ApiKeys.Created created = keys.create(name);
                    out.println("API key '" + created.key().name() + "' created. Copy it now, it is not shown again:");
                    out.println(created.secret());
                    return 0;
                }
                case "revoke" -> {
                    if (keys.revoke(name)) {
                        out.println("API key '" + name + "' revoked.");
                        return 0;
                    }
                    out.println("There is no active API key named '" + name + "'.");
                    return 1;
                }
                default -> throw new Cli.UsageException("apikey takes create or revoke, not '" + action + "'.");
            }
        } catch (io.kindred.api.KindredException e) {
            out.println(e.getMessage());
            return 1;
        }
    }

    /** Checks migrations, the ledger invariants and the database file; prints each problem; 0 when none. */
    int doctor() throws IOException {
        Optional<String> missing = noDatabase();
        if (missing.isPresent()) {
            out.println(missing.get());
            return 1;
        }
        Config c = config();
        List<String> problems = new ArrayList<>();
        try (Db db = open(c)) {
            Migrations migrations = new Migrations(db);
            migrations.check("core", Tools.class.getClassLoader(), "db/core")
                    .forEach(p -> problems.add("migration " + p.owner() + ": " + p.message()));
            for (Migrations.Source s : migrations.sources()) {
                if (s.jar() == null) {
                    continue;
                }
                Path jar = c.pluginsDir().resolve(s.jar());
                if (!Files.exists(jar)) {
                    out.println("note: " + s.owner() + " ran migrations but its jar " + s.jar() + " is gone");
                    continue;
                }
                try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
                    migrations.check(s.owner(), loader, s.folder())
                            .forEach(p -> problems.add("migration " + p.owner() + ": " + p.message()));
                }
            }
            new Invariants(db.core()).check().forEach(p -> problems.add("ledger: " + p));
            if (db.dialect().equals("sqlite")) {
                String integrity = db.coreJdbi().withHandle(h -> h.createQuery("PRAGMA quick_check").mapTo(String.class).one());
                if (!"ok".equals(integrity)) {
                    problems.add("database file: " + integrity);
                }
            }
            long dead = db.core().read(h -> h.createQuery("SELECT COUNT(*) FROM event_dead_letters WHERE retried_at IS NULL")
                    .mapTo(Long.class).one());
            if (dead > 0) {
                out.println("note: " + dead + " events are in the dead-letter list (console, Events)");
            }
        }
        if (problems.isEmpty()) {
            out.println("doctor: all checks passed (migrations, ledger invariants, database file)");
            return 0;
        }
        problems.forEach(p -> out.println("PROBLEM " + p));
        out.println("doctor: " + problems.size() + " problem(s) found");
        return 1;
    }
}
