package io.kindred.server.plugins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the host knows of one plugin, for {@code /healthz}, the API and the console.
 *
 * @param id           plugin id
 * @param version      plugin version
 * @param description  one line from its descriptor
 * @param state        where it stands
 * @param enabled      whether the operator has it enabled
 * @param error        why it failed or waits, or null
 * @param bundled      whether it ships inside kindred.jar
 * @param dependencies ids of the plugins it needs ({@code Plugin-Dependencies}), optional ones with a {@code ?}
 */
public record PluginInfo(String id, String version, String description, PluginStatus state, boolean enabled,
                         String error, boolean bundled, List<String> dependencies) {

    public boolean started() {
        return state.isStarted();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("version", version);
        m.put("state", state.name());
        m.put("enabled", enabled);
        m.put("description", description);
        m.put("bundled", bundled);
        m.put("error", error);
        m.put("dependencies", dependencies);
        return m;
    }
}
