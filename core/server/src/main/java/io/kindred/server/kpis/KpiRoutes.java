package io.kindred.server.kpis;

import io.javalin.http.Context;
import io.kindred.api.web.Access;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;

import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code GET /api/v1/admin/kpis?from=YYYY-MM-DD&to=YYYY-MM-DD} (or {@code ?period=7d|30d|90d|12m}; the last
 * 30 days by default): every figure of the console dashboard, for outside tools (operator or API key).
 */
public final class KpiRoutes implements Consumer<CoreRouting> {

    private final Kpis kpis;

    public KpiRoutes(Kpis kpis) {
        this.kpis = kpis;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/admin/kpis", Access.OPERATOR, this::report);
    }

    private void report(Context ctx) {
        KpiPeriod period = KpiPeriod.of(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("period"), kpis.today());
        ctx.contentType("application/json").result(Json.write(Map.of("kpis", kpis.report(period))));
    }
}
