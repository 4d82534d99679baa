package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;

import java.util.List;
import java.util.Optional;

/** Creating, changing and finding questionnaires; every change by an operator is audited. */
final class Surveys {

    private final PluginContext ctx;
    private final SurveyStore store;

    Surveys(PluginContext ctx, SurveyStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    Survey create(Member operator, Drafts.Draft draft) {
        SurveyStore.Input in = Drafts.input(draft);
        List<Question> questions = Drafts.questions(draft.questions().orElse(List.of()));
        return ctx.db().write(tx -> {
            long id = store.insert(tx, in, ctx.clock().millis());
            store.replaceQuestions(tx, id, questions);
            ctx.audit().record(tx, operator, "surveys.survey_created", target(id), in.title());
            return store.find(tx, id).orElseThrow();
        });
    }

    /** Changes a survey; its questions only while nobody has answered (they are frozen then). */
    Survey update(Member operator, long id, Drafts.Draft draft) {
        SurveyStore.Input in = Drafts.input(draft);
        Optional<List<Question>> questions = draft.questions().map(Drafts::questions);
        return ctx.db().write(tx -> {
            Survey before = store.find(tx, id).orElseThrow(() -> notFound(id));
            if (questions.isPresent() && before.frozen()) {
                throw new KindredException(SurveysError.QUESTIONS_FROZEN, "Questionnaire " + id
                        + " has responses; its questions can no longer change.");
            }
            if (before.frozen() && in.anonymous() != before.anonymous()) {
                throw new KindredException(SurveysError.QUESTIONS_FROZEN, "Questionnaire " + id
                        + " has responses; it cannot switch anonymous mode.");
            }
            store.update(tx, id, in, ctx.clock().millis());
            questions.ifPresent(qs -> store.replaceQuestions(tx, id, qs));
            ctx.audit().record(tx, operator, "surveys.survey_updated", target(id), in.title() + " (" + in.status() + ")");
            return store.find(tx, id).orElseThrow();
        });
    }

    /** Replaces the questions of a survey nobody answered yet (the console's question forms). */
    Survey replaceQuestions(Member operator, long id, List<Drafts.QuestionDraft> drafts) {
        List<Question> questions = Drafts.questions(drafts);
        return ctx.db().write(tx -> {
            Survey before = store.find(tx, id).orElseThrow(() -> notFound(id));
            if (before.frozen()) {
                throw new KindredException(SurveysError.QUESTIONS_FROZEN, "Questionnaire " + id
                        + " has responses; its questions can no longer change.");
            }
            store.replaceQuestions(tx, id, questions);
            ctx.audit().record(tx, operator, "surveys.questions_changed", target(id), questions.size() + " questions");
            return store.find(tx, id).orElseThrow();
        });
    }

    /** Deletes a survey nobody answered yet; one with responses is closed instead. */
    void delete(Member operator, long id) {
        ctx.db().write(tx -> {
            Survey s = store.find(tx, id).orElseThrow(() -> notFound(id));
            if (s.frozen()) {
                throw new KindredException(SurveysError.QUESTIONS_FROZEN,
                        "Questionnaire " + id + " has responses; close it instead of deleting it.");
            }
            store.delete(tx, id);
            ctx.audit().record(tx, operator, "surveys.survey_deleted", target(id), s.title());
            return null;
        });
    }

    Survey find(long id) {
        return ctx.db().read(h -> store.find(h, id)).orElseThrow(() -> notFound(id));
    }

    /** @return a survey a member may see: any that is not a draft */
    Survey findPublished(long id) {
        Survey s = find(id);
        if (s.status().equals("draft")) {
            throw notFound(id);
        }
        return s;
    }

    /** @return the published surveys among the ids, newest first */
    List<Survey> published(java.util.Collection<Long> ids, int limit) {
        return ctx.db().read(h -> store.published(h, ids, limit));
    }

    List<Survey> open(int limit) {
        return ctx.db().read(h -> store.open(h, ctx.today(), limit));
    }

    static KindredException notFound(long id) {
        return KindredException.notFound("There is no questionnaire " + id + ".");
    }

    static String target(long id) {
        return "surveys:survey:" + id;
    }
}
