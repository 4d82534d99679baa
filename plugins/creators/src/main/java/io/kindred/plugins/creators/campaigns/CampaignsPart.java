package io.kindred.plugins.creators.campaigns;

import io.kindred.api.PluginContext;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

/**
 * Recruitment campaigns (招募), their configurable forms, applications and the screening workflow (submitted →
 * screening → interview → approved | rejected). Publishes {@code creators.application_submitted},
 * {@code creators.application_decided} and, once per approved application, {@code creators.application_approved}
 * (the roster part makes the creator). Identity numbers are sealed with {@code ctx.vault()}.
 */
public final class CampaignsPart {

    private final PluginContext ctx;

    public CampaignsPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's migrations-free contributions: routes, listeners, settings, pages, texts. */
    public void contribute() {
        Categories categories = new Categories(ctx.settings());
        Rubric rubric = new Rubric(ctx.settings());
        CampaignStore campaignStore = new CampaignStore();
        ApplicationStore store = new ApplicationStore();
        Answers answers = new Answers(ctx.vault());
        Campaigns campaigns = new Campaigns(ctx, campaignStore, categories);
        Applications applications = new Applications(ctx, campaignStore, store, answers);
        Screening screening = new Screening(ctx, store, rubric, categories, new Outcomes(ctx, campaignStore));
        ApplicationViews views = new ApplicationViews(ctx, campaignStore, store, answers, rubric);
        CampaignApi api = new CampaignApi(ctx, campaigns, applications, store, views, categories);
        CampaignAdmin admin = new CampaignAdmin(ctx, campaigns, campaignStore, store, screening, views, categories);
        CampaignPages pages = new CampaignPages(ctx, campaigns, applications, store, views, categories);
        CampaignConsole console = new CampaignConsole(ctx, campaigns, campaignStore, store, screening, views, categories,
                rubric);

        for (SettingDefinition<?> setting : CampaignSettings.ALL) {
            ctx.setting(setting);
        }
        ctx.messages("messages/campaigns");
        ctx.notificationType(Outcomes.TYPE);
        ctx.openApi("openapi/campaigns.json");
        ctx.widget(Widget.localized("creators-campaigns", "creators/campaigns/widget", 60, pages::widget));

        Routes r = ctx.routes();
        r.group("/api/v1/creators", Access.PUBLIC, g -> {
            g.get("/campaigns", api::open);
            g.get("/campaigns/{id}", api::campaign);
        });
        r.group("/api/v1/creators", Access.MEMBER, g -> {
            g.post("/campaigns/{id}/applications", api::apply);
            g.get("/applications/mine", api::mine);
        });
        r.group("/api/v1/admin/creators", Access.OPERATOR, g -> {
            g.get("/campaigns", admin::campaignList);
            g.post("/campaigns", admin::createCampaign);
            g.get("/campaigns/{id}", admin::campaign);
            g.put("/campaigns/{id}", admin::updateCampaign);
            g.delete("/campaigns/{id}", admin::deleteCampaign);
            g.get("/campaign-options", admin::meta);
            g.get("/applications", admin::applicationList);
            g.post("/applications/bulk", admin::bulk);
            g.get("/applications/{id}", admin::application);
            g.post("/applications/{id}/transition", admin::transition);
            g.post("/applications/{id}/score", admin::score);
            g.post("/applications/{id}/approve", admin::approve);
        });
        r.get("/creators", Access.PUBLIC, pages::index);
        r.get("/creators/campaigns/{id}", Access.PUBLIC, pages::campaign);
        r.post("/creators/campaigns/{id}/apply", Access.MEMBER, pages::apply);
        r.group("/console/creators", Access.OPERATOR, g -> {
            g.get("/campaigns", console::campaigns);
            g.post("/campaigns", console::createCampaign);
            g.get("/campaigns/{id}", console::campaign);
            g.post("/campaigns/{id}", console::updateCampaign);
            g.get("/applications", console::board);
            g.post("/applications/bulk", console::bulk);
            g.get("/applications/{id}", console::application);
            g.post("/applications/{id}/transition", console::transition);
            g.post("/applications/{id}/score", console::score);
            g.post("/applications/{id}/approve", console::approve);
        });
    }
}
