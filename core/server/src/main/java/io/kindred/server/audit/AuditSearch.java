package io.kindred.server.audit;

import io.kindred.api.db.Database;
import io.kindred.server.web.CsvFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds audit entries by actor, action, target and time, newest first, page by page; and writes the same entries
 * as CSV, streamed in pages so a long log never fills memory.
 *
 * <pre>{@code
 * List<AuditLog.Entry> page = search.find(new AuditSearch.Query("admin@", "setting.", "", null, null), Long.MAX_VALUE, 50);
 * }</pre>
 */
public final class AuditSearch {

    /**
     * What to look for; blank texts and null times match everything.
     *
     * @param actor  part of the actor, e.g. {@code admin@brand.example} or {@code shop-sync}
     * @param action start of the action, e.g. {@code setting.} or {@code plugin.disabled}
     * @param target part of the target, e.g. {@code user:7}
     * @param from   entries at or after
     * @param until  entries before
     */
    public record Query(String actor, String action, String target, Instant from, Instant until) {

        public Query {
            actor = actor == null ? "" : actor.trim();
            action = action == null ? "" : action.trim();
            target = target == null ? "" : target.trim();
        }
    }

    static final List<String> CSV_HEADER = List.of("id", "at", "actor", "via", "address", "action", "target", "detail",
            "before", "after");
    private static final int CSV_PAGE = 500;

    private final Database db;

    public AuditSearch(Database db) {
        this.db = db;
    }

    /** @return up to {@code limit} entries older than {@code beforeId} that match, newest first */
    public List<AuditLog.Entry> find(Query q, long beforeId, int limit) {
        return db.read(h -> h.createQuery("SELECT " + AuditLog.COLUMNS + """
                         FROM audit_log
                         WHERE id < :before
                           AND (:actor = '' OR actor LIKE :actorLike ESCAPE '!')
                           AND (:action = '' OR action LIKE :actionLike ESCAPE '!')
                           AND (:target = '' OR target LIKE :targetLike ESCAPE '!')
                        """ + period(q) + """
                         ORDER BY id DESC LIMIT :limit""")
                .bind("before", beforeId)
                .bind("actor", q.actor()).bind("actorLike", "%" + like(q.actor()) + "%")
                .bind("action", q.action()).bind("actionLike", like(q.action()) + "%")
                .bind("target", q.target()).bind("targetLike", "%" + like(q.target()) + "%")
                .bind("from", q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli())
                .bind("until", q.until() == null ? Long.MAX_VALUE : q.until().toEpochMilli())
                .bind("limit", limit)
                .map(AuditLog::row).list());
    }

    /**
     * The day filter, only when one is given: without it the newest-first page walks the primary key from the cursor
     * down; with it, the index on {@code at} narrows the log to the chosen days first.
     */
    private static String period(Query q) {
        return q.from() == null && q.until() == null ? "" : "   AND at >= :from AND at < :until\n";
    }

    /** Writes every matching entry as CSV (cells that look like formulas defused), newest first. */
    public void csv(Query q, OutputStream out) throws IOException {
        Iterable<List<?>> rows = () -> new java.util.Iterator<>() {
            private List<AuditLog.Entry> page = find(q, Long.MAX_VALUE, CSV_PAGE);
            private int next;

            @Override
            public boolean hasNext() {
                if (next == page.size() && page.size() == CSV_PAGE) {
                    page = find(q, page.get(page.size() - 1).id(), CSV_PAGE);
                    next = 0;
                }
                return next < page.size();
            }

            @Override
            public List<?> next() {
                AuditLog.Entry e = page.get(next++);
                List<Object> row = new ArrayList<>();
                row.add(e.id());
                row.add(e.at().toString());
                row.add(e.actor());
                row.add(e.via());
                row.add(e.address());
                row.add(e.action());
                row.add(e.target());
                row.add(e.detail());
                row.add(e.before());
                row.add(e.after());
                return row;
            }
        };
        CsvFiles.write(out, CSV_HEADER, rows);
    }

    /** @return the text with LIKE's wildcards escaped by {@code !} */
    static String like(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
