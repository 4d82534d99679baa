package io.kindred.server.config;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runtime settings. Precedence: command line and environment, then what the operator saved in the console
 * (the {@code settings} table), then {@code kindred.properties}, then the definition's default.
 */
public final class SiteSettings {

    private static final Logger log = LoggerFactory.getLogger("kindred.settings");

    private final Config config;
    private final Database db;
    private final Clock clock;
    private final Map<String, String> saved = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    public SiteSettings(Config config, Database db, Clock clock) {
        this.config = config;
        this.db = db;
        this.clock = clock;
        reload();
    }

    public void reload() {
        Map<String, String> fresh = db.read(h -> {
            Map<String, String> m = new ConcurrentHashMap<>();
            h.createQuery("SELECT setting_key, setting_value FROM settings")
                    .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> m.put(e.getKey(), e.getValue()));
            return m;
        });
        saved.clear();
        saved.putAll(fresh);
        version.incrementAndGet();
        for (String key : consoleOverridesOfFile()) {
            log.info("Setting {}: the value saved in the console overrides kindred.properties (see Console → Settings)", key);
        }
    }

    public Optional<String> raw(String key) {
        Optional<String> forced = config.forced(key);
        if (forced.isPresent()) {
            return forced;
        }
        String v = saved.get(key);
        if (v != null) {
            return Optional.of(v);
        }
        return config.fromFile(key);
    }

    /** Where a setting's value in force comes from, first match wins. */
    public enum Source {
        /** An environment variable or the command line: fixed, the console cannot change it. */
        ENVIRONMENT,
        /** Saved in the console (the {@code settings} table); it overrides {@code kindred.properties}. */
        CONSOLE,
        /** {@code kindred.properties}. */
        FILE,
        /** Nobody set it: the definition's default. */
        DEFAULT;

        /** @return the lower-case name used in the console and the API */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @return where the value of {@code key} in force comes from */
    public Source source(String key) {
        if (config.forced(key).isPresent()) {
            return Source.ENVIRONMENT;
        }
        if (saved.containsKey(key)) {
            return Source.CONSOLE;
        }
        return config.fromFile(key).isPresent() ? Source.FILE : Source.DEFAULT;
    }

    /** @return the keys saved in the console (or through the admin API) */
    public java.util.Set<String> savedKeys() {
        return java.util.Set.copyOf(saved.keySet());
    }

    /** @return the value {@code kindred.properties} gives the key, whether or not it is in force */
    public Optional<String> fileValue(String key) {
        return config.fromFile(key);
    }

    /**
     * Forgets the console's value of a key, so that {@code kindred.properties} or the default applies again.
     *
     * @return whether there was one
     * @throws KindredException 409 {@code setting_locked} when the environment fixes the key
     */
    public boolean clearSaved(String key) {
        if (isForced(key)) {
            throw new KindredException(CoreError.SETTING_LOCKED, key + " is set by the environment and cannot be changed here.");
        }
        int n = db.write(h -> h.createUpdate("DELETE FROM settings WHERE setting_key = :k").bind("k", key).execute());
        saved.remove(key);
        version.incrementAndGet();
        return n > 0;
    }

    /** @return keys whose console value hides a different value of {@code kindred.properties} (logged at start) */
    public List<String> consoleOverridesOfFile() {
        return saved.entrySet().stream().filter(e -> config.forced(e.getKey()).isEmpty())
                .filter(e -> config.fromFile(e.getKey()).filter(f -> !f.equals(e.getValue())).isPresent())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** @return a number that grows after every change of a saved value (the database's copy is written first) */
    public long version() {
        return version.get();
    }

    /** @return whether the environment or the command line fixes this key, so the console cannot change it */
    public boolean isForced(String key) {
        return config.forced(key).isPresent();
    }

    public <T> T get(String fullKey, SettingDefinition<T> def) {
        Optional<String> text = raw(fullKey);
        if (text.isEmpty()) {
            return def.defaultValue();
        }
        try {
            return def.parse(text.get());
        } catch (IllegalArgumentException e) {
            log.warn("Setting {} has an invalid value, using the default: {}", fullKey, e.getMessage());
            return def.defaultValue();
        }
    }

    /** One value to save: the full key (e.g. {@code checkin.pointsPerCheckin}), its definition and the text. */
    public record Change(String key, SettingDefinition<?> definition, String text) {

        public Change {
            text = text == null ? "" : text;
        }
    }

    /** Validates and saves one value; see {@link #saveAll}. @return the parsed value now in force */
    public <T> T save(String fullKey, SettingDefinition<T> def, String text) {
        saveAll(List.of(new Change(fullKey, def, text)));
        return get(fullKey, def);
    }

    /**
     * Saves several values all or nothing: every key is checked against the environment lock and every text
     * parsed before anything is written, then all are written in one transaction. A text equal to the value
     * in force is not written, so a default or a {@code kindred.properties} value is not pinned by a form
     * that shows it. The console forms, the admin API and plugins ({@code Settings.saveAll}) all save here.
     *
     * @throws KindredException 409 {@code setting_locked} naming the first locked key, 400 {@code invalid_field}
     *                          with the definition's sentence for the first invalid text
     */
    public void saveAll(List<Change> changes) {
        for (Change c : changes) {
            if (isForced(c.key())) {
                throw new KindredException(CoreError.SETTING_LOCKED, c.key() + " is set by the environment and cannot be changed here.");
            }
            try {
                c.definition().parse(c.text());
            } catch (IllegalArgumentException e) {
                throw KindredException.invalidField(e.getMessage());
            }
        }
        List<Change> toWrite = changes.stream()
                .filter(c -> !c.text().equals(raw(c.key()).orElse(String.valueOf(c.definition().defaultValue()))))
                .toList();
        if (toWrite.isEmpty()) {
            return;
        }
        long now = clock.millis();
        io.kindred.server.audit.AuditLog audit = this.audit;
        db.write(h -> {
            for (Change c : toWrite) {
                if (audit != null) {
                    String before = raw(c.key()).orElse(String.valueOf(c.definition().defaultValue()));
                    audit.change(h, "setting.changed", "setting:" + c.key(), "Changed the setting " + c.key() + ".",
                            shown(c.key(), before), shown(c.key(), c.text()));
                }
                h.createUpdate("""
                                INSERT INTO settings(setting_key, setting_value, updated_at) VALUES (:k, :v, :now)
                                ON CONFLICT (setting_key) DO UPDATE SET setting_value = excluded.setting_value,
                                                                        updated_at = excluded.updated_at""")
                        .bind("k", c.key()).bind("v", c.text()).bind("now", now).execute();
            }
            return null;
        });
        toWrite.forEach(c -> saved.put(c.key(), c.text()));
        version.incrementAndGet();
    }

    private volatile io.kindred.server.audit.AuditLog audit;

    /** From now on every saved change is audited with its value before and after (secrets masked). */
    public void auditWith(io.kindred.server.audit.AuditLog audit) {
        this.audit = audit;
    }

    /** @return a value as the audit log may show it: a password's, secret's, token's or key's value is masked */
    private static String shown(String key, String value) {
        return key.matches("(?i).*(password|secret|token|key)[^.]*$") && !value.isEmpty() ? "(secret)" : value;
    }

    /** @return the settings one plugin declared, read and saved under {@code <pluginId>.<name>} */
    public Settings forPlugin(String pluginId) {
        return new PluginScopedSettings(pluginId, this);
    }

    public ZoneId zone() {
        String tz = raw("site.timezone").orElse("UTC");
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            log.warn("site.timezone '{}' is not a time zone, using UTC", tz);
            return ZoneId.of("UTC");
        }
    }

    public String siteName() {
        return raw("site.name").orElse("Kindred");
    }

    public int intValue(String key, int def) {
        return raw(key).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                log.warn("Setting {} must be a whole number, using {}", key, def);
                return def;
            }
        }).orElse(def);
    }

    public boolean boolValue(String key, boolean def) {
        return raw(key).map(v -> v.trim().equalsIgnoreCase("true")).orElse(def);
    }
}
