package io.kindred.server.jobs;

import io.javalin.http.Context;
import io.kindred.api.web.Access;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.PluginRouter;

import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /api/v1/admin/jobs}: every scheduled job of the core and of started plugins with its last run, and
 * {@code POST /api/v1/admin/jobs/{plugin}/{job}/run} to run one now and answer what it reported.
 */
public final class JobRoutes implements Consumer<CoreRouting> {

    private final Scheduler scheduler;

    public JobRoutes(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/admin/jobs", Access.OPERATOR, ctx -> json(ctx, Map.of("items",
                scheduler.list().stream().map(JobInfo::toJson).toList())));
        r.post("/api/v1/admin/jobs/{plugin}/{job}/run", Access.OPERATOR, this::runNow);
    }

    private void runNow(Context ctx) {
        PluginRouter.readBody(ctx);
        String plugin = ctx.pathParam("plugin");
        String job = ctx.pathParam("job");
        JobRun run = scheduler.runNow(plugin, job);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("plugin", plugin);
        body.put("name", job);
        body.putAll(run.toJson());
        json(ctx, Map.of("job", body));
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }
}
