package io.kindred.api.settings;

import java.util.Optional;

/**
 * Reads settings. Precedence: environment variable, then the value saved in the console (database),
 * then {@code kindred.properties}, then the definition's default.
 *
 * <pre>{@code
 * int points = ctx.settings().get(POINTS_PER_CHECKIN);
 * }</pre>
 */
public interface Settings {

    /**
     * @param definition a setting this plugin declared
     * @param <T>        its type
     * @return its current value (an invalid stored value falls back to the default, with a log line)
     */
    <T> T get(SettingDefinition<T> definition);

    /**
     * @param fullKey a key such as {@code site.name}
     * @return its raw value, if set anywhere
     */
    Optional<String> raw(String fullKey);
}
