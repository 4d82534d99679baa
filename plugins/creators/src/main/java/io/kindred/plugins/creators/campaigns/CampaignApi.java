package io.kindred.plugins.creators.campaigns;

import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.util.Map;

/** The public and member JSON API under {@code /api/v1/creators}. */
final class CampaignApi {

    private final PluginContext ctx;
    private final Campaigns campaigns;
    private final Applications applications;
    private final ApplicationStore store;
    private final ApplicationViews views;
    private final Categories categories;

    CampaignApi(PluginContext ctx, Campaigns campaigns, Applications applications, ApplicationStore store,
                ApplicationViews views, Categories categories) {
        this.ctx = ctx;
        this.campaigns = campaigns;
        this.applications = applications;
        this.store = store;
        this.views = views;
        this.categories = categories;
    }

    /** {@code GET /campaigns}: campaigns taking applications today. */
    void open(Exchange x) {
        x.json(Page.all(campaigns.open(200).stream().map(c -> c.json(categories, x.locale())).toList()));
    }

    /** {@code GET /campaigns/{id}}: a published (open or closed) campaign. */
    void campaign(Exchange x) {
        Campaign c = campaigns.findPublished(x.pathParamAsId("id"));
        Map<String, Object> m = c.json(categories, x.locale());
        m.put("takesApplications", c.takesApplications(ctx.today()));
        x.json(Map.of("campaign", m));
    }

    /** {@code POST /campaigns/{id}/applications}: the member applies. */
    void apply(Exchange x) {
        Answers.Body body = x.body(Answers.Body.class);
        Application a = applications.apply(x.requireMember(), x.pathParamAsId("id"), body);
        x.json(201, Map.of("application", views.masked(a)));
    }

    /** {@code GET /applications/mine}: the member's applications, newest first, identity masked. */
    void mine(Exchange x) {
        PageRequest page = x.page(50, 200);
        long me = x.requireMember().id();
        var rows = ctx.db().read(h -> store.ofMember(h, me, page.before(), page.limit()));
        x.json(Page.of(rows, page, Application::id).map(views::masked));
    }
}
