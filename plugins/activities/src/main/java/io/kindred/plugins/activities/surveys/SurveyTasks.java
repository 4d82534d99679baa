package io.kindred.plugins.activities.surveys;

import io.kindred.api.tasks.TaskKind;
import io.kindred.api.tasks.TaskProgress;

import java.util.Optional;

/**
 * The kind of task questionnaires offer the task centre: "answer N questionnaires", or one given questionnaire
 * (parameter {@code survey}: its id; blank for any), read from {@code survey.answered}, whose event user is the member
 * (anonymous questionnaires too: the event says that they answered, never what).
 */
final class SurveyTasks {

    static final TaskKind ANSWER = TaskKind.of("surveys.answer", "Answer {target} questionnaires", Answering.EVENT,
                    (event, params) -> {
                        String only = params.getOrDefault("survey", "").strip();
                        if (event.userId() == null
                                || !only.isEmpty() && !only.equals(String.valueOf(event.longValue("surveyId")))) {
                            return Optional.empty();
                        }
                        return Optional.of(TaskProgress.add(event.userId(), 1));
                    })
            .named("zh", "填写 {target} 份调研问卷").namedForOne("en", "Answer a questionnaire").withParameters("survey");

    private SurveyTasks() {
    }
}
