package io.kindred.api.settings;

import java.util.List;
import java.util.function.Function;

/**
 * A typed setting with a default and validation. Its full key is {@code <pluginId>.<name>} (core settings
 * have no prefix); every key can also be set with an environment variable ({@code KINDRED_} + key in upper
 * case, dots and dashes as underscores) or in {@code kindred.properties}.
 *
 * <pre>{@code
 * SettingDefinition<Integer> POINTS = SettingDefinition.integer("pointsPerCheckin", 5, 0, 10_000,
 *         "Points for one check-in");
 * }</pre>
 *
 * @param name         key inside the plugin (camelCase or dotted)
 * @param type         value kind, for the console form
 * @param defaultValue value when nothing is set
 * @param description  one line for the console form and the docs
 * @param parser       turns the stored text into a value; throws IllegalArgumentException with a
 *                     readable message when the text is invalid
 * @param choices      allowed values for {@link SettingType#CHOICE}, else empty
 * @param <T>          value type
 */
public record SettingDefinition<T>(String name, SettingType type, T defaultValue, String description,
                                   Function<String, T> parser, List<String> choices) {

    /** @param name key @param def default @param min least @param max most @param description line @return an integer setting */
    public static SettingDefinition<Integer> integer(String name, int def, int min, int max, String description) {
        return new SettingDefinition<>(name, SettingType.INTEGER, def, description, text -> {
            int v;
            try {
                v = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number");
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
            return v;
        }, List.of());
    }

    /** @param name key @param def default @param description line @return a yes/no setting */
    public static SettingDefinition<Boolean> bool(String name, boolean def, String description) {
        return new SettingDefinition<>(name, SettingType.BOOLEAN, def, description, text -> switch (text.trim().toLowerCase()) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false");
        }, List.of());
    }

    /** @param name key @param def default @param maxLength longest allowed @param description line @return a text setting */
    public static SettingDefinition<String> text(String name, String def, int maxLength, String description) {
        return new SettingDefinition<>(name, SettingType.TEXT, def, description, text -> {
            if (text.length() > maxLength) {
                throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters");
            }
            return text;
        }, List.of());
    }

    /** @param name key @param def default @param choices allowed values @param description line @return a choice setting */
    public static SettingDefinition<String> choice(String name, String def, List<String> choices, String description) {
        return new SettingDefinition<>(name, SettingType.CHOICE, def, description, text -> {
            String v = text.trim();
            if (!choices.contains(v)) {
                throw new IllegalArgumentException(name + " must be one of " + String.join(", ", choices));
            }
            return v;
        }, List.copyOf(choices));
    }

    /**
     * @param text stored text
     * @return the parsed value
     * @throws IllegalArgumentException with a readable message when invalid
     */
    public T parse(String text) {
        return parser.apply(text);
    }
}
