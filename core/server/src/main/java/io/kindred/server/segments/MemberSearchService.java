package io.kindred.server.segments;

import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.segments.MemberMatch;
import io.kindred.api.segments.MemberSearch;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.ui.UiRegistry;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link MemberSearch} over {@link Filters}: the WHERE clause of the segments engine, with the RFM scores computed in
 * the SELECT from the stored boundaries exactly as {@link Rfm} scores them (1 + the boundaries a value reaches).
 */
public final class MemberSearchService implements MemberSearch {

    private final Database db;
    private final Filters filters;
    private final Rfm rfm;
    private final SegmentStore store;
    private final UiRegistry ui;

    public MemberSearchService(Database db, Filters filters, Rfm rfm, SegmentStore store, UiRegistry ui) {
        this.db = db;
        this.filters = filters;
        this.rfm = rfm;
        this.store = store;
        this.ui = ui;
    }

    @Override
    public Page<MemberMatch> find(Map<String, String> raw, String sort, PageRequest page) {
        String order = switch (sort == null || sort.isBlank() ? SORT_NEWEST : sort) {
            case SORT_RFM -> " ORDER BY rfm DESC, u.total_spent DESC, u.id ASC";
            case SORT_NEWEST -> " ORDER BY u.id DESC";
            default -> throw KindredException.invalidField("The sort is 'rfm' or 'newest'.");
        };
        Where w = filters.where(List.of(filters.checked(raw)));
        Map<String, Rfm.Bounds> bounds = rfm.bounds();
        Map<String, Object> params = new LinkedHashMap<>(w.params());
        String r = score(bounds.get("r"), "r", params);
        String f = score(bounds.get("f"), "f", params);
        String m = score(bounds.get("m"), "m", params);
        long offset = page.after();
        List<MemberMatch> rows = db.read(h -> {
            List<Row> found = h.createQuery("SELECT u.id, u.display_name, u.email, u.purchase_count, u.total_spent,"
                            + " u.last_purchase_day, u.last_active_day, " + r + " AS rs, " + f + " AS fs, " + m + " AS ms, ("
                            + r + " + " + f + " + " + m + ") AS rfm FROM users u WHERE " + w.sql() + order
                            + " LIMIT :limit OFFSET :offset")
                    .bindMap(params).bind("limit", page.limit()).bind("offset", offset)
                    .map((rs, c) -> new Row(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
                            rs.getInt("rs"), rs.getInt("fs"), rs.getInt("ms"), rs.getLong("purchase_count"),
                            rs.getLong("total_spent"), rs.getString("last_purchase_day"), rs.getString("last_active_day")))
                    .list();
            return matches(h, found);
        });
        String next = rows.size() >= page.limit() ? String.valueOf(offset + rows.size()) : null;
        return new Page<>(rows, next);
    }

    private record Row(long id, String name, String email, int r, int f, int m, long count, long spent, String lastPurchase,
                       String lastActive) {
    }

    private List<MemberMatch> matches(Handle h, List<Row> found) {
        Map<Long, Set<String>> labels = store.labels(h, found.stream().map(Row::id).toList());
        List<MemberMatch> out = new ArrayList<>();
        for (Row x : found) {
            out.add(new MemberMatch(x.id(), x.name(), x.email(), x.r(), x.f(), x.m(), x.count(), x.spent(), x.lastPurchase(),
                    x.lastActive(), labels.get(x.id())));
        }
        return out;
    }

    /**
     * The score of one dimension as SQL: 0 for a member who never bought, else 1 + the boundaries reached (for R: a
     * last purchase day on or after today minus the boundary's days).
     */
    private String score(Rfm.Bounds b, String dimension, Map<String, Object> params) {
        if (b == null) {
            return "0";
        }
        LocalDate today = rfm.today();
        StringBuilder s = new StringBuilder("(CASE WHEN u.purchase_count >= 1 AND u.last_purchase_day IS NOT NULL THEN 1");
        for (int k = 0; k < 4; k++) {
            String p = "rfm_" + dimension + k;
            switch (dimension) {
                case "r" -> {
                    params.put(p, today.minusDays(b.b()[k]).toString());
                    s.append(" + CASE WHEN u.last_purchase_day >= :").append(p).append(" THEN 1 ELSE 0 END");
                }
                case "f" -> {
                    params.put(p, b.b()[k]);
                    s.append(" + CASE WHEN u.purchase_count >= :").append(p).append(" THEN 1 ELSE 0 END");
                }
                default -> {
                    params.put(p, b.b()[k]);
                    s.append(" + CASE WHEN u.total_spent >= :").append(p).append(" THEN 1 ELSE 0 END");
                }
            }
        }
        return s.append(" ELSE 0 END)").toString();
    }

    @Override
    public long count(Map<String, String> raw) {
        return db.read(h -> store.count(h, filters.where(List.of(filters.checked(raw)))));
    }

    @Override
    public List<Field> filters(Locale locale) {
        List<Field> out = new ArrayList<>();
        Filters.CORE.forEach(n -> out.add(new Field(n, n, "core")));
        ui.memberFilters().forEach(o -> out.add(new Field(o.value().name(), o.value().label(locale), o.owner())));
        return out;
    }

    @Override
    public java.util.Optional<io.kindred.api.segments.MemberIds> segmentMembers(long segmentId) {
        return db.read(h -> store.byId(h, segmentId)).map(s -> {
            Where w = filters.where(List.of(filters.checked(s.filters())));
            return io.kindred.api.segments.MemberIds.of("SELECT u.id FROM users u WHERE " + w.sql(), w.params());
        });
    }
}
