package io.kindred.server.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Boot configuration: command-line options, then environment variables, then {@code kindred.properties}
 * in the data directory, then defaults. Every key {@code a.b-c} can be set with the environment variable
 * {@code KINDRED_A_B_C} (a leading {@code kindred.} is dropped first: {@code kindred.db.url} is
 * {@code KINDRED_DB_URL}).
 */
public final class Config {

    public static final String FILE_NAME = "kindred.properties";

    private final Path dataDir;
    private final Map<String, String> env;
    private final Map<String, String> overrides;
    private final Properties file;

    public Config(Path dataDir, Map<String, String> env, Map<String, String> overrides, Properties file) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.env = Map.copyOf(env);
        this.overrides = Map.copyOf(overrides);
        this.file = file;
    }

    /** Loads {@code kindred.properties}, writing it with documented defaults on first start. */
    public static Config load(Path dataDir, Map<String, String> env, Map<String, String> overrides) throws IOException {
        Files.createDirectories(dataDir);
        Path path = dataDir.resolve(FILE_NAME);
        if (!Files.exists(path)) {
            try (var in = Config.class.getResourceAsStream("/kindred.properties.default");
                 Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                out.write(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return new Config(dataDir, env, overrides, props);
    }

    public static String envName(String key) {
        String k = key.startsWith("kindred.") ? key.substring("kindred.".length()) : key;
        return "KINDRED_" + k.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Path dataDir() {
        return dataDir;
    }

    /** @return the value from the command line, the environment or the file, if any (not the database) */
    public Optional<String> get(String key) {
        String v = overrides.get(key);
        if (v == null) {
            v = env.get(envName(key));
        }
        if (v == null) {
            v = file.getProperty(key);
        }
        return Optional.ofNullable(v).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** @return the value set by the command line or the environment only: these win over the console */
    public Optional<String> forced(String key) {
        String v = overrides.get(key);
        if (v == null) {
            v = env.get(envName(key));
        }
        return Optional.ofNullable(v).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** @return the value from {@code kindred.properties} only */
    public Optional<String> fromFile(String key) {
        return Optional.ofNullable(file.getProperty(key)).map(String::trim).filter(s -> !s.isEmpty());
    }

    public String get(String key, String def) {
        return get(key).orElse(def);
    }

    public int getInt(String key, int def) {
        String v = get(key).orElse(null);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, not '" + v + "'");
        }
    }

    public int port() {
        int port = getInt("port", 7070);
        if (port < 0 || port > 65535) {
            throw new ConfigException("port must be between 0 and 65535, not " + port);
        }
        return port;
    }

    public String dbUrl() {
        return get("kindred.db.url", "jdbc:sqlite:" + dataDir.resolve("kindred.db"));
    }

    /** @return the database role ({@code kindred.db.user}, PostgreSQL), if set */
    public String dbUser() {
        return get("kindred.db.user").orElse(null);
    }

    /** @return its password ({@code kindred.db.password}, PostgreSQL), if set */
    public String dbPassword() {
        return get("kindred.db.password").orElse(null);
    }

    public Path pluginsDir() {
        return dataDir.resolve("plugins");
    }

    public Path themesDir() {
        return dataDir.resolve("themes");
    }

    public Path uploadsDir() {
        return dataDir.resolve("uploads");
    }

    /** A setting that cannot be used; the message is for the operator. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
