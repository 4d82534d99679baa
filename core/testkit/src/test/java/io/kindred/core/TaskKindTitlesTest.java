package io.kindred.core;

import io.kindred.api.tasks.TaskKind;
import io.kindred.api.tasks.TaskProgress;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A task kind's title reads right for a target of one ("Answer a questionnaire", not "Answer 1 questionnaires"). */
class TaskKindTitlesTest {

    private static final TaskKind ANSWER = TaskKind.of("surveys.answer", "Answer {target} questionnaires", "survey.answered",
            (e, params) -> Optional.of(TaskProgress.add(e.userId(), 1)))
            .named("zh", "填写 {target} 份调研问卷").namedForOne("en", "Answer a questionnaire");

    @Test
    void aTargetOfOneTakesTheSingularTitleInEnglishAndTheGeneralOneElsewhere() {
        assertEquals("Answer a questionnaire", ANSWER.title(Locale.ENGLISH, 1));
        assertEquals("Answer a questionnaire", ANSWER.title(Locale.US, 1));
        assertEquals("Answer {target} questionnaires", ANSWER.title(Locale.ENGLISH, 3));
        assertEquals("填写 {target} 份调研问卷", ANSWER.title(Locale.SIMPLIFIED_CHINESE, 1), "Chinese has no plural");
        assertEquals("Answer a questionnaire", ANSWER.title(Locale.FRENCH, 1), "a language without titles reads English");
        assertEquals("Answer {target} questionnaires", ANSWER.title(Locale.ENGLISH), "no target given");
    }
}
