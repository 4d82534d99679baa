package io.kindred.server.segments;

import io.javalin.http.Context;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.api.web.Scope;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.users.UserRow;
import io.kindred.server.web.Auth;
import io.kindred.server.web.Bodies;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.CsvFiles;
import io.kindred.server.web.Json;
import io.kindred.server.web.Params;
import io.kindred.server.web.Principal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code /api/v1/admin/segments}: saved segments (CRUD, each with its live count), their members as CSV, bulk label
 * add/remove over a segment, and the RFM boundaries ({@code /api/v1/admin/rfm}). The member list with filters,
 * {@code GET /api/v1/admin/users?segment=&<filters>}, answers through {@link #members}.
 */
public final class SegmentRoutes implements Consumer<CoreRouting> {

    /** Optional so that a missing part is {@code invalid_field}, like a bad one. */
    record SegmentBody(Optional<String> name, Optional<Map<String, Object>> filters) {
    }

    record LabelBody(Optional<String> add, Optional<String> remove) {
    }

    /** The CSV's columns, the same fields as a member of the API list. */
    static final List<String> CSV_HEADER = List.of("id", "email", "phone", "displayName", "roles", "labels", "totalSpent",
            "lastPurchaseDay", "status", "createdAt");
    private static final Set<String> NOT_FILTERS = Set.of("segment", "limit", "cursor");
    private static final int CSV_PAGE = 1000;

    private final Segments segments;
    private final Rfm rfm;
    private final Auth auth;

    public SegmentRoutes(Segments segments, Rfm rfm, Auth auth) {
        this.segments = segments;
        this.rfm = rfm;
        this.auth = auth;
    }

    @Override
    public void accept(CoreRouting r) {
        r.scoped(Scope.MEMBERS_READ).get("/api/v1/admin/users", Access.OPERATOR, this::members);
        r.get("/api/v1/admin/segments", Access.OPERATOR, this::list);
        r.post("/api/v1/admin/segments", Access.OPERATOR, this::create);
        r.get("/api/v1/admin/segments/{id}", Access.OPERATOR, ctx ->
                json(ctx, 200, Map.of("segment", segments.counted(segments.get(id(ctx))).toJson())));
        r.put("/api/v1/admin/segments/{id}", Access.OPERATOR, this::update);
        r.delete("/api/v1/admin/segments/{id}", Access.OPERATOR, ctx -> {
            segments.delete(actor(ctx), id(ctx));
            ctx.status(204);
        });
        r.get("/api/v1/admin/segments/{id}/members.csv", Access.OPERATOR, ctx -> csv(ctx, segments.get(id(ctx))));
        r.post("/api/v1/admin/segments/{id}/labels", Access.OPERATOR, this::label);
        r.get("/api/v1/admin/rfm", Access.OPERATOR, ctx -> json(ctx, 200, Map.of("rfm", rfm.toJson())));
        r.post("/api/v1/admin/rfm/recompute", Access.OPERATOR, ctx -> {
            rfm.recomputeNow();
            json(ctx, 200, Map.of("rfm", rfm.toJson()));
        });
    }

    /**
     * The filters of a member list request: {@code segment=<id>} (a saved segment's filters) and every query
     * parameter but {@code limit} and {@code cursor}; a repeated parameter is a list (labels).
     */
    public List<Map<String, String>> requested(Context ctx) {
        List<Map<String, String>> all = new ArrayList<>();
        Params.query(ctx, "segment").ifPresent(s -> {
            long id;
            try {
                id = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw KindredException.invalidField("The parameter 'segment' is a segment's id.");
            }
            all.add(segments.get(id).filters());
        });
        Map<String, String> own = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!NOT_FILTERS.contains(k)) {
                own.put(k, String.join(",", v));
            }
        });
        all.add(segments.filters().checked(own));
        return all;
    }

    /** {@code GET /api/v1/admin/users}: members passing the requested filters, newest first. */
    private void members(Context ctx) {
        PageRequest page = Params.page(ctx, 20, 100);
        Segments.Members m = segments.members(requested(ctx), page.before(), page.limit());
        json(ctx, 200, Page.of(m.rows(), page, UserRow::id).map(u -> u.summary(m.labels().get(u.id()))));
    }

    private void list(Context ctx) {
        PageRequest page = Params.page(ctx, 20, 100);
        json(ctx, 200, Page.of(segments.list(page.before(), page.limit()), page, c -> c.segment().id()).map(Segments.Counted::toJson));
    }

    private void create(Context ctx) {
        SegmentBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), SegmentBody.class);
        SegmentStore.Segment s = segments.create(actor(ctx), b.name().orElseThrow(() -> KindredException.missingField("name")),
                Segments.fromJson(b.filters().orElseThrow(() -> KindredException.missingField("filters"))));
        json(ctx, 201, Map.of("segment", segments.counted(s).toJson()));
    }

    private void update(Context ctx) {
        long id = id(ctx);
        SegmentBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), SegmentBody.class);
        SegmentStore.Segment s = segments.update(actor(ctx), id, b.name().orElse(null), b.filters().map(Segments::fromJson).orElse(null));
        json(ctx, 200, Map.of("segment", segments.counted(s).toJson()));
    }

    private void label(Context ctx) {
        long id = id(ctx);
        LabelBody b = Bodies.read(Json.CORE, ctx.bodyAsBytes(), LabelBody.class);
        if (b.add().isPresent() == b.remove().isPresent()) {
            throw KindredException.invalidField("Send either {\"add\": label} or {\"remove\": label}.");
        }
        long changed = segments.label(actor(ctx), id, b.add().orElseGet(() -> b.remove().get()), b.add().isPresent());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("changed", changed);
        out.put("segment", segments.counted(segments.get(id)).toJson());
        json(ctx, 200, out);
    }

    /** Writes the segment's members as CSV, the same rows as the API list; the console's export uses it too. */
    public void csv(Context ctx, SegmentStore.Segment s) {
        List<Map<String, String>> filters = List.of(s.filters());
        segments.count(filters); // a filter of a stopped plugin is refused before the download starts
        ctx.status(200).contentType("text/csv; charset=utf-8").header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"segment-" + s.id() + ".csv\"");
        try {
            Iterable<List<Object>> rows = () -> rows(filters);
            CsvFiles.write(ctx.outputStream(), CSV_HEADER, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The segment's members page by page, so that a large segment streams instead of filling memory. */
    private Iterator<List<Object>> rows(List<Map<String, String>> filters) {
        return new Iterator<>() {
            private List<List<Object>> page = new ArrayList<>();
            private long before = Long.MAX_VALUE;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (page.isEmpty() && !last) {
                    Segments.Members m = segments.members(filters, before, CSV_PAGE);
                    last = m.rows().size() < CSV_PAGE;
                    for (UserRow u : m.rows()) {
                        page.add(row(u, m.labels().get(u.id())));
                        before = u.id();
                    }
                }
                return !page.isEmpty();
            }

            @Override
            public List<Object> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.remove(0);
            }
        };
    }

    private static List<Object> row(UserRow u, Set<String> labels) {
        return new ArrayList<>(List.of(u.id(), nz(u.email()), nz(u.phone()), u.displayName(), String.join(",", u.roleCodes()),
                String.join(",", labels), u.totalSpent(), nz(u.lastPurchaseDay()), u.status(), u.createdAt().toString()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String actor(Context ctx) {
        return auth.principal(ctx).map(Principal::label).orElse("anonymous");
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new KindredException(CoreError.SEGMENT_NOT_FOUND, "There is no segment " + ctx.pathParam("id") + ".");
        }
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
