package io.kindred.server.audit;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import io.kindred.server.web.Params;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@code GET /api/v1/admin/audit}: the audit log, searched by actor, action, target and time, newest first. */
public final class AuditRoutes implements Consumer<CoreRouting> {

    private final AuditSearch search;

    public AuditRoutes(AuditSearch search) {
        this.search = search;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/api/v1/admin/audit", Access.ADMIN, ctx -> {
            PageRequest page = Params.page(ctx, 50, 200);
            AuditSearch.Query q = new AuditSearch.Query(Params.query(ctx, "actor").orElse(""),
                    Params.query(ctx, "action").orElse(""), Params.query(ctx, "target").orElse(""),
                    instant(ctx, "from"), instant(ctx, "until"));
            ctx.contentType("application/json").result(Json.write(
                    Page.of(search.find(q, page.before(), page.limit()), page, AuditLog.Entry::id).map(AuditLog.Entry::toJson)));
        });
    }

    private static Instant instant(Context ctx, String name) {
        return Params.query(ctx, name).map(v -> {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw KindredException.invalidField("'" + name + "' is an ISO-8601 time such as 2026-05-01T00:00:00Z.");
            }
        }).orElse(null);
    }

    /**
     * @param text a day as a date field sends it ({@code 2026-05-01}), or blank
     * @param zone the site's time zone, in which the day starts
     * @param next whether to answer the start of the next day (an "until" day is included whole)
     * @return the instant, or null for a blank text
     */
    public static Instant dayStart(String text, ZoneId zone, boolean next, Supplier<KindredException> invalid) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.trim());
            return (next ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid.get();
        }
    }
}
