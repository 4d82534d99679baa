package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operator JSON API under {@code /api/v1/admin/surveys}: CRUD, results, CSV. */
final class SurveyAdmin {

    private final PluginContext ctx;
    private final Surveys surveys;
    private final SurveyStore store;
    private final Results results;

    SurveyAdmin(PluginContext ctx, Surveys surveys, SurveyStore store, Results results) {
        this.ctx = ctx;
        this.surveys = surveys;
        this.store = store;
        this.results = results;
    }

    void list(Exchange x) {
        PageRequest page = x.page(50, 200);
        String status = x.query("status").filter(s -> !s.isBlank()).orElse(null);
        if (status != null && !Survey.STATUSES.contains(status)) {
            throw KindredException.invalidField("The parameter 'status' must be one of " + Survey.STATUSES + ".");
        }
        List<Survey> rows = ctx.db().read(h -> store.list(h, status, page.before(), page.limit()));
        x.json(Page.of(rows, page, Survey::id).map(Survey::adminJson));
    }

    void create(Exchange x) {
        Survey s = surveys.create(x.actor(), x.body(Drafts.Draft.class));
        x.json(201, Map.of("survey", s.adminJson()));
    }

    void survey(Exchange x) {
        x.json(Map.of("survey", surveys.find(x.pathParamAsId("id")).adminJson()));
    }

    void update(Exchange x) {
        Survey s = surveys.update(x.actor(), x.pathParamAsId("id"), x.body(Drafts.Draft.class));
        x.json(Map.of("survey", s.adminJson()));
    }

    void delete(Exchange x) {
        surveys.delete(x.actor(), x.pathParamAsId("id"));
        x.noContent();
    }

    /** {@code GET /{id}/results?segment=}: per-question figures and NPS. */
    void results(Exchange x) {
        Survey s = surveys.find(x.pathParamAsId("id"));
        x.json(Map.of("results", results.figures(s, results.responses(s, segment(x)))));
    }

    /** {@code GET /{id}/results.csv?segment=}: one row per response. */
    void csv(Exchange x) {
        Survey s = surveys.find(x.pathParamAsId("id"));
        var rows = results.responses(s, segment(x));
        x.csv("survey-" + s.id() + ".csv", Results.csvHeader(s), Results.csvRows(s, rows));
    }

    static Optional<Long> segment(Exchange x) {
        Optional<String> v = x.query("segment").filter(s -> !s.isBlank());
        if (v.isPresent() && !v.get().matches("[1-9][0-9]{0,17}")) {
            throw KindredException.invalidField("The parameter 'segment' must be a segment id.");
        }
        return v.map(Long::parseLong);
    }
}
