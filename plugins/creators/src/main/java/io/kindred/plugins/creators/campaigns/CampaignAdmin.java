package io.kindred.plugins.creators.campaigns;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console's JSON API under {@code /api/v1/admin/creators}: campaigns, applications, screening. */
final class CampaignAdmin {

    /** {@code POST|PUT /campaigns}. */
    record CampaignBody(String title, String category, String startsOn, String endsOn, int quota,
                        Optional<String> description, Optional<String> status, List<FormField> form) {
        Campaigns.Draft draft() {
            return new Campaigns.Draft(title, category, startsOn, endsOn, quota, description.orElse(""),
                    status.orElse("draft"), form);
        }
    }

    /** {@code POST /applications/{id}/transition}. */
    record TransitionBody(String to, Optional<String> note, Optional<Map<String, Long>> score) {
    }

    /** {@code POST /applications/{id}/score}. */
    record ScoreBody(Map<String, Long> score, Optional<String> note) {
    }

    /** {@code POST /applications/{id}/approve}. */
    record ApproveBody(String category, String level, String title, Approval.Grants grants, Optional<String> note) {
    }

    /** {@code POST /applications/bulk}. */
    record BulkBody(List<Long> ids, String to, Optional<String> note) {
    }

    private final PluginContext ctx;
    private final Campaigns campaigns;
    private final CampaignStore campaignStore;
    private final ApplicationStore store;
    private final Screening screening;
    private final ApplicationViews views;
    private final Categories categories;

    CampaignAdmin(PluginContext ctx, Campaigns campaigns, CampaignStore campaignStore, ApplicationStore store,
                  Screening screening, ApplicationViews views, Categories categories) {
        this.ctx = ctx;
        this.campaigns = campaigns;
        this.campaignStore = campaignStore;
        this.store = store;
        this.screening = screening;
        this.views = views;
        this.categories = categories;
    }

    void campaignList(Exchange x) {
        PageRequest page = x.page(50, 200);
        String status = x.query("status").orElse(null);
        if (status != null && !Campaign.STATUSES.contains(status)) {
            throw KindredException.invalidField("The filter 'status' must be one of " + Campaign.STATUSES + ".");
        }
        var rows = ctx.db().read(h -> campaignStore.list(h, status, page.before(), page.limit()));
        x.json(Page.of(rows, page, Campaign::id).map(c -> c.json(categories, x.locale())));
    }

    void campaign(Exchange x) {
        x.json(Map.of("campaign", campaigns.find(x.pathParamAsId("id")).json(categories, x.locale())));
    }

    void createCampaign(Exchange x) {
        Campaign c = campaigns.create(x.actor(), x.body(CampaignBody.class).draft());
        x.json(201, Map.of("campaign", c.json(categories, x.locale())));
    }

    void updateCampaign(Exchange x) {
        Campaign c = campaigns.update(x.actor(), x.pathParamAsId("id"), x.body(CampaignBody.class).draft());
        x.json(Map.of("campaign", c.json(categories, x.locale())));
    }

    void deleteCampaign(Exchange x) {
        campaigns.delete(x.actor(), x.pathParamAsId("id"));
        x.noContent();
    }

    void applicationList(Exchange x) {
        PageRequest page = x.page(50, 200);
        String status = x.query("status").orElse(null);
        if (status != null && !Application.STATUSES.contains(status)) {
            throw KindredException.invalidField("The filter 'status' must be one of " + Application.STATUSES + ".");
        }
        Long campaign = x.query("campaign").map(CampaignAdmin::id).orElse(null);
        var rows = ctx.db().read(h -> store.list(h, new ApplicationStore.Filter(campaign, status), page.before(), page.limit()));
        x.json(Page.of(rows, page, Application::id).map(views::masked));
    }

    void application(Exchange x) {
        long id = x.pathParamAsId("id");
        Application a = ctx.db().read(h -> store.find(h, id))
                .orElseThrow(() -> KindredException.notFound("There is no application " + id + "."));
        x.json(Map.of("application", views.detail(a, x.locale())));
    }

    void transition(Exchange x) {
        TransitionBody b = x.body(TransitionBody.class);
        Application a = screening.move(x.actor(), x.pathParamAsId("id"), b.to(), b.note().orElse(null), b.score());
        x.json(Map.of("application", views.detail(a, x.locale())));
    }

    void score(Exchange x) {
        ScoreBody b = x.body(ScoreBody.class);
        Application a = screening.score(x.actor(), x.pathParamAsId("id"), b.score(), b.note().orElse(null));
        x.json(Map.of("application", views.detail(a, x.locale())));
    }

    void approve(Exchange x) {
        ApproveBody b = x.body(ApproveBody.class);
        Application a = screening.approve(x.actor(), x.pathParamAsId("id"),
                new Approval(b.category(), b.level(), b.title(), b.grants()), b.note().orElse(null));
        x.json(Map.of("application", views.detail(a, x.locale())));
    }

    void bulk(Exchange x) {
        BulkBody b = x.body(BulkBody.class);
        var results = screening.bulk(x.actor(), b.ids(), b.to(), b.note().orElse(null));
        x.json(Map.of("items", results.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("status", r.status());
            m.put("error", r.error());
            return m;
        }).toList()));
    }

    /** {@code GET /campaign-options}: what a campaign and an approval may use, for console clients. */
    void meta(Exchange x) {
        x.json(Map.of("categories", categories.json(x.locale()), "levels", Approval.LEVELS,
                "fieldTypes", java.util.Arrays.stream(FieldType.values()).map(FieldType::code).toList(),
                "identityTypes", Answers.IDENTITY_TYPES));
    }

    private static long id(String text) {
        if (!text.matches("[0-9]{1,15}")) {
            throw KindredException.invalidField("The filter 'campaign' must be a campaign id.");
        }
        return Long.parseLong(text);
    }
}
