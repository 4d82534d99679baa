package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /console/activities/surveys/{id}/results}: a chart and a table per question (the theme's {@code bar-chart.js}
 * over Chart.js draws each {@code canvas.bar-chart}; the table carries the same numbers without JavaScript), the NPS,
 * text answers, a filter by saved segment (off for anonymous questionnaires, saying why) and the CSV.
 */
final class ResultsConsole {

    private final Surveys surveys;
    private final Results results;

    ResultsConsole(Surveys surveys, Results results) {
        this.surveys = surveys;
        this.results = results;
    }

    void results(Exchange x) {
        Survey s = surveys.find(x.pathParamAsId("id"));
        Map<String, Object> model = new HashMap<>();
        model.put("survey", s.adminJson());
        Optional<Long> segment = Optional.empty();
        try {
            segment = SurveyAdmin.segment(x);
            model.put("segment", segment.orElse(null));
            Map<String, Object> figures = results.figures(s, results.responses(s, segment));
            model.put("results", figures);
            model.put("charts", charts(figures));
        } catch (KindredException e) {
            if (e.status() == 404) {
                throw e;
            }
            model.put("error", e.code());
            model.put("errorMessage", e.getMessage());
        }
        model.put("csv", "/console/activities/surveys/" + s.id() + "/results.csv"
                + segment.map(v -> "?segment=" + v).orElse(""));
        model.put("minimum", Results.MIN_ANONYMOUS);
        x.render("activities/surveys/console-results", model);
    }

    void csv(Exchange x) {
        Survey s = surveys.find(x.pathParamAsId("id"));
        var rows = results.responses(s, SurveyAdmin.segment(x));
        x.csv("survey-" + s.id() + ".csv", Results.csvHeader(s), Results.csvRows(s, rows));
    }

    /** @return per question id: the chart's labels and values as the theme's bar chart reads them (comma-separated) */
    @SuppressWarnings("unchecked")
    private static Map<Object, Map<String, String>> charts(Map<String, Object> figures) {
        Map<Object, Map<String, String>> out = new HashMap<>();
        for (Map<String, Object> q : (List<Map<String, Object>>) figures.get("questions")) {
            if (q.containsKey("options")) {
                List<Map<String, Object>> options = (List<Map<String, Object>>) q.get("options");
                out.put(q.get("questionId"), Map.of(
                        "labels", options.stream().map(o -> label(o.get("label"))).collect(Collectors.joining(",")),
                        "values", options.stream().map(o -> String.valueOf(o.get("count"))).collect(Collectors.joining(","))));
            } else if (q.containsKey("counts")) {
                List<Long> counts = (List<Long>) q.get("counts");
                int min = "scale".equals(q.get("kind")) ? 1 : 0;
                StringBuilder labels = new StringBuilder();
                for (int i = 0; i < counts.size(); i++) {
                    labels.append(i == 0 ? "" : ",").append(min + i);
                }
                out.put(q.get("questionId"), Map.of("labels", labels.toString(), "values",
                        counts.stream().map(String::valueOf).collect(Collectors.joining(","))));
            }
        }
        return out;
    }

    /** The chart's labels are comma-separated: a comma in an option's label becomes a space there (the table keeps it). */
    private static String label(Object label) {
        String s = String.valueOf(label).replace(',', ' ').replace('，', ' ');
        return s.length() > 24 ? s.substring(0, 23) + "…" : s;
    }
}
