package io.kindred.plugins.activities.surveys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A questionnaire (调研问卷).
 *
 * @param id           its id
 * @param title        what members read first
 * @param intro        a few words before the questions
 * @param startsOn     first day answers are taken (site time zone)
 * @param endsOn       last day answers are taken
 * @param status       draft, open or closed
 * @param anonymous    whether answers are kept apart from members
 * @param rewardPoints points paid once per member who answers (0: none)
 * @param target       who is asked
 * @param questions    the questions in order
 * @param responses    responses so far
 * @param createdAt    epoch ms
 * @param updatedAt    epoch ms
 */
record Survey(long id, String title, String intro, LocalDate startsOn, LocalDate endsOn, String status, boolean anonymous,
              long rewardPoints, Target target, List<Question> questions, int responses, long createdAt, long updatedAt) {

    static final List<String> STATUSES = List.of("draft", "open", "closed");

    /** @return whether answers are taken on {@code today}: open, started, not ended */
    boolean takesAnswers(LocalDate today) {
        return status.equals("open") && !today.isBefore(startsOn) && !today.isAfter(endsOn);
    }

    /** @return whether the questions are frozen: once a survey has answers, they can no longer change */
    boolean frozen() {
        return responses > 0;
    }

    Optional<Question> question(long questionId) {
        return questions.stream().filter(q -> q.id() == questionId).findFirst();
    }

    /** The survey as members and operators read it (the questions included). */
    Map<String, Object> json() {
        Map<String, Object> m = summary();
        m.put("questions", questions.stream().map(Question::json).toList());
        return m;
    }

    /** @return the summary with its days written for a reader in {@code locale} ({@code startsOnText}, {@code endsOnText}) */
    Map<String, Object> readable(Map<String, Object> m, java.util.Locale locale) {
        var f = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(locale);
        m.put("startsOnText", f.format(startsOn));
        m.put("endsOnText", f.format(endsOn));
        return m;
    }

    /** The survey without its questions, for lists. */
    Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("intro", intro);
        m.put("startsOn", startsOn.toString());
        m.put("endsOn", endsOn.toString());
        m.put("status", status);
        m.put("anonymous", anonymous);
        m.put("rewardPoints", rewardPoints);
        m.put("questionCount", questions.size());
        return m;
    }

    /** The summary with what only operators see: target, response count, times. */
    Map<String, Object> adminJson() {
        Map<String, Object> m = json();
        m.put("target", target.json());
        m.put("responses", responses);
        m.put("frozen", frozen());
        m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        m.put("updatedAt", Instant.ofEpochMilli(updatedAt).toString());
        return m;
    }
}
