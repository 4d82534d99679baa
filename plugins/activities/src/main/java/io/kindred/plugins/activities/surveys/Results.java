package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.segments.MemberIds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Results of a questionnaire for operators: per question how many were asked and answered, counts and percentages of
 * options, the average of scales, the NPS score ({@code %promoters(9–10) − %detractors(0–6)} over the NPS answers,
 * one decimal) and the text answers; optionally only the responses of a saved segment's members (not for anonymous
 * questionnaires). An anonymous questionnaire shows nothing below {@link #MIN_ANONYMOUS} responses.
 */
final class Results {

    static final int MIN_ANONYMOUS = 3;

    private final PluginContext ctx;
    private final ResponseStore store;
    private final Audience audience;

    Results(PluginContext ctx, ResponseStore store, Audience audience) {
        this.ctx = ctx;
        this.store = store;
        this.audience = audience;
    }

    /** @return the responses to show, all or those of a segment's members, after the anonymity checks */
    List<ResponseStore.Response> responses(Survey s, Optional<Long> segment) {
        MemberIds only = null;
        if (segment.isPresent()) {
            if (s.anonymous()) {
                throw new KindredException(SurveysError.ANONYMOUS_SURVEY,
                        "Answers of an anonymous questionnaire are not linked to members, so they cannot be filtered by segment.");
            }
            only = audience.segment(segment.get()).orElseThrow(() -> KindredException.invalidField(
                    "The segment " + segment.get() + " does not exist or cannot be counted now."));
        }
        MemberIds filter = only;
        List<ResponseStore.Response> rows = ctx.db().read(h -> store.all(h, s.id(), filter));
        if (s.anonymous() && rows.size() < MIN_ANONYMOUS) {
            throw new KindredException(SurveysError.TOO_FEW_RESPONSES, "An anonymous questionnaire shows its results"
                    + " from " + MIN_ANONYMOUS + " responses on, so that no one can be recognised by their answers.");
        }
        return rows;
    }

    /** @return the per-question figures of the responses */
    Map<String, Object> figures(Survey s, List<ResponseStore.Response> responses) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("surveyId", s.id());
        m.put("anonymous", s.anonymous());
        m.put("responses", responses.size());
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Question q : s.questions()) {
            questions.add(question(q, responses.stream().map(r -> r.answers().get(q.id()))
                    .filter(a -> a != null && a.asked()).toList()));
        }
        m.put("questions", questions);
        return m;
    }

    private static Map<String, Object> question(Question q, List<Answers.Answer> asked) {
        List<Answers.Answer> answered = asked.stream().filter(Answers.Answer::answered).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("questionId", q.id());
        m.put("position", q.position());
        m.put("kind", q.kind().code());
        m.put("text", q.text());
        m.put("asked", asked.size());
        m.put("answered", answered.size());
        if (q.kind().choice()) {
            m.put("options", q.options().stream().map(o -> {
                long n = answered.stream().filter(a -> a.optionIds().contains(o.id())).count();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("optionId", o.id());
                row.put("label", o.label());
                row.put("count", n);
                row.put("percent", percent(n, answered.size()));
                return row;
            }).toList());
        } else if (q.kind().numeric()) {
            numbers(q, answered, m);
        } else {
            m.put("texts", answered.stream().map(Answers.Answer::text).toList());
        }
        return m;
    }

    private static void numbers(Question q, List<Answers.Answer> answered, Map<String, Object> m) {
        List<Integer> values = answered.stream().map(Answers.Answer::number).toList();
        List<Long> counts = new ArrayList<>();
        for (int v = q.kind().min(); v <= q.kind().max(); v++) {
            int value = v;
            counts.add(values.stream().filter(x -> x == value).count());
        }
        m.put("counts", counts);
        m.put("average", values.isEmpty() ? null
                : Math.round(values.stream().mapToInt(Integer::intValue).average().orElse(0) * 100) / 100.0);
        if (q.kind() == QuestionKind.NPS) {
            long promoters = values.stream().filter(v -> v >= 9).count();
            long detractors = values.stream().filter(v -> v <= 6).count();
            m.put("promoters", promoters);
            m.put("passives", values.size() - promoters - detractors);
            m.put("detractors", detractors);
            m.put("nps", nps(promoters, detractors, values.size()));
        }
    }

    /** @return %promoters − %detractors, one decimal; null without answers */
    static Double nps(long promoters, long detractors, long total) {
        return total == 0 ? null : Math.round(1000.0 * (promoters - detractors) / total) / 10.0;
    }

    private static double percent(long n, long of) {
        return of == 0 ? 0 : Math.round(1000.0 * n / of) / 10.0;
    }

    /** @return the CSV header: response, (member, time when not anonymous), then one column per question */
    static List<String> csvHeader(Survey s) {
        List<String> h = new ArrayList<>(List.of("response"));
        if (!s.anonymous()) {
            h.addAll(List.of("member", "submittedOn"));
        }
        s.questions().forEach(q -> h.add("Q" + q.position() + " " + q.text()));
        return h;
    }

    /** @return one CSV row per response: options by label ("; " between several), "(not asked)" off the path */
    static List<List<?>> csvRows(Survey s, List<ResponseStore.Response> responses) {
        List<List<?>> rows = new ArrayList<>();
        for (ResponseStore.Response r : responses) {
            List<Object> row = new ArrayList<>(List.of(r.id()));
            if (!s.anonymous()) {
                row.add(r.userId());
                row.add(r.submittedOn());
            }
            for (Question q : s.questions()) {
                row.add(cell(q, r.answers().get(q.id())));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String cell(Question q, Answers.Answer a) {
        if (a == null || !a.asked()) {
            return "(not asked)";
        }
        if (q.kind().choice()) {
            return String.join("; ", a.optionIds().stream().map(id -> q.option(id).map(Option::label).orElse("?")).toList());
        }
        return a.number() != null ? String.valueOf(a.number()) : a.text() == null ? "" : a.text();
    }
}
