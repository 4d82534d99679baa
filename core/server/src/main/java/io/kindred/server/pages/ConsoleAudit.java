package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.audit.AuditLog;
import io.kindred.server.audit.AuditRoutes;
import io.kindred.server.audit.AuditSearch;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Params;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /console/audit} (admins): the audit log (运营日志), searched by actor, action, target and days in the site's
 * time zone, page by page; {@code /console/audit.csv} downloads every entry the same search finds.
 */
final class ConsoleAudit implements Consumer<CoreRouting> {

    private static final int PAGE = 50;
    private static final String[] FIELDS = {"actor", "action", "target", "from", "until"};

    private final Views views;
    private final AuditSearch search;
    private final SiteSettings settings;

    ConsoleAudit(Views views, AuditSearch search, SiteSettings settings) {
        this.views = views;
        this.search = search;
        this.settings = settings;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/audit", Access.ADMIN, this::page);
        r.get("/console/audit.csv", Access.ADMIN, this::csv);
    }

    private void page(Context ctx) {
        AuditSearch.Query q = query(ctx);
        PageRequest page = Params.page(ctx, PAGE);
        ZoneId zone = settings.zone();
        Page<Map<String, Object>> entries = Page.of(search.find(q, page.before(), page.limit()), page, AuditLog.Entry::id)
                .map(e -> {
                    Map<String, Object> m = e.toJson();
                    m.put("when", ConsoleSupport.when(e.at(), zone));
                    return m;
                });
        Map<String, Object> model = new HashMap<>();
        model.put("entries", entries.items());
        model.put("nextCursor", entries.nextCursor());
        StringBuilder search = new StringBuilder();
        for (String f : FIELDS) {
            String v = ConsoleSupport.query(ctx, f).orElse("");
            model.put(f, v);
            if (!v.isEmpty()) {
                search.append(f).append('=').append(ConsoleSupport.encode(v)).append('&');
            }
        }
        model.put("search", search.toString());
        views.page(ctx, "console/audit", model);
    }

    private void csv(Context ctx) {
        AuditSearch.Query q = query(ctx);
        ctx.status(200).contentType("text/csv; charset=utf-8").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        try {
            search.csv(q, ctx.outputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AuditSearch.Query query(Context ctx) {
        ZoneId zone = settings.zone();
        Map<String, String> v = new LinkedHashMap<>();
        for (String f : FIELDS) {
            v.put(f, ConsoleSupport.query(ctx, f).orElse(""));
        }
        return new AuditSearch.Query(v.get("actor"), v.get("action"), v.get("target"),
                AuditRoutes.dayStart(v.get("from"), zone, false, ConsoleAudit::badDay),
                AuditRoutes.dayStart(v.get("until"), zone, true, ConsoleAudit::badDay));
    }

    private static KindredException badDay() {
        return KindredException.invalidField("A day is written like 2026-05-01.");
    }
}
