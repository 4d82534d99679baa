package io.kindred.api.users;

/**
 * A yes/no choice a member makes on their account page, declared by a plugin (e.g. "show me on the
 * check-in leaderboard"). The core stores it and renders it; the plugin reads it with
 * {@link Members#preference(long, MemberPreference)}.
 *
 * <pre>{@code
 * static final MemberPreference ON_LEADERBOARD = new MemberPreference("checkin.leaderboard", "checkin.pref.leaderboard", true);
 * ctx.preference(ON_LEADERBOARD);
 * }</pre>
 *
 * @param key          unique key, prefixed with the plugin id
 * @param labelKey     message key of the checkbox label, from the plugin's bundle
 * @param defaultValue value for members who never chose
 */
public record MemberPreference(String key, String labelKey, boolean defaultValue) {

    /** Validates the key. */
    public MemberPreference {
        if (key == null || !key.matches("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+") || key.length() > 80) {
            throw new IllegalArgumentException("a preference key is dotted lower case, e.g. checkin.leaderboard: " + key);
        }
    }
}
