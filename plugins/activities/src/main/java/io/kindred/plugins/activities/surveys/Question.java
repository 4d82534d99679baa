package io.kindred.plugins.activities.surveys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A question of a questionnaire.
 *
 * @param id       its id (0 before it is stored)
 * @param position 1, 2, … in the order asked
 * @param kind     its kind
 * @param text     the question
 * @param required whether a member on a path through it must answer it
 * @param options  its options (choice kinds only)
 */
record Question(long id, int position, QuestionKind kind, String text, boolean required, List<Option> options) {

    Optional<Option> option(long optionId) {
        return options.stream().filter(o -> o.id() == optionId).findFirst();
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("position", position);
        m.put("kind", kind.code());
        m.put("text", text);
        m.put("required", required);
        if (kind.choice()) {
            m.put("options", options.stream().map(Option::json).toList());
        }
        if (kind.numeric()) {
            m.put("min", kind.min());
            m.put("max", kind.max());
        }
        return m;
    }
}
