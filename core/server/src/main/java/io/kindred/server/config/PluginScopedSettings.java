package io.kindred.server.config;

import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.settings.Settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a plugin sees of the site settings: its own, under {@code <pluginId>.<name>}; saved through {@link SiteSettings#saveAll}. */
final class PluginScopedSettings implements Settings {

    private final String pluginId;
    private final SiteSettings site;

    PluginScopedSettings(String pluginId, SiteSettings site) {
        this.pluginId = pluginId;
        this.site = site;
    }

    private String key(SettingDefinition<?> definition) {
        return pluginId + "." + definition.name();
    }

    @Override
    public <T> T get(SettingDefinition<T> definition) {
        return site.get(key(definition), definition);
    }

    @Override
    public <T> T save(SettingDefinition<T> definition, String text) {
        return site.save(key(definition), definition, text);
    }

    @Override
    public void saveAll(Map<SettingDefinition<?>, String> values) {
        List<SiteSettings.Change> changes = values.entrySet().stream()
                .map(e -> new SiteSettings.Change(key(e.getKey()), e.getKey(), e.getValue())).toList();
        site.saveAll(changes);
    }

    @Override
    public Optional<String> raw(String fullKey) {
        return site.raw(fullKey);
    }
}
