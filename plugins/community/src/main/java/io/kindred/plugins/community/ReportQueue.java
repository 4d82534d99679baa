package io.kindred.plugins.community;

import io.kindred.api.PluginContext;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operators' queue: reported posts and comments with open reports, grouped by target, most reported first. */
final class ReportQueue {

    /** One reported target with its open reports' counts by reason and their notes. */
    record Entry(Decisions.Content content, Authors.Author author, int reports, Map<String, Integer> reasons,
                 List<String> notes, long firstAt, long lastAt) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", content.json());
            m.put("author", author.json());
            m.put("reports", reports);
            m.put("reasons", reasons);
            m.put("notes", notes);
            m.put("firstReportedAt", Instant.ofEpochMilli(firstAt).toString());
            m.put("lastReportedAt", Instant.ofEpochMilli(lastAt).toString());
            return m;
        }
    }

    private final PluginContext ctx;
    private final ReportStore store;
    private final Decisions decisions;
    private final Authors authors;

    ReportQueue(PluginContext ctx, ReportStore store, Decisions decisions, Authors authors) {
        this.ctx = ctx;
        this.store = store;
        this.decisions = decisions;
        this.authors = authors;
    }

    /** Pages by position: the cursor is how many entries were shown. */
    Page<Entry> page(PageRequest page) {
        List<ReportStore.Queued> queued = ctx.db().read(h -> store.queue(h, page.limit(), page.cursor()));
        List<Entry> entries = new ArrayList<>();
        for (ReportStore.Queued q : queued) {
            List<Report> open = ctx.db().read(h -> store.open(h, q.target()));
            Map<String, Integer> reasons = new LinkedHashMap<>();
            open.forEach(r -> reasons.merge(r.reason().code(), 1, Integer::sum));
            List<String> notes = open.stream().map(Report::note).filter(n -> n != null && !n.isBlank()).limit(10).toList();
            Decisions.Content content = decisions.find(q.target());
            entries.add(new Entry(content, authors.of(content.authorId()), q.reports(), reasons, notes, q.firstAt(), q.lastAt()));
        }
        return Page.of(entries, page, e -> page.cursor() + entries.indexOf(e) + 1);
    }
}
