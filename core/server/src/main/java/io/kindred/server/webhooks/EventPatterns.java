package io.kindred.server.webhooks;

import io.kindred.api.KindredException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which events an endpoint gets: {@code *} (every event), {@code purchase.*} (every type that starts with
 * {@code purchase.}) or an exact type such as {@code purchase.recorded}. The test event goes only where it is sent.
 */
final class EventPatterns {

    static final String TEST_EVENT = "webhook.test";
    static final int MAX_PATTERNS = 50;
    private static final Pattern VALID = Pattern.compile("\\*|[a-z0-9_-]+(\\.[a-z0-9_-]+)*(\\.\\*)?");

    private EventPatterns() {
    }

    /** @return the patterns, trimmed and without repeats; a 400 when there is none or one is malformed */
    static List<String> validate(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            throw KindredException.invalidField("The field 'events' must list at least one event type, e.g. [\"purchase.*\"].");
        }
        if (patterns.size() > MAX_PATTERNS) {
            throw KindredException.invalidField("The field 'events' may list at most " + MAX_PATTERNS + " patterns.");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String p : patterns) {
            String v = p == null ? "" : p.strip();
            if (v.length() > 100 || !VALID.matcher(v).matches()) {
                throw KindredException.invalidField("The event pattern '" + v
                        + "' is not valid: use a type such as purchase.recorded, a prefix such as purchase.* or *.");
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    static boolean matches(List<String> patterns, String type) {
        if (TEST_EVENT.equals(type)) {
            return false;
        }
        for (String p : patterns) {
            if (p.equals("*") || p.equals(type) || (p.endsWith(".*") && type.startsWith(p.substring(0, p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
