package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.kindred.api.web.Fields.text;
import static io.kindred.api.web.Fields.day;

/**
 * A questionnaire as an operator writes it (admin API body and console form alike), and its validation: dates,
 * status, reward, target, and questions whose branches only jump forward to a question that exists, or to the end.
 */
final class Drafts {

    /** An option: {@code goTo} is a later question's position ({@code "3"}) or {@code "end"}; absent: the next. */
    record OptionDraft(String label, Optional<String> imageUrl, Optional<String> goTo) {
    }

    record QuestionDraft(String kind, String text, Optional<Boolean> required, Optional<List<OptionDraft>> options) {
    }

    record TargetDraft(String kind, Optional<String> value) {
    }

    /** The whole body; {@code questions} absent on an update keeps the questions as they are. */
    record Draft(String title, Optional<String> intro, String startsOn, String endsOn, Optional<String> status,
                 Optional<Boolean> anonymous, Optional<Long> rewardPoints, Optional<TargetDraft> target,
                 Optional<List<QuestionDraft>> questions) {
    }

    static final int MAX_QUESTIONS = 50;
    static final int MAX_OPTIONS = 20;
    static final long MAX_REWARD = 1_000_000;

    private Drafts() {
    }

    static SurveyStore.Input input(Draft d) {
        String title = text(d.title(), "title", 200);
        String intro = d.intro().map(String::strip).orElse("");
        if (intro.length() > 5000) {
            throw KindredException.invalidField("The field 'intro' must be at most 5000 characters.");
        }
        LocalDate starts = day(d.startsOn(), "startsOn");
        LocalDate ends = day(d.endsOn(), "endsOn");
        if (ends.isBefore(starts)) {
            throw KindredException.invalidField("The field 'endsOn' must not be before 'startsOn'.");
        }
        String status = d.status().orElse("draft");
        if (!Survey.STATUSES.contains(status)) {
            throw KindredException.invalidField("The field 'status' must be one of " + Survey.STATUSES + ".");
        }
        long reward = d.rewardPoints().orElse(0L);
        if (reward < 0 || reward > MAX_REWARD) {
            throw KindredException.invalidField("The field 'rewardPoints' must be from 0 to " + MAX_REWARD + ".");
        }
        Target target = d.target().map(t -> Target.checked(t.kind(), t.value().orElse(null))).orElse(Target.ALL);
        return new SurveyStore.Input(title, intro, starts, ends, status, d.anonymous().orElse(false), reward, target);
    }

    /** @return the questions checked and numbered 1, 2, …; branches jump forward to an existing question or the end */
    static List<Question> questions(List<QuestionDraft> drafts) {
        if (drafts.size() > MAX_QUESTIONS) {
            throw KindredException.invalidField("A questionnaire has at most " + MAX_QUESTIONS + " questions.");
        }
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            out.add(question(drafts.get(i), i + 1, drafts.size()));
        }
        return out;
    }

    private static Question question(QuestionDraft d, int position, int count) {
        String field = "questions[" + (position - 1) + "]";
        QuestionKind kind = QuestionKind.of(d.kind());
        String text = text(d.text(), field + ".text", 500);
        List<OptionDraft> given = d.options().orElse(List.of());
        if (kind.choice() && (given.size() < 2 || given.size() > MAX_OPTIONS)) {
            throw KindredException.invalidField("The field '" + field + ".options' must have 2 to " + MAX_OPTIONS + " options.");
        }
        if (!kind.choice() && !given.isEmpty()) {
            throw KindredException.invalidField("The field '" + field + ".options' is only for choice questions.");
        }
        List<Option> options = new ArrayList<>();
        for (int k = 0; k < given.size(); k++) {
            options.add(option(given.get(k), kind, field + ".options[" + k + "]", position, count));
        }
        return new Question(0, position, kind, text, d.required().orElse(false), options);
    }

    private static Option option(OptionDraft o, QuestionKind kind, String field, int position, int count) {
        String label = text(o.label(), field + ".label", 200);
        String image = o.imageUrl().filter(s -> !s.isBlank()).map(String::strip).orElse(null);
        if (kind == QuestionKind.IMAGE && image == null) {
            throw KindredException.missingField(field + ".imageUrl");
        }
        if (image != null && (kind != QuestionKind.IMAGE || !image.matches("/uploads/[A-Za-z0-9/_.-]{1,200}"))) {
            throw KindredException.invalidField("The field '" + field + ".imageUrl' must be an uploaded picture"
                    + " (/uploads/…) of an image choice.");
        }
        Integer goTo = o.goTo().filter(s -> !s.isBlank()).map(s -> goTo(s.strip(), field, position, count)).orElse(null);
        if (goTo != null && !kind.branches()) {
            throw KindredException.invalidField("The field '" + field + ".goTo' is only for single and image choices.");
        }
        return new Option(0, label, image, goTo);
    }

    private static int goTo(String value, String field, int position, int count) {
        if (value.equals("end")) {
            return Option.END;
        }
        int target;
        try {
            target = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw KindredException.invalidField("The field '" + field + ".goTo' must be a question number or 'end'.");
        }
        if (target <= position || target > count) {
            throw KindredException.invalidField("The field '" + field + ".goTo' must jump forward to question "
                    + (position + 1) + " to " + count + ", or to 'end'.");
        }
        return target;
    }

    /** @return the stored questions as drafts again, to write them back with a change */
    static List<QuestionDraft> of(List<Question> questions) {
        return questions.stream().map(q -> new QuestionDraft(q.kind().code(), q.text(), Optional.of(q.required()),
                Optional.of(q.options().stream().map(o -> new OptionDraft(o.label(), Optional.ofNullable(o.imageUrl()),
                        Optional.ofNullable(o.goTo()).map(g -> g == Option.END ? "end" : String.valueOf(g)))).toList())))
                .toList();
    }

    /**
     * @return the questions without the one at {@code position}; a branch to a later question follows it, and a branch
     * to the removed one goes to the question that takes its place (to the end when it was the last)
     */
    static List<QuestionDraft> without(List<Question> questions, int position) {
        int count = questions.size() - 1;
        List<Question> kept = new ArrayList<>();
        for (Question q : questions) {
            if (q.position() == position) {
                continue;
            }
            List<Option> options = q.options().stream().map(o -> {
                Integer g = o.goTo();
                if (g != null && g != Option.END && g > position) {
                    g = g - 1;
                }
                if (g != null && g != Option.END && g > count) {
                    g = Option.END;
                }
                return new Option(o.id(), o.label(), o.imageUrl(), g);
            }).toList();
            kept.add(new Question(q.id(), q.position(), q.kind(), q.text(), q.required(), options));
        }
        return of(kept);
    }
}
