package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.UploadedFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console's question forms: add a question at the end (options one per line, {@code Label -> 3} or
 * {@code Label -> end} to branch; for an image choice one picture per option, in order) and delete one (branches to
 * later questions follow it). Both refused once the questionnaire has answers.
 */
final class QuestionConsole {

    private final PluginContext ctx;
    private final Surveys surveys;

    QuestionConsole(PluginContext ctx, Surveys surveys) {
        this.ctx = ctx;
        this.surveys = surveys;
    }

    void add(Exchange x) {
        long id = x.pathParamAsId("id");
        String back = "/console/activities/surveys/" + id;
        ConsoleForms.act(x, () -> {
            Survey s = surveys.find(id);
            List<Drafts.QuestionDraft> drafts = new ArrayList<>(Drafts.of(s.questions()));
            drafts.add(question(x));
            surveys.replaceQuestions(x.actor(), id, drafts);
            return back + "?notice=saved#questions";
        }, back);
    }

    void delete(Exchange x) {
        long id = x.pathParamAsId("id");
        String back = "/console/activities/surveys/" + id;
        int position = (int) x.pathParamAsId("position");
        ConsoleForms.act(x, () -> {
            Survey s = surveys.find(id);
            surveys.replaceQuestions(x.actor(), id, Drafts.without(s.questions(), position));
            return back + "?notice=saved#questions";
        }, back);
    }

    private Drafts.QuestionDraft question(Exchange x) {
        String kind = ConsoleForms.value(x, "kind").orElse("single");
        List<String> lines = ConsoleForms.value(x, "options").map(s -> s.lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList()).orElse(List.of());
        List<UploadedFile> images = x.files("images");
        if (kind.equals(QuestionKind.IMAGE.code()) && images.size() != lines.size()) {
            throw KindredException.invalidField("An image choice needs one picture per option, in order ("
                    + lines.size() + " options, " + images.size() + " pictures).");
        }
        List<Drafts.OptionDraft> options = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("->", 2);
            Optional<String> image = kind.equals(QuestionKind.IMAGE.code())
                    ? Optional.of(ctx.images().store(images.get(i), "surveys")) : Optional.empty();
            options.add(new Drafts.OptionDraft(parts[0].strip(), image,
                    parts.length > 1 ? Optional.of(parts[1].strip()) : Optional.empty()));
        }
        return new Drafts.QuestionDraft(kind, x.formValue("text").orElse(null),
                Optional.of(x.formValue("required").isPresent()), Optional.of(options));
    }
}
