package io.kindred.api.settings;

/** How a setting is edited in the console. */
public enum SettingType {
    /** A whole number. */
    INTEGER,
    /** Yes or no. */
    BOOLEAN,
    /** Free text. */
    TEXT,
    /** One of a fixed list. */
    CHOICE
}
