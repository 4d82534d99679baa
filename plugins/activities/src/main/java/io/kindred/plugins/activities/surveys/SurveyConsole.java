package io.kindred.plugins.activities.surveys;

import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Console pages of questionnaires: the list with a form for a new one, and the editor (settings, questions and their
 * branches; questions frozen once there are answers). Plain forms, no JavaScript needed.
 */
final class SurveyConsole {

    private final PluginContext ctx;
    private final Surveys surveys;
    private final SurveyStore store;
    private final Audience audience;

    SurveyConsole(PluginContext ctx, Surveys surveys, SurveyStore store, Audience audience) {
        this.ctx = ctx;
        this.surveys = surveys;
        this.store = store;
        this.audience = audience;
    }

    void list(Exchange x) {
        Map<String, Object> model = base(x);
        model.put("surveys", ctx.db().read(h -> store.list(h, null, Long.MAX_VALUE, 200)).stream()
                .map(s -> s.readable(s.adminJson(), x.locale())).toList());
        model.put("today", ctx.today().toString());
        model.put("monthLater", ctx.today().plusDays(30).toString());
        x.render("activities/surveys/console-list", model);
    }

    void create(Exchange x) {
        ConsoleForms.act(x, () -> "/console/activities/surveys/" + surveys.create(x.actor(), ConsoleForms.draft(x)).id()
                + "?notice=saved", "/console/activities/surveys");
    }

    void edit(Exchange x) {
        Survey s = surveys.find(x.pathParamAsId("id"));
        Map<String, Object> model = base(x);
        model.put("survey", s.adminJson());
        model.put("kinds", java.util.Arrays.stream(QuestionKind.values()).map(QuestionKind::code).toList());
        x.render("activities/surveys/console-edit", model);
    }

    void update(Exchange x) {
        long id = x.pathParamAsId("id");
        String back = "/console/activities/surveys/" + id;
        ConsoleForms.act(x, () -> {
            surveys.update(x.actor(), id, ConsoleForms.draft(x));
            return back + "?notice=saved";
        }, back);
    }

    void delete(Exchange x) {
        long id = x.pathParamAsId("id");
        ConsoleForms.act(x, () -> {
            surveys.delete(x.actor(), id);
            return "/console/activities/surveys?notice=deleted";
        }, "/console/activities/surveys/" + id);
    }

    private Map<String, Object> base(Exchange x) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", x.query("error").orElse(null));
        model.put("notice", x.query("notice").filter(n -> List.of("saved", "deleted").contains(n)).orElse(null));
        model.put("statuses", Survey.STATUSES);
        model.put("targetKinds", audience.tiersOn() ? Target.KINDS : List.of("all", "segment", "label"));
        return model;
    }
}
