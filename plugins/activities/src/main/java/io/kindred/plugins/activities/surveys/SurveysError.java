package io.kindred.plugins.activities.surveys;

import io.kindred.api.ErrorCode;

/** The error codes of questionnaires, each with its one status. */
final class SurveysError {

    /** The member answered this questionnaire already (one response per member). */
    static final ErrorCode ALREADY_ANSWERED = ErrorCode.of(409, "already_answered");
    /** The questionnaire is a draft, closed, outside its dates. */
    static final ErrorCode SURVEY_CLOSED = ErrorCode.of(409, "survey_closed");
    /** The member is outside the questionnaire's target (segment, label or tier). */
    static final ErrorCode NOT_TARGETED = ErrorCode.of(403, "not_targeted");
    /** The questions cannot change: the questionnaire has responses. */
    static final ErrorCode QUESTIONS_FROZEN = ErrorCode.of(409, "questions_frozen");
    /** The results filter by segment is off for anonymous questionnaires. */
    static final ErrorCode ANONYMOUS_SURVEY = ErrorCode.of(409, "anonymous_survey");

    /** An anonymous questionnaire shows no results below {@link Results#MIN_ANONYMOUS} responses. */
    static final ErrorCode TOO_FEW_RESPONSES = ErrorCode.of(409, "too_few_responses");

    private SurveysError() {
    }
}
