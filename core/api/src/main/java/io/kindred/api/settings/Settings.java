package io.kindred.api.settings;

import java.util.Map;
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
     * Validates and saves a value of a setting this plugin declared, as the console's settings form does,
     * so that a plugin can offer its own rules form or console API. It takes effect at once.
     *
     * <pre>{@code
     * ctx.settings().save(POINTS_PER_CHECKIN, "10");
     * }</pre>
     *
     * @param definition a setting this plugin declared
     * @param text       the new value as text, as it would appear in {@code kindred.properties}
     * @param <T>        its type
     * @return the parsed value now in force
     * @throws io.kindred.api.KindredException 400 {@code invalid_field} when the text is not valid (with the
     *                                         definition's sentence), 409 {@code setting_locked} when the
     *                                         environment or the command line fixes the key
     */
    <T> T save(SettingDefinition<T> definition, String text);

    /**
     * Saves several settings of this plugin at once, all or nothing: every value is validated and every key
     * checked against the environment lock before anything is written, then all are written in one database
     * transaction. Use it for a rules form or a {@code PATCH} of several fields, so that a bad or locked
     * later field leaves the earlier ones unchanged too.
     *
     * <pre>{@code
     * ctx.settings().saveAll(Map.of(POINTS_PER_CHECKIN, "10", MAKEUP_COST, "20"));
     * }</pre>
     *
     * @param values settings this plugin declared → their new values as text; checked in the map's order
     * @throws io.kindred.api.KindredException 400 {@code invalid_field} for the first invalid text (nothing
     *                                         saved), 409 {@code setting_locked} naming the first key the
     *                                         environment or the command line fixes (nothing saved)
     */
    void saveAll(Map<SettingDefinition<?>, String> values);

    /**
     * @param fullKey a key such as {@code site.name}
     * @return its raw value, if set anywhere
     */
    Optional<String> raw(String fullKey);
}
