package io.kindred.plugins.activities.surveys;

import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;

import java.util.Map;

/** The member JSON API under {@code /api/v1/surveys}. */
final class SurveyApi {

    private final ForMembers forMembers;
    private final Answering answering;

    SurveyApi(ForMembers forMembers, Answering answering) {
        this.forMembers = forMembers;
        this.answering = answering;
    }

    /** {@code GET /api/v1/surveys}: the open questionnaires for me, unanswered first. */
    void list(Exchange x) {
        x.json(Page.all(forMembers.of(x.requireMember().id(), x.locale())));
    }

    /** {@code GET /api/v1/surveys/{id}}: a questionnaire and its questions; 403 outside its target. */
    void survey(Exchange x) {
        x.json(Map.of("survey", forMembers.one(x.requireMember().id(), x.pathParamAsId("id"), x.locale())));
    }

    /** {@code POST /api/v1/surveys/{id}/responses}: I answer, once. */
    void respond(Exchange x) {
        Answers.Body body = x.body(Answers.Body.class);
        x.json(201, Map.of("response", answering.answer(x.requireMember(), x.pathParamAsId("id"), body.answers())));
    }
}
