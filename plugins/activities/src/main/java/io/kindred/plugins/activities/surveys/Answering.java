package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member answers a questionnaire: once, while it is open, inside its target. In one transaction the member is
 * recorded as a taker (the fact kept apart from the answers), the response is stored (without member and time when
 * anonymous), the reward is paid with a ledger key made of survey and member, and {@code survey.answered} is published
 * with the member as the event's user and no answers in its payload.
 */
final class Answering {

    static final String EVENT = "survey.answered";
    static final String REASON = "surveys.reward";

    private final PluginContext ctx;
    private final Surveys surveys;
    private final ResponseStore store;
    private final Audience audience;

    Answering(PluginContext ctx, Surveys surveys, ResponseStore store, Audience audience) {
        this.ctx = ctx;
        this.surveys = surveys;
        this.store = store;
        this.audience = audience;
    }

    /** @return what the member reads back: the survey, the day and the points paid */
    Map<String, Object> answer(Member member, long surveyId, List<Answers.Given> given) {
        Survey s = surveys.findPublished(surveyId);
        LocalDate today = ctx.today();
        if (!s.takesAnswers(today)) {
            throw new KindredException(SurveysError.SURVEY_CLOSED, "This questionnaire is not taking answers.");
        }
        audience.check(s, member.id());
        List<Answers.Answer> recorded = Answers.recorded(s, given);
        ctx.db().write(tx -> {
            if (!store.take(tx, s.id(), member.id(), today.toString())) {
                throw new KindredException(SurveysError.ALREADY_ANSWERED, "You have answered this questionnaire already.");
            }
            store.insert(tx, s.id(), s.anonymous() ? null : member.id(), today.toString(),
                    s.anonymous() ? null : ctx.clock().millis(), recorded);
            if (s.rewardPoints() > 0) {
                ctx.ledger().credit(tx, member.id(), "points", s.rewardPoints(), REASON, Surveys.target(s.id()),
                        rewardKey(s.id(), member.id()));
            }
            ctx.events().publish(tx, EVENT, member.id(), Map.of("surveyId", s.id()));
            return null;
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("surveyId", s.id());
        m.put("answeredOn", today.toString());
        m.put("rewardPoints", s.rewardPoints());
        return m;
    }

    /** @return the idempotency key of a member's reward for a survey: paid once, whatever happens */
    static String rewardKey(long surveyId, long userId) {
        return "surveys:reward:" + surveyId + ":" + userId;
    }
}
