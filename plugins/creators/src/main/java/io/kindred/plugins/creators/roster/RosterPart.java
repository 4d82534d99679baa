package io.kindred.plugins.creators.roster;

import io.kindred.api.PluginContext;
import io.kindred.api.creators.CreatorService;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

/**
 * Creators: categories, levels, certification (认证加V) with a V badge and an electronic certificate, onboarding
 * tasks, grants on approval, performance and reports, traffic tilt. Listens to {@code creators.application_approved}
 * (campaigns part) and {@code checkin.recorded}; emits {@code creator.certified} and {@code creator.removed};
 * provides {@link CreatorService}.
 */
public final class RosterPart {

    private final PluginContext ctx;

    public RosterPart(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** Registers this part's migrations-free contributions: routes, listeners, settings, pages, texts. */
    public void contribute() {
        CreatorStore store = new CreatorStore();
        Certification certification = new Certification(ctx, store);
        Onboarding onboarding = new Onboarding(ctx);
        Performance performance = new Performance(ctx, store);
        Featured featured = new Featured(ctx, store);
        MemberView view = new MemberView(ctx, store, onboarding);
        RosterApi api = new RosterApi(ctx, store, certification, view, onboarding, performance, featured);
        RosterPages pages = new RosterPages(ctx, store, view, onboarding, new Certificates());
        RosterConsole console = new RosterConsole(ctx, store, certification, onboarding, performance, featured, api);

        ctx.messages("messages/roster");
        ctx.openApi("openapi/roster.json");
        for (SettingDefinition<?> setting : RosterSettings.ALL) {
            ctx.setting(setting);
        }
        ctx.provide(CreatorService.class, new Directory(ctx, store, featured));
        ctx.on("creators.application_approved", "roster-certify", certification::onApproved);
        ctx.on("checkin.recorded", "roster-checkins", performance::onCheckin);
        ctx.widget(Widget.localized("creators-featured", "creators/roster/featured", 4, featured::widget));
        ctx.accountSection(Widget.localized("creators-roster", "creators/roster/account", 20, (viewer, locale) ->
                viewer == null ? java.util.Map.of() : view.account(viewer)));

        Routes r = ctx.routes();
        r.group("/api/v1/creators/me", Access.MEMBER, g -> {
            g.get("", api::me);
            g.post("/onboarding/{code}", api::tick);
        });
        r.group("/api/v1/creators/certificates", Access.PUBLIC, g -> g.get("/{code}", api::certificate));
        // Detail routes sit under /roster/: the router takes the first declared match, and /{userId} would
        // shadow the other parts' /api/v1/admin/creators/campaigns, /agencies...
        r.group("/api/v1/admin/creators", Access.OPERATOR, g -> {
            g.get("", api::list);
            g.post("", api::certify);
            g.get("/reports", api::report);
            g.get("/featured", api::featuredNow);
            g.get("/roster/{userId}", api::detail);
            g.patch("/roster/{userId}", api::change);
            g.post("/roster/{userId}/suspend", api::suspend);
            g.post("/roster/{userId}/remove", api::remove);
            g.post("/roster/{userId}/reinstate", api::reinstate);
            g.post("/roster/{userId}/featured", api::feature);
            g.post("/roster/{userId}/onboarding/{code}", api::markTask);
        });
        r.group("/creators/me", Access.MEMBER, g -> {
            g.get("", pages::me);
            g.post("/onboarding/{code}", pages::tick);
            g.get("/certificate.png", pages::png);
            g.get("/certificate.pdf", pages::pdf);
        });
        r.group("/certificates", Access.PUBLIC, g -> g.get("/{code}", pages::verify));
        r.group("/console/creators", Access.OPERATOR, g -> {
            g.get("", console::roster);
            g.post("/certify", console::certifyForm);
            g.get("/reports", console::reports);
            g.get("/reports.csv", console::reportsCsv);
            g.get("/roster/{userId}", console::detail);
            g.post("/roster/{userId}", console::changeForm);
            g.post("/roster/{userId}/status", console::statusForm);
            g.post("/roster/{userId}/featured", console::featureForm);
            g.post("/roster/{userId}/onboarding/{code}", console::taskForm);
        });
    }
}
