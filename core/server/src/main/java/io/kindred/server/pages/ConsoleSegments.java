package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.web.Access;
import io.kindred.server.segments.Filters;
import io.kindred.server.segments.SegmentRoutes;
import io.kindred.server.segments.SegmentStore;
import io.kindred.server.segments.Segments;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Principal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code /console/segments} (operators): saved segments with their counts; a filter form (works without JavaScript: a
 * GET form) that previews the count and the first members and saves the segment; one segment's page with its
 * filters to change, CSV export, bulk label add/remove and delete.
 */
public final class ConsoleSegments implements Consumer<CoreRouting> {

    private static final int PREVIEW = 20;

    private final Views views;
    private final Segments segments;
    private final SegmentRoutes api;

    public ConsoleSegments(Views views, Segments segments, SegmentRoutes api) {
        this.views = views;
        this.segments = segments;
        this.api = api;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/segments", Access.OPERATOR, this::list);
        r.post("/console/segments", Access.OPERATOR, this::create);
        r.get("/console/segments/{id}", Access.OPERATOR, ctx -> detail(ctx, segment(ctx), null, null));
        r.post("/console/segments/{id}", Access.OPERATOR, this::update);
        r.post("/console/segments/{id}/labels", Access.OPERATOR, this::label);
        r.post("/console/segments/{id}/delete", Access.OPERATOR, this::delete);
        r.get("/console/segments/{id}/members.csv", Access.OPERATOR, ctx -> api.csv(ctx, segment(ctx)));
    }

    private SegmentStore.Segment segment(Context ctx) {
        return segments.get(ConsoleSupport.pathId(ctx, "id", CoreError.SEGMENT_NOT_FOUND));
    }

    /** The filter fields the form knows (the core's and those of started plugins), read from the query or the form. */
    private Map<String, String> filters(Context ctx, boolean fromForm) {
        Map<String, String> f = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(Filters.CORE);
        names.addAll(segments.filters().pluginFilters().keySet());
        for (String name : names) {
            String v = fromForm ? ctx.formParam(name) : ctx.queryParam(name);
            if (v != null && !v.isBlank()) {
                f.put(name, v.strip());
            }
        }
        return f;
    }

    private void list(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("saved", segments.list(Long.MAX_VALUE, 100).stream().map(c -> {
            Map<String, Object> m = new HashMap<>();
            m.put("id", c.segment().id());
            m.put("name", c.segment().name());
            m.put("count", c.count().orElse(null));
            m.put("summary", summary(c.segment().filters()));
            return m;
        }).toList());
        Map<String, String> f = filters(ctx, false);
        boolean preview = ctx.queryParam("preview") != null;
        if (preview) {
            preview(ctx, model, f);
        }
        page(ctx, "console/segments", model, f, null);
    }

    private void preview(Context ctx, Map<String, Object> model, Map<String, String> f) {
        try {
            List<Map<String, String>> all = List.of(segments.filters().checked(f));
            model.put("count", segments.count(all));
            Segments.Members m = segments.members(all, Long.MAX_VALUE, PREVIEW);
            model.put("members", m.rows().stream().map(u -> u.summary(m.labels().get(u.id()))).toList());
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            model.put("error", views.errorText(ctx, e));
        }
    }

    private void create(Context ctx) {
        Map<String, String> f = filters(ctx, true);
        try {
            SegmentStore.Segment s = segments.create(actor(ctx), ConsoleSupport.field(ctx, "name"), f);
            ConsoleSupport.redirect(ctx, "/console/segments/" + s.id(), "segments.saved");
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            Map<String, Object> model = new HashMap<>();
            model.put("saved", List.of());
            model.put("error", views.errorText(ctx, e));
            page(ctx, "console/segments", model, f, ConsoleSupport.field(ctx, "name"));
        }
    }

    private void detail(Context ctx, SegmentStore.Segment s, String error, Map<String, String> form) {
        Map<String, Object> model = new HashMap<>();
        Segments.Counted c = segments.counted(s);
        model.put("segment", Map.of("id", s.id(), "name", s.name(), "summary", summary(s.filters())));
        model.put("count", c.count().orElse(null));
        model.put("unavailable", c.unavailable() == null ? "" : c.unavailable());
        if (c.count().isPresent()) {
            Segments.Members m = segments.members(List.of(s.filters()), Long.MAX_VALUE, PREVIEW);
            model.put("members", m.rows().stream().map(u -> u.summary(m.labels().get(u.id()))).toList());
        }
        model.put("error", error);
        page(ctx, "console/segment", model, form == null ? s.filters() : form, s.name());
    }

    private void update(Context ctx) {
        SegmentStore.Segment s = segment(ctx);
        Map<String, String> f = filters(ctx, true);
        try {
            segments.update(actor(ctx), s.id(), ConsoleSupport.field(ctx, "name"), f);
            ConsoleSupport.redirect(ctx, "/console/segments/" + s.id(), "segments.saved");
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            detail(ctx, s, views.errorText(ctx, e), f);
        }
    }

    private void label(Context ctx) {
        SegmentStore.Segment s = segment(ctx);
        try {
            boolean add = !"remove".equals(ConsoleSupport.field(ctx, "action"));
            segments.label(actor(ctx), s.id(), ConsoleSupport.field(ctx, "label"), add);
            ConsoleSupport.redirect(ctx, "/console/segments/" + s.id(), add ? "segments.labelled" : "segments.unlabelled");
        } catch (KindredException e) {
            ctx.status(ConsoleSupport.formStatus(e));
            detail(ctx, s, views.errorText(ctx, e), null);
        }
    }

    private void delete(Context ctx) {
        segments.delete(actor(ctx), segment(ctx).id());
        ConsoleSupport.redirect(ctx, "/console/segments", "segments.deleted");
    }

    private void page(Context ctx, String template, Map<String, Object> model, Map<String, String> form, String name) {
        model.put("form", new HashMap<>(form));
        model.put("name", name == null ? "" : name);
        model.put("query", form.entrySet().stream().map(e -> ConsoleSupport.encode(e.getKey()) + "=" + ConsoleSupport.encode(e.getValue()))
                .collect(Collectors.joining("&")));
        model.put("pluginFilters", segments.filters().pluginFilters().values().stream()
                .map(f -> Map.of("name", f.name(), "label", f.label(views.locale(ctx)))).toList());
        views.page(ctx, template, model);
    }

    private static String summary(Map<String, String> filters) {
        return filters.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · "));
    }

    private String actor(Context ctx) {
        return views.principal(ctx).map(Principal::label).orElse("anonymous");
    }
}
