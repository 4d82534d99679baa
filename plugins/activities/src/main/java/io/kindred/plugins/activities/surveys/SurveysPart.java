package io.kindred.plugins.activities.surveys;

import io.kindred.api.PluginContext;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

/**
 * Questionnaires (调研问卷): operators build forms (single and multiple choice, scale 1–5, NPS 0–10, short and long
 * text, image choice; required flags; forward branching "if answer X go to question N"), target them (all, a saved
 * segment, a label, a tier and above), set dates and a points reward paid once per member; members answer on their
 * phone; results with charts, NPS, CSV and a filter by segment; anonymous mode. Publishes {@code survey.answered}
 * {@code {surveyId}} with the member as the event's user. The partial {@code activities/surveys/for-you} lists the
 * questionnaires for the viewer (model: {@link #forYou}). Offers the task centre the kind {@code surveys.answer}.
 */
public final class SurveysPart {

    private final PluginContext ctx;
    private SurveyPages pages;

    public SurveysPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's contributions (the plugin registers the shared migrations folder). */
    public void contribute() {
        SurveyStore store = new SurveyStore();
        ResponseStore responses = new ResponseStore();
        Audience audience = new Audience(ctx);
        Surveys surveys = new Surveys(ctx, store);
        Answering answering = new Answering(ctx, surveys, responses, audience);
        ForMembers forMembers = new ForMembers(ctx, surveys, responses, audience);
        Results results = new Results(ctx, responses, audience);
        SurveyApi api = new SurveyApi(forMembers, answering);
        SurveyAdmin admin = new SurveyAdmin(ctx, surveys, store, results);
        pages = new SurveyPages(surveys, forMembers, answering);
        SurveyConsole console = new SurveyConsole(ctx, surveys, store, audience);
        QuestionConsole questions = new QuestionConsole(ctx, surveys);
        ResultsConsole resultsConsole = new ResultsConsole(surveys, results);

        ctx.messages("messages/surveys");
        ctx.openApi("openapi/surveys.json");
        ctx.script("surveys/branching.js");
        ctx.stylesheet("surveys/surveys.css");
        ctx.taskKind(SurveyTasks.ANSWER);

        Routes r = ctx.routes();
        SurveyPages pages = this.pages;
        r.group("/api/v1/surveys", Access.MEMBER, g -> {
            g.get("", api::list);
            g.get("/{id}", api::survey);
            g.post("/{id}/responses", api::respond);
        });
        r.group("/api/v1/admin/surveys", Access.OPERATOR, g -> {
            g.get("", admin::list);
            g.post("", admin::create);
            g.get("/{id}", admin::survey);
            g.put("/{id}", admin::update);
            g.delete("/{id}", admin::delete);
            g.get("/{id}/results", admin::results);
            g.get("/{id}/results.csv", admin::csv);
        });
        r.group("/activities/surveys", Access.MEMBER, g -> {
            g.get("", pages::index);
            g.get("/{id}", pages::survey);
            g.post("/{id}", pages::answer);
        });
        r.group("/console/activities/surveys", Access.OPERATOR, g -> {
            g.get("", console::list);
            g.post("", console::create);
            g.get("/{id}", console::edit);
            g.post("/{id}", console::update);
            g.post("/{id}/delete", console::delete);
            g.post("/{id}/questions", questions::add);
            g.post("/{id}/questions/{position}/delete", questions::delete);
            g.get("/{id}/results", resultsConsole::results);
            g.get("/{id}/results.csv", resultsConsole::csv);
        });
    }

    /**
     * The model of the partial {@code activities/surveys/for-you} ("questionnaires for you", up to 3 unanswered ones)
     * for the overview page: {@code {% include "activities/surveys/for-you" %}} with this map's {@code surveys}.
     *
     * @param viewer the signed-in member, or null
     * @param locale the page's language
     * @return {@code surveys}: summaries of open questionnaires for the viewer
     */
    public java.util.Map<String, Object> forYou(io.kindred.api.users.Member viewer, java.util.Locale locale) {
        return pages == null ? java.util.Map.of("surveys", java.util.List.of()) : pages.forYou(viewer, locale);
    }
}
