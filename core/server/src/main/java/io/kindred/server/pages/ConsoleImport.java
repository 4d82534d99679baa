package io.kindred.server.pages;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.users.CustomerImport;
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
 * get a report row by row. The import runs while the request waits (in chunks of 500 rows, each committed);
 * the body limit {@code http.max-body-bytes} bounds a file, and the page says so.
 */
final class ConsoleImport implements Consumer<CoreRouting> {

    /** Rows of the report shown on the page; the totals always count every row. */
    static final int SHOWN_ROWS = 2000;

    private final Views views;
    private final CustomerImport importer;
    private final SiteSettings settings;

    ConsoleImport(Views views, CustomerImport importer, SiteSettings settings) {
        this.views = views;
        this.importer = importer;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/members/import", Access.OPERATOR, ctx -> page(ctx, Map.of()));
        r.post("/console/members/import", Access.OPERATOR, this::upload);
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
        CustomerImport.Report report;
        try {
            report = importer.run(text(file));
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            page(ctx, Map.of("error", views.t(ctx, "console.import.unreadable", e.getMessage())));
            return;
        }
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
        Map<String, Object> model = new HashMap<>();
        model.put("fileName", file.filename());
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
