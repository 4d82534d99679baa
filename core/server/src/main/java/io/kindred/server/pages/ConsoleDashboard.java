package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.kpis.KpiPeriod;
import io.kindred.server.kpis.KpiView;
import io.kindred.server.kpis.Kpis;
import io.kindred.server.web.CoreRouting;

import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /console}: the operator's first look, the KPIs of {@link Kpis} over a chosen period —
 * {@code ?period=7d|30d|90d|12m} (links) or {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD} (a plain GET form, no
 * JavaScript needed); the last 30 days by default. Days are in {@code site.timezone}.
 */
final class ConsoleDashboard implements Consumer<CoreRouting> {

    private final Views views;
    private final Kpis kpis;
    private final SiteSettings settings;
    private final GettingStarted gettingStarted;

    ConsoleDashboard(Views views, Kpis kpis, SiteSettings settings, GettingStarted gettingStarted) {
        this.gettingStarted = gettingStarted;
        this.views = views;
        this.kpis = kpis;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console", Access.OPERATOR, this::dashboard);
    }

    private void dashboard(Context ctx) {
        KpiPeriod period = KpiPeriod.of(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("period"), kpis.today());
        Map<String, Object> model = KpiView.model(kpis.report(period));
        model.put("presets", KpiPeriod.PRESETS);
        model.put("preset", period.preset() == null ? "" : period.preset());
        model.put("today", kpis.today().toString());
        model.put("zone", settings.zone().getId());
        // The steps are an administrator's (settings, plugins, imports): operators do not see them.
        if (views.viewer(ctx).filter(v -> v.hasRole(io.kindred.api.users.Role.ADMIN)).isPresent()) {
            model.put("gettingStarted", gettingStarted.model());
        }
        views.page(ctx, "console/dashboard", model);
    }
}
