package io.kindred.plugins.activities.surveys;

import io.kindred.api.PluginContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The questionnaires a member is asked now (open, inside the target), each marked answered or not. */
final class ForMembers {

    private final PluginContext ctx;
    private final Surveys surveys;
    private final ResponseStore store;
    private final Audience audience;

    ForMembers(PluginContext ctx, Surveys surveys, ResponseStore store, Audience audience) {
        this.ctx = ctx;
        this.surveys = surveys;
        this.store = store;
        this.audience = audience;
    }

    /** @return open questionnaires for the member, unanswered first, each a summary with {@code answered} */
    List<Map<String, Object>> of(long userId, java.util.Locale locale) {
        Set<Long> taken = ctx.db().read(h -> store.takenOf(h, userId));
        return surveys.open(200).stream().filter(s -> audience.includes(s.target(), userId))
                .sorted(java.util.Comparator.comparing(s -> taken.contains(s.id())))
                .map(s -> {
                    Map<String, Object> m = s.readable(new LinkedHashMap<>(s.summary()), locale);
                    m.put("answered", taken.contains(s.id()));
                    return m;
                }).toList();
    }

    /** @return the questionnaires the member answered (open or closed), newest first */
    List<Map<String, Object>> answered(long userId, java.util.Locale locale) {
        Set<Long> taken = ctx.db().read(h -> store.takenOf(h, userId));
        return surveys.published(taken, 50).stream().map(s -> {
            Map<String, Object> m = s.readable(new LinkedHashMap<>(s.summary()), locale);
            m.put("answered", true);
            return m;
        }).toList();
    }

    /** @return the questionnaire as the member sees it, refused (403) outside its target */
    Map<String, Object> one(long userId, long surveyId, java.util.Locale locale) {
        Survey s = surveys.findPublished(surveyId);
        audience.check(s, userId);
        Map<String, Object> m = s.readable(s.json(), locale);
        m.put("answered", ctx.db().read(h -> store.taken(h, s.id(), userId)));
        m.put("takesAnswers", s.takesAnswers(ctx.today()));
        return m;
    }
}
