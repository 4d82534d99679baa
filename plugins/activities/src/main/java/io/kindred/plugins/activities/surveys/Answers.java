package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member's answers checked against the questionnaire, with the branching applied on the server: the path starts at
 * question 1 and goes to the next question, or where the chosen option of a single or image choice jumps. Required
 * questions on the path must be answered, answers off the path are refused, and every question of the survey gets one
 * recorded row: the answer exactly as given, or "not asked" when the path skipped it.
 */
final class Answers {

    /** One answer as a member gives it: option ids for choices, a value for scales, a text for text questions. */
    record Given(long questionId, Optional<List<Long>> optionIds, Optional<Integer> value, Optional<String> text) {
    }

    /** The member's whole response. */
    record Body(List<Given> answers) {
    }

    /**
     * A recorded answer.
     *
     * @param questionId the question
     * @param asked      whether the member's path went through it
     * @param optionIds  the chosen options in the order given (empty when none)
     * @param number     the value of a scale or NPS question, or null
     * @param text       the text as given, or null
     */
    record Answer(long questionId, boolean asked, List<Long> optionIds, Integer number, String text) {

        boolean answered() {
            return asked && (!optionIds.isEmpty() || number != null || (text != null && !text.isBlank()));
        }
    }

    private Answers() {
    }

    /** @return one answer per question of the survey, in order; throws {@code missing_field}/{@code invalid_field} */
    static List<Answer> recorded(Survey survey, List<Given> given) {
        Map<Long, Given> byQuestion = new LinkedHashMap<>();
        for (Given g : given) {
            if (survey.question(g.questionId()).isEmpty()) {
                throw KindredException.invalidField("There is no question " + g.questionId() + " in this questionnaire.");
            }
            if (byQuestion.put(g.questionId(), g) != null) {
                throw KindredException.invalidField("Question " + g.questionId() + " is answered twice.");
            }
        }
        List<Answer> out = new ArrayList<>();
        int next = 1;
        for (Question q : survey.questions()) {
            Given g = byQuestion.get(q.id());
            if (q.position() != next) {
                if (g != null && !empty(g)) {
                    throw KindredException.invalidField("Question " + q.position()
                            + " is not on the path your answers take; leave it out.");
                }
                out.add(new Answer(q.id(), false, List.of(), null, null));
                continue;
            }
            Answer a = checked(q, g);
            if (q.required() && !a.answered()) {
                throw KindredException.invalidField("Question " + q.position() + " needs an answer.");
            }
            out.add(a);
            next = next(q, a);
        }
        return out;
    }

    /**
     * @return the given answers of the questions on the path they take, the others left out: a page without JavaScript
     * shows every question, and what the member wrote into a skipped one is not theirs to record
     */
    static List<Given> onPath(Survey survey, List<Given> given) {
        Map<Long, Given> byQuestion = new LinkedHashMap<>();
        given.forEach(g -> byQuestion.putIfAbsent(g.questionId(), g));
        List<Given> out = new ArrayList<>();
        int next = 1;
        for (Question q : survey.questions()) {
            Given g = byQuestion.get(q.id());
            if (q.position() != next) {
                continue;
            }
            next = q.position() + 1;
            if (g != null) {
                out.add(g);
                List<Long> ids = g.optionIds().orElse(List.of());
                if (q.kind().branches() && ids.size() == 1 && q.option(ids.get(0)).isPresent()) {
                    next = next(q, new Answer(q.id(), true, ids, null, null));
                }
            }
        }
        return out;
    }

    /** @return the position of the question after {@code q}, given its answer; past the last one at the end */
    static int next(Question q, Answer a) {
        if (q.kind().branches() && a.optionIds().size() == 1) {
            Integer goTo = q.option(a.optionIds().get(0)).map(Option::goTo).orElse(null);
            if (goTo != null) {
                return goTo == Option.END ? Integer.MAX_VALUE : goTo;
            }
        }
        return q.position() + 1;
    }

    private static boolean empty(Given g) {
        return g.optionIds().map(List::isEmpty).orElse(true) && g.value().isEmpty()
                && g.text().map(String::isEmpty).orElse(true);
    }

    private static Answer checked(Question q, Given g) {
        if (g == null) {
            return new Answer(q.id(), true, List.of(), null, null);
        }
        String field = "question " + q.position();
        List<Long> ids = g.optionIds().orElse(List.of());
        if (!q.kind().choice() && !ids.isEmpty() || !q.kind().numeric() && g.value().isPresent()
                || !q.kind().text() && g.text().filter(t -> !t.isEmpty()).isPresent()) {
            throw KindredException.invalidField("The answer to " + field + " does not fit a " + q.kind().code()
                    + " question.");
        }
        if (q.kind().choice()) {
            checkOptions(q, ids, field);
        }
        Integer number = g.value().orElse(null);
        if (number != null && (number < q.kind().min() || number > q.kind().max())) {
            throw KindredException.invalidField("The answer to " + field + " must be from " + q.kind().min() + " to "
                    + q.kind().max() + ".");
        }
        String text = g.text().orElse(null);
        int max = q.kind() == QuestionKind.SHORT_TEXT ? QuestionKind.SHORT_MAX : QuestionKind.LONG_MAX;
        if (text != null && text.length() > max) {
            throw KindredException.invalidField("The answer to " + field + " must be at most " + max + " characters.");
        }
        return new Answer(q.id(), true, List.copyOf(ids), number, q.kind().text() ? text : null);
    }

    private static void checkOptions(Question q, List<Long> ids, String field) {
        if (q.kind() != QuestionKind.MULTIPLE && ids.size() > 1) {
            throw KindredException.invalidField("The answer to " + field + " is one option.");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw KindredException.invalidField("The answer to " + field + " names an option twice.");
        }
        for (long id : ids) {
            if (q.option(id).isEmpty()) {
                throw KindredException.invalidField("The answer to " + field + " names option " + id
                        + ", which it does not have.");
            }
        }
    }
}
