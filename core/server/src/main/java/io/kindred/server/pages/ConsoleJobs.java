package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.jobs.JobInfo;
import io.kindred.server.jobs.JobRun;
import io.kindred.server.jobs.Scheduler;
import io.kindred.server.web.CoreRouting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /console/jobs} (operators): every scheduled job of the core and of started plugins, when it runs, its last
 * run (when, how long, how many it handled, or why it failed), and a button to run it now.
 */
final class ConsoleJobs implements Consumer<CoreRouting> {

    private final Views views;
    private final Scheduler scheduler;
    private final SiteSettings settings;

    ConsoleJobs(Views views, Scheduler scheduler, SiteSettings settings) {
        this.views = views;
        this.scheduler = scheduler;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/jobs", Access.OPERATOR, ctx -> page(ctx, null, null));
        r.post("/console/jobs/{plugin}/{job}/run", Access.OPERATOR, this::runNow);
    }

    private void runNow(Context ctx) {
        String plugin = ctx.pathParam("plugin");
        String job = ctx.pathParam("job");
        try {
            JobRun run = scheduler.runNow(plugin, job);
            page(ctx, plugin + "/" + job, run);
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            page(ctx, null, null);
        }
    }

    private void page(Context ctx, String ranKey, JobRun ran) {
        List<Map<String, Object>> jobs = scheduler.list().stream().map(j -> row(j, settings)).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("jobs", jobs);
        if (ran != null) {
            model.put("ran", Map.of("key", ranKey, "count", ran.count(), "ok", ran.error() == null,
                    "error", ran.error() == null ? "" : ran.error(), "durationMs", ran.durationMs()));
        }
        views.page(ctx, "console/jobs", model);
    }

    private static Map<String, Object> row(JobInfo j, SiteSettings settings) {
        Map<String, Object> m = new LinkedHashMap<>(j.toJson());
        JobRun last = j.lastRun();
        m.put("nextWhen", j.nextRun() == null ? "" : ConsoleSupport.when(j.nextRun(), settings.zone()));
        m.put("lastWhen", last == null ? "" : ConsoleSupport.when(last.startedAt(), settings.zone()));
        m.put("lastCount", last == null ? "" : String.valueOf(last.count()));
        m.put("lastError", last == null || last.error() == null ? "" : last.error());
        m.put("lastDurationMs", last == null ? "" : String.valueOf(last.durationMs()));
        return m;
    }
}
