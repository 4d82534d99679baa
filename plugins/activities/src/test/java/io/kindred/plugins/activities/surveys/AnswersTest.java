package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;
import io.kindred.api.events.Event;
import io.kindred.api.tasks.TaskProgress;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The branching walk of answers and the task kind, without a platform. */
class AnswersTest {

    /** 1 single: A (next) / B (→ 3) / C (→ end); 2 short text required; 3 scale required. */
    private static final Survey SURVEY = new Survey(1, "T", "", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
            "open", false, 0, Target.ALL, List.of(
            new Question(10, 1, QuestionKind.SINGLE, "Q1", true, List.of(new Option(100, "A", null, null),
                    new Option(101, "B", null, 3), new Option(102, "C", null, Option.END))),
            new Question(20, 2, QuestionKind.SHORT_TEXT, "Q2", true, List.of()),
            new Question(30, 3, QuestionKind.SCALE, "Q3", true, List.of())), 0, 0, 0);

    private static Answers.Given choice(long q, long option) {
        return new Answers.Given(q, Optional.of(List.of(option)), Optional.empty(), Optional.empty());
    }

    private static Answers.Given text(long q, String text) {
        return new Answers.Given(q, Optional.empty(), Optional.empty(), Optional.of(text));
    }

    private static Answers.Given value(long q, int value) {
        return new Answers.Given(q, Optional.empty(), Optional.of(value), Optional.empty());
    }

    @Test
    void aJumpRecordsTheSkippedQuestionAsNotAskedAndKeepsTextsAsGiven() {
        List<Answers.Answer> a = Answers.recorded(SURVEY, List.of(choice(10, 101), value(30, 4)));
        assertEquals(List.of(true, false, true), a.stream().map(Answers.Answer::asked).toList());
        List<Answers.Answer> b = Answers.recorded(SURVEY, List.of(choice(10, 100), text(20, " x "), value(30, 1)));
        assertEquals(" x ", b.get(1).text());
    }

    @Test
    void endStopsThePathSoLaterRequiredQuestionsAreNotAsked() {
        List<Answers.Answer> a = Answers.recorded(SURVEY, List.of(choice(10, 102)));
        assertEquals(List.of(true, false, false), a.stream().map(Answers.Answer::asked).toList());
    }

    @Test
    void anAnswerOffThePathIsRefusedByTheApiAndDroppedForThePageForm() {
        List<Answers.Given> given = List.of(choice(10, 102), text(20, "typed before choosing C"));
        assertThrows(KindredException.class, () -> Answers.recorded(SURVEY, given));
        assertEquals(List.of(10L), Answers.onPath(SURVEY, given).stream().map(Answers.Given::questionId).toList());
    }

    @Test
    void aRequiredQuestionOnThePathNeedsAnAnswer() {
        assertThrows(KindredException.class, () -> Answers.recorded(SURVEY, List.of(choice(10, 100), value(30, 3))));
        assertThrows(KindredException.class, () -> Answers.recorded(SURVEY, List.of(choice(10, 101), value(30, 6))));
    }

    @Test
    void theTaskKindCountsEachAnswerOrOnlyTheGivenQuestionnaire() {
        Event e = new Event(1, Answering.EVENT, 7L, Map.of("surveyId", 5), Instant.EPOCH);
        Optional<TaskProgress> any = SurveyTasks.ANSWER.rule().progress(e, Map.of("target", "2"));
        assertTrue(any.isPresent());
        assertEquals(7, any.get().memberId());
        assertTrue(SurveyTasks.ANSWER.rule().progress(e, Map.of("survey", "5")).isPresent());
        assertFalse(SurveyTasks.ANSWER.rule().progress(e, Map.of("survey", "6")).isPresent());
    }
}
