package io.kindred.api.segments;

import java.util.Locale;

/**
 * A filter over members that a plugin adds to segments (分层): the operator writes {@code ?<name>=<value>} on
 * {@code GET /api/v1/admin/users} or puts {@code "<name>": "<value>"} in a saved segment's filters, and the core
 * keeps the members whose id is among those the filter's SQL selects. Plugins share the platform's database, so the
 * SQL may read the plugin's own tables. While the plugin is stopped its filters are gone: a request using one is
 * refused with {@code invalid_field}, and a saved segment using one counts nothing until the plugin runs again.
 *
 * <pre>{@code
 * ctx.memberFilter(MemberFilter.of("tier", "Tier (code)", value ->
 *         MemberIds.of("SELECT user_id FROM membership_members WHERE tier = :tier", Map.of("tier", value))));
 * }</pre>
 */
public interface MemberFilter {

    /**
     * @return the parameter name, lower camel case, unique on the platform and not one of the core's own
     * (e.g. {@code tier}, {@code minStreak})
     */
    String name();

    /**
     * @param locale the operator's language
     * @return a short label for the console's segment form; the name by default
     */
    default String label(Locale locale) {
        return name();
    }

    /**
     * Turns the operator's value into the members it keeps.
     *
     * @param value the value as written, trimmed and never empty
     * @return the SQL selecting the ids of the members to keep
     * @throws IllegalArgumentException when the value is not valid; its message is shown to the operator
     */
    MemberIds select(String value);

    /**
     * A filter from its name, its English label and how it selects members.
     *
     * <pre>{@code
     * MemberFilter f = MemberFilter.of("minStreak", "Current streak at least", v -> MemberIds.of(sql, Map.of("n", Integer.parseInt(v))));
     * }</pre>
     *
     * @param name     the parameter name
     * @param label    its label in every language
     * @param selector what {@link #select(String)} does
     * @return the filter
     */
    static MemberFilter of(String name, String label, java.util.function.Function<String, MemberIds> selector) {
        if (name == null || !name.matches("[a-z][A-Za-z0-9]{1,39}")) {
            throw new IllegalArgumentException("a member filter's name is lower camel case, 2 to 40 letters or digits: " + name);
        }
        return new MemberFilter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String label(Locale locale) {
                return label;
            }

            @Override
            public MemberIds select(String value) {
                return selector.apply(value);
            }
        };
    }
}
