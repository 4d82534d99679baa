package io.kindred.plugins.activities.surveys;

import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/** What the console pages of questionnaires share: running an operator's form and going back with the outcome. */
final class ConsoleForms {

    private ConsoleForms() {
    }

    /** Runs the action; back to {@code back} with {@code notice} or with the error's message (a 404 stays a 404). */
    static void act(Exchange x, Supplier<String> action, String back) {
        String to;
        try {
            to = action.get();
        } catch (KindredException e) {
            if (e.status() == 404) {
                throw e;
            }
            x.redirect(back + (back.contains("?") ? "&" : "?") + "error="
                    + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8));
            return;
        }
        x.redirect(to);
    }

    static Optional<String> value(Exchange x, String field) {
        return x.formValue(field).filter(s -> !s.isBlank()).map(String::strip);
    }

    /** @return the survey settings of the console form (without questions) */
    static Drafts.Draft draft(Exchange x) {
        Optional<Long> reward = value(x, "rewardPoints").map(v -> {
            if (!v.matches("[0-9]{1,9}")) {
                throw KindredException.invalidField("The field 'rewardPoints' must be a whole number.");
            }
            return Long.parseLong(v);
        });
        return new Drafts.Draft(x.formValue("title").orElse(null), value(x, "intro"), x.formValue("startsOn").orElse(null),
                x.formValue("endsOn").orElse(null), value(x, "status"), Optional.of(x.formValue("anonymous").isPresent()),
                reward, Optional.of(new Drafts.TargetDraft(value(x, "targetKind").orElse("all"), value(x, "targetValue"))),
                Optional.empty());
    }
}
