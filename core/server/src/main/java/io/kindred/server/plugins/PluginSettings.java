package io.kindred.server.plugins;

import io.kindred.api.KindredException;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.server.config.SiteSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed settings plugins declare, as the console form and the admin API show and save them. A value is
 * saved under {@code <pluginId>.<name>}; keys fixed by the environment are shown and refused as locked.
 */
public final class PluginSettings {

    /** One setting as a form field. */
    public record Field(String key, String name, String type, String value, String defaultValue, String description,
                        List<String> choices, boolean locked, String source, String fileValue) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", key);
            m.put("name", name);
            m.put("type", type);
            m.put("value", value);
            m.put("default", defaultValue);
            m.put("description", description);
            m.put("choices", choices);
            m.put("locked", locked);
            m.put("source", source);
            m.put("fileValue", fileValue);
            return m;
        }
    }

    private final PluginHost host;
    private final SiteSettings settings;

    public PluginSettings(PluginHost host, SiteSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    public List<Field> fields(String pluginId) {
        List<Field> out = new ArrayList<>();
        for (SettingDefinition<?> d : host.settingsOf(pluginId)) {
            String key = pluginId + "." + d.name();
            // What the operator typed, when valid; else the value in force in its text form.
            String current = settings.raw(key).filter(text -> isValid(d, text)).orElse(String.valueOf(settings.get(key, d)));
            out.add(new Field(key, d.name(), d.type().name().toLowerCase(), current,
                    String.valueOf(d.defaultValue()), d.description(), d.choices(), settings.isForced(key),
                    settings.source(key).code(), settings.fileValue(key).orElse(null)));
        }
        return out;
    }

    private static boolean isValid(SettingDefinition<?> d, String text) {
        try {
            d.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Forgets the console's value of one of the plugin's settings (see {@link SiteSettings#clearSaved}). */
    public boolean clear(String pluginId, String name) {
        if (host.settingsOf(pluginId).stream().noneMatch(d -> d.name().equals(name))) {
            throw KindredException.invalidField("The plugin " + pluginId + " has no setting '" + name + "'.");
        }
        return settings.clearSaved(pluginId + "." + name);
    }

    /**
     * Saves the form's or the API's values through {@link SiteSettings#saveAll}: all or nothing, unknown names,
     * invalid values and keys locked by the environment refused before anything is written.
     */
    public void save(String pluginId, Map<String, String> values) {
        Map<String, SettingDefinition<?>> defs = new LinkedHashMap<>();
        host.settingsOf(pluginId).forEach(d -> defs.put(d.name(), d));
        if (defs.isEmpty() && !values.isEmpty()) {
            throw new KindredException(io.kindred.api.CoreError.PLUGIN_NOT_STARTED, "The plugin " + pluginId + " is not running; enable it first.");
        }
        Map<SettingDefinition<?>, String> byDefinition = new LinkedHashMap<>();
        for (var e : values.entrySet()) {
            SettingDefinition<?> d = defs.get(e.getKey());
            if (d == null) {
                throw KindredException.invalidField("The plugin " + pluginId + " has no setting '" + e.getKey() + "'.");
            }
            byDefinition.put(d, e.getValue());
        }
        settings.forPlugin(pluginId).saveAll(byDefinition);
    }
}
