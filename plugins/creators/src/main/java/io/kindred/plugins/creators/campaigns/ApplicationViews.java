package io.kindred.plugins.creators.campaigns;

import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Applications as answers show them: identity number masked, except in {@link #detail} for operators. */
final class ApplicationViews {

    private final PluginContext ctx;
    private final CampaignStore campaigns;
    private final ApplicationStore store;
    private final Answers answers;
    private final Rubric rubric;

    ApplicationViews(PluginContext ctx, CampaignStore campaigns, ApplicationStore store, Answers answers, Rubric rubric) {
        this.ctx = ctx;
        this.campaigns = campaigns;
        this.store = store;
        this.answers = answers;
        this.rubric = rubric;
    }

    /** @return the application with masked answers (lists, the member's own) */
    Map<String, Object> masked(Application a) {
        return json(a, false);
    }

    /** @return everything an operator needs to decide: unmasked answers, rubric, history */
    Map<String, Object> detail(Application a, Locale locale) {
        Map<String, Object> m = json(a, true);
        m.put("rubric", rubric.json(locale, a.scores()));
        m.put("approval", a.approval().isEmpty() ? null : a.approval());
        m.put("history", ctx.db().read(h -> store.history(h, a.id())).stream().map(ApplicationViews::step).toList());
        return m;
    }

    private Map<String, Object> json(Application a, boolean unmasked) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("campaignId", a.campaignId());
        m.put("campaignTitle", ctx.db().read(h -> campaigns.find(h, a.campaignId())).map(Campaign::title).orElse(null));
        m.put("userId", a.userId());
        m.put("displayName", ctx.members().find(a.userId()).map(Member::displayName).orElse(null));
        m.put("status", a.status());
        m.put("score", a.score());
        m.put("scores", a.scores());
        m.put("reviewerId", a.reviewerId());
        m.put("submittedAt", Instant.ofEpochMilli(a.submittedAt()).toString());
        m.put("decidedAt", a.decidedAt() == null ? null : Instant.ofEpochMilli(a.decidedAt()).toString());
        m.put("answers", answers.view(a.answers(), unmasked));
        return m;
    }

    private static Map<String, Object> step(Application.Step s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", s.from());
        m.put("to", s.to());
        m.put("actorId", s.actorId());
        m.put("actorName", s.actorName());
        m.put("note", s.note());
        m.put("score", s.score());
        m.put("at", Instant.ofEpochMilli(s.at()).toString());
        return m;
    }

    static List<String> statuses() {
        return Application.STATUSES;
    }
}
