package io.kindred.server.plugins;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the host knows of one plugin, for {@code /healthz}, the API and the console.
 *
 * @param id          plugin id
 * @param version     plugin version
 * @param description one line from its descriptor
 * @param state       STARTED, DISABLED, FAILED or STOPPED
 * @param enabled     whether the operator has it enabled
 * @param error       why it failed, or null
 * @param bundled     whether it ships inside kindred.jar
 */
public record PluginInfo(String id, String version, String description, String state, boolean enabled, String error,
                         boolean bundled) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("version", version);
        m.put("state", state);
        m.put("enabled", enabled);
        m.put("description", description);
        m.put("bundled", bundled);
        m.put("error", error);
        return m;
    }
}
