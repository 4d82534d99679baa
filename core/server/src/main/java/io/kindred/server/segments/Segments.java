package io.kindred.server.segments;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.server.audit.AuditLog;
import io.kindred.server.users.CustomerImport;
import io.kindred.server.users.UserRow;
import io.kindred.server.web.Json;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Segments (分层): screening members with {@link Filters}, saved segments with a live count, bulk labels over a
 * segment (audited) and a segment as the audience of a broadcast.
 */
public final class Segments {

    /** One page of members and each one's labels. */
    public record Members(List<UserRow> rows, Map<Long, Set<String>> labels) {
    }

    /** A saved segment with its count now; the count is empty while a filter of it belongs to a stopped plugin. */
    public record Counted(SegmentStore.Segment segment, Optional<Long> count, String unavailable) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", segment.id());
            m.put("name", segment.name());
            m.put("filters", segment.filters());
            m.put("count", count.orElse(null));
            m.put("available", unavailable == null);
            if (unavailable != null) {
                m.put("unavailableReason", unavailable);
            }
            m.put("createdBy", segment.createdBy());
            m.put("createdAt", segment.createdAt());
            m.put("updatedAt", segment.updatedAt());
            return m;
        }
    }

    private final Database db;
    private final SegmentStore store;
    private final Filters filters;
    private final AuditLog audit;
    private final Clock clock;

    public Segments(Database db, SegmentStore store, Filters filters, AuditLog audit, Clock clock) {
        this.db = db;
        this.store = store;
        this.filters = filters;
        this.audit = audit;
        this.clock = clock;
    }

    public Filters filters() {
        return filters;
    }

    /** @return the saved segment; 404 {@code segment_not_found} when there is none */
    public SegmentStore.Segment get(long id) {
        return db.read(h -> store.byId(h, id)).orElseThrow(() ->
                new KindredException(CoreError.SEGMENT_NOT_FOUND, "There is no segment " + id + "."));
    }

    public Counted counted(SegmentStore.Segment s) {
        try {
            return new Counted(s, Optional.of(count(List.of(s.filters()))), null);
        } catch (KindredException e) {
            return new Counted(s, Optional.empty(), e.getMessage());
        }
    }

    public List<Counted> list(long beforeId, int limit) {
        return db.read(h -> store.newestFirst(h, beforeId, limit)).stream().map(this::counted).toList();
    }

    /** @return saved segments, newest first, without counting them */
    public List<SegmentStore.Segment> saved(long beforeId, int limit) {
        return db.read(h -> store.newestFirst(h, beforeId, limit));
    }

    /** @return how many members pass every filter of every map */
    public long count(List<Map<String, String>> all) {
        Where w = filters.where(all);
        return db.read(h -> store.count(h, w));
    }

    /** @return the members passing the filters, newest first, with their labels */
    public Members members(List<Map<String, String>> all, long beforeId, int limit) {
        Where w = filters.where(all);
        return db.read(h -> {
            List<UserRow> rows = store.members(h, w, beforeId, limit);
            return new Members(rows, store.labels(h, rows.stream().map(UserRow::id).toList()));
        });
    }

    public SegmentStore.Segment create(String actor, String name, Map<String, String> raw) {
        String n = name(name);
        Map<String, String> f = filters.checked(raw);
        long id = db.write(h -> {
            if (store.idByName(h, n).isPresent()) {
                throw KindredException.conflict("segment_exists", "A segment named '" + n + "' exists already.");
            }
            long created = store.insert(h, n, f, actor, clock.millis());
            audit.record(h, actor, "segment.created", "segment:" + created, "Saved the segment \"" + n + "\" " + Json.write(f) + ".");
            return created;
        });
        return get(id);
    }

    public SegmentStore.Segment update(String actor, long id, String name, Map<String, String> raw) {
        SegmentStore.Segment before = get(id);
        String n = name == null ? before.name() : name(name);
        Map<String, String> f = raw == null ? before.filters() : filters.checked(raw);
        db.write(h -> {
            if (store.idByName(h, n).filter(other -> other != id).isPresent()) {
                throw KindredException.conflict("segment_exists", "A segment named '" + n + "' exists already.");
            }
            store.update(h, id, n, f, clock.millis());
            audit.record(h, actor, "segment.updated", "segment:" + id, "Changed the segment \"" + n + "\" to " + Json.write(f) + ".");
            return null;
        });
        return get(id);
    }

    public void delete(String actor, long id) {
        SegmentStore.Segment s = get(id);
        db.write(h -> {
            store.delete(h, id);
            audit.record(h, actor, "segment.deleted", "segment:" + id, "Deleted the segment \"" + s.name() + "\".");
            return null;
        });
    }

    /**
     * Adds a label to, or removes it from, every member of the segment, in one transaction, audited.
     *
     * @return how many members gained or lost the label
     */
    public long label(String actor, long id, String label, boolean add) {
        SegmentStore.Segment s = get(id);
        String l = CustomerImport.checkLabel(label);
        Where w = filters.where(List.of(s.filters()));
        return db.write(h -> {
            Map<String, Object> params = new LinkedHashMap<>(w.params());
            params.put("label", l);
            params.put("now", clock.millis());
            long changed = add
                    ? h.createUpdate("INSERT INTO user_labels(user_id, label, created_at) SELECT u.id, :label, :now FROM users u WHERE "
                            + w.sql() + " ON CONFLICT (user_id, label) DO NOTHING").bindMap(params).execute()
                    : h.createUpdate("DELETE FROM user_labels WHERE label = :label AND user_id IN (SELECT u.id FROM users u WHERE "
                            + w.sql() + ")").bindMap(params).execute();
            audit.record(h, actor, add ? "segment.label_added" : "segment.label_removed", "segment:" + id,
                    (add ? "Labelled " : "Took the label from ") + changed + " members of the segment \"" + s.name() + "\": " + l + ".");
            return changed;
        });
    }

    /** @return active members of the audience {@code filtersJson} after {@code afterId} (broadcast delivery) */
    public List<Long> audience(org.jdbi.v3.core.Handle h, String filtersJson, long afterId, int limit) {
        return store.activeAfter(h, filters.where(List.of(SegmentStore.filters(filtersJson))), afterId, limit);
    }

    /** Checks, without counting, that every filter of the audience {@code filtersJson} is there (its plugin runs). */
    public void checkAudience(String filtersJson) {
        filters.checked(SegmentStore.filters(filtersJson));
    }

    /** @return how many active members the audience {@code filtersJson} has now */
    public long audienceSize(org.jdbi.v3.core.Handle h, String filtersJson) {
        return store.countActive(h, filters.where(List.of(SegmentStore.filters(filtersJson))));
    }

    private static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 80) {
            throw KindredException.invalidField("A segment's name is 1 to 80 characters.");
        }
        return n;
    }

    /** Keeps the order of saved filters and reads a JSON object's values (strings, numbers, lists of labels) as text. */
    public static Map<String, String> fromJson(Map<String, Object> json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        json.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                List<String> parts = new ArrayList<>();
                list.forEach(x -> parts.add(String.valueOf(x)));
                out.put(k, String.join(",", parts));
            } else if (v instanceof Map<?, ?>) {
                throw KindredException.invalidField("The filter '" + k + "' is a text, a number or a list of labels.");
            } else if (v != null) {
                out.put(k, String.valueOf(v));
            }
        });
        return out;
    }
}
