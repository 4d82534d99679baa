package io.kindred.server.pages;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.users.CustomerImport;
import io.kindred.server.users.ImportJobs;
import io.kindred.server.web.CoreRouting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /console/members/import}: upload the brand's customer list (multipart field {@code file}) and
 * get a report row by row. The import runs in the background (in chunks of 500 rows, each committed) while
 * its page shows the progress;
 * the body limit {@code http.max-body-bytes} bounds a file, and the page says so.
 */
final class ConsoleImport implements Consumer<CoreRouting> {

    /** Rows of the report shown on the page; the totals always count every row. */
    static final int SHOWN_ROWS = 2000;

    private final Views views;
    private final ImportJobs jobs;
    private final SiteSettings settings;

    ConsoleImport(Views views, ImportJobs jobs, SiteSettings settings) {
        this.views = views;
        this.jobs = jobs;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/members/import", Access.OPERATOR, ctx -> page(ctx, Map.of()));
        r.post("/console/members/import", Access.OPERATOR, this::upload);
        r.get("/console/members/import/{job}", Access.OPERATOR, this::job);
    }

    private void page(Context ctx, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>();
        model.put("maxKb", settings.intValue("http.max-body-bytes", 1_048_576) / 1024);
        model.putAll(extra);
        views.page(ctx, "console/import", model);
    }

    private void upload(Context ctx) {
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file == null || file.size() == 0) {
            ctx.status(400);
            page(ctx, Map.of("error", views.t(ctx, "console.import.noFile")));
            return;
        }
        String csv;
        try {
            csv = text(file);
            jobs.check(csv);
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            page(ctx, Map.of("error", views.t(ctx, "console.import.unreadable", e.getMessage())));
            return;
        }
        ImportJobs.Job job = jobs.start(file.filename(), csv,
                views.principal(ctx).map(io.kindred.server.web.Principal::label).orElse("anonymous"));
        ctx.redirect("/console/members/import/" + job.id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The import's progress while it runs (the page refreshes itself), then its report row by row. */
    private void job(Context ctx) {
        ImportJobs.Job job = jobs.find(ctx.pathParam("job"))
                .orElseThrow(() -> KindredException.notFound("There is no such import; imports are kept until a restart."));
        Map<String, Object> model = new HashMap<>();
        model.put("fileName", job.fileName());
        model.put("jobId", job.id());
        if (job.error().isPresent()) {
            model.put("error", views.t(ctx, "console.import.unreadable", job.error().get()));
            page(ctx, model);
            return;
        }
        if (job.report().isEmpty()) {
            model.put("progress", Map.of("done", job.done(), "total", Math.max(job.total(), 0),
                    "percent", job.total() <= 0 ? 0 : job.done() * 100 / job.total()));
            page(ctx, model);
            return;
        }
        CustomerImport.Report report = job.report().get();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CustomerImport.RowResult r : report.rows()) {
            if (rows.size() == SHOWN_ROWS) {
                break;
            }
            Map<String, Object> m = new HashMap<>();
            m.put("row", r.row());
            m.put("outcome", r.outcome());
            m.put("outcomeLabel", views.t(ctx, "console.import.outcome." + r.outcome()));
            m.put("userId", r.userId());
            m.put("reason", r.reason() == null ? "" : r.reason());
            rows.add(m);
        }
        model.put("report", Map.of("imported", report.imported(), "updated", report.updated(),
                "rejected", report.rejected(), "total", report.rows().size()));
        model.put("rows", rows);
        model.put("truncated", report.rows().size() > SHOWN_ROWS);
        page(ctx, model);
    }

    /** The file as UTF-8 text; anything else (a spreadsheet saved as .xlsx, GBK text) is refused with a sentence. */
    private static String text(UploadedFile file) {
        try (InputStream in = file.content()) {
            byte[] bytes = in.readAllBytes();
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw KindredException.badRequest("invalid_csv", "The file is not UTF-8 text; save it as \"CSV UTF-8\".");
        } catch (IOException e) {
            throw KindredException.badRequest("invalid_csv", "The file could not be read.");
        }
    }
}
