package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Member pages: {@code /activities/surveys} (open questionnaires for me, and the ones I answered) and
 * {@code /activities/surveys/{id}}, one page with every question; without JavaScript the server keeps only the answers
 * on the path they take, with JavaScript the questions off the path are hidden as the member answers.
 */
final class SurveyPages {

    private final Surveys surveys;
    private final ForMembers forMembers;
    private final Answering answering;

    SurveyPages(Surveys surveys, ForMembers forMembers, Answering answering) {
        this.surveys = surveys;
        this.forMembers = forMembers;
        this.answering = answering;
    }

    void index(Exchange x) {
        long me = x.requireMember().id();
        Map<String, Object> model = new HashMap<>();
        model.put("open", forMembers.of(me, x.locale()).stream().filter(s -> !Boolean.TRUE.equals(s.get("answered"))).toList());
        model.put("done", forMembers.answered(me, x.locale()));
        x.render("activities/surveys/index", model);
    }

    void survey(Exchange x) {
        Map<String, Object> model = new HashMap<>();
        long id = x.pathParamAsId("id");
        try {
            model.put("survey", forMembers.one(x.requireMember().id(), id, x.locale()));
        } catch (KindredException e) {
            if (e.status() != 403) {
                throw e;
            }
            model.put("notTargeted", true);
        }
        model.put("done", x.query("done").isPresent());
        model.put("error", x.query("error").filter(e -> e.matches("[a-z_]{1,40}")).orElse(null));
        x.render("activities/surveys/survey", model);
    }

    /** {@code POST /activities/surveys/{id}}: the form, without JavaScript; back to the page with the outcome. */
    void answer(Exchange x) {
        long id = x.pathParamAsId("id");
        Member me = x.requireMember();
        try {
            Survey s = surveys.findPublished(id);
            answering.answer(me, id, Answers.onPath(s, given(x, s)));
        } catch (KindredException e) {
            if (e.status() == 404 || e.status() == 401) {
                throw e;
            }
            x.redirect("/activities/surveys/" + id + "?error=" + e.code() + "#answer");
            return;
        }
        x.redirect("/activities/surveys/" + id + "?done=1");
    }

    /** @return the answers of the form: {@code q<id>} an option id (several for multiple choice), a number or a text */
    private static List<Answers.Given> given(Exchange x, Survey s) {
        List<Answers.Given> out = new ArrayList<>();
        Map<String, List<String>> form = x.form();
        for (Question q : s.questions()) {
            List<String> values = form.getOrDefault("q" + q.id(), List.of()).stream().filter(v -> !v.isEmpty()).toList();
            if (values.isEmpty()) {
                continue;
            }
            try {
                if (q.kind().choice()) {
                    out.add(new Answers.Given(q.id(), Optional.of(values.stream().map(Long::parseLong).toList()),
                            Optional.empty(), Optional.empty()));
                } else if (q.kind().numeric()) {
                    out.add(new Answers.Given(q.id(), Optional.empty(), Optional.of(Integer.parseInt(values.get(0))),
                            Optional.empty()));
                } else {
                    out.add(new Answers.Given(q.id(), Optional.empty(), Optional.empty(), Optional.of(values.get(0))));
                }
            } catch (NumberFormatException e) {
                throw KindredException.invalidField("The answer to question " + q.position() + " is not valid.");
            }
        }
        return out;
    }

    /** @return the model of the partial {@code activities/surveys/for-you}: up to 3 unanswered questionnaires */
    Map<String, Object> forYou(Member viewer, java.util.Locale locale) {
        Map<String, Object> m = new HashMap<>();
        m.put("surveys", viewer == null ? List.of() : forMembers.of(viewer.id(), locale).stream()
                .filter(s -> !Boolean.TRUE.equals(s.get("answered"))).limit(3).toList());
        return m;
    }
}
