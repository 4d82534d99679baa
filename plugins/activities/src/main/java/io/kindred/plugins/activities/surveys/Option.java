package io.kindred.plugins.activities.surveys;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An option of a choice question.
 *
 * @param id       its id (0 before it is stored)
 * @param label    what the member reads
 * @param imageUrl its picture under {@code /uploads/} (image choice), or null
 * @param goTo     where a single or image choice jumps when this option is chosen: null the next question, 0 the end,
 *                 n the question at position n (always further on)
 */
record Option(long id, String label, String imageUrl, Integer goTo) {

    static final int END = 0;

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("label", label);
        m.put("imageUrl", imageUrl);
        m.put("goTo", goTo == null ? null : goTo == END ? "end" : goTo);
        return m;
    }
}
