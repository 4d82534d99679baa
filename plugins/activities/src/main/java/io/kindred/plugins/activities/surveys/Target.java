package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who a questionnaire asks.
 *
 * @param kind  {@code all}, {@code segment} (value: a saved segment's id), {@code label} (value: a label) or
 *              {@code tier} (value: the lowest tier rank, e.g. 2 for V2 and above)
 * @param value the kind's value, null for {@code all}
 */
record Target(String kind, String value) {

    static final List<String> KINDS = List.of("all", "segment", "label", "tier");
    static final Target ALL = new Target("all", null);

    /** @return the target checked: a known kind with a value of the right shape */
    static Target checked(String kind, String value) {
        String k = kind == null || kind.isBlank() ? "all" : kind.strip();
        String v = value == null || value.isBlank() ? null : value.strip();
        if (!KINDS.contains(k)) {
            throw KindredException.invalidField("The field 'target.kind' must be one of " + KINDS + ".");
        }
        if (k.equals("all")) {
            return ALL;
        }
        if (v == null) {
            throw KindredException.missingField("target.value");
        }
        if ((k.equals("segment") || k.equals("tier")) && !v.matches("[1-9][0-9]{0,8}")) {
            throw KindredException.invalidField("The field 'target.value' must be a positive whole number for " + k + ".");
        }
        if (v.length() > 100) {
            throw KindredException.invalidField("The field 'target.value' must be at most 100 characters.");
        }
        return new Target(k, v);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("value", value);
        return m;
    }
}
