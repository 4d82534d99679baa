package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.web.Access;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.ledger.LedgerService;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Params;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code /console/members}: search by text (email, phone, name, referral code, id, external id), filter by
 * label, cursor pagination, and {@code /console/members.csv}: the same filter as CSV.
 */
final class ConsoleMembers implements Consumer<CoreRouting> {

    static final int PAGE = 25;
    private static final int EXPORT_BATCH = 500;
    /** Export columns; the ones the import knows carry its names. */
    static final List<String> EXPORT_COLUMNS = List.of("id", "email", "phone", "name", "labels", "points", "total_spent",
            "last_purchase_date", "referral_code", "roles", "status", "created_at");

    private final Views views;
    private final Database db;
    private final UserStore users;
    private final LedgerService ledger;
    private final SiteSettings settings;
    private final Clock clock;

    ConsoleMembers(Views views, Database db, UserStore users, LedgerService ledger, SiteSettings settings, Clock clock) {
        this.views = views;
        this.db = db;
        this.users = users;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console/members", Access.OPERATOR, this::list);
        r.get("/console/members.csv", Access.OPERATOR, this::export);
    }

    private record Filter(String query, String label) {

        static Filter of(Context ctx) {
            String query = ConsoleSupport.query(ctx, "query").orElse(null);
            String label = ConsoleSupport.query(ctx, "label").orElse(null);
            if (query != null && query.length() > 100) {
                throw KindredException.invalidField("The search text must be at most 100 characters.");
            }
            if (label != null && label.length() > 40) {
                throw KindredException.invalidField("A label is at most 40 characters.");
            }
            return new Filter(query, label);
        }

        /** The filter as a query string for links: {@code query=..&label=..}. */
        String asQuery() {
            List<String> parts = new ArrayList<>();
            if (query != null) {
                parts.add("query=" + ConsoleSupport.encode(query));
            }
            if (label != null) {
                parts.add("label=" + ConsoleSupport.encode(label));
            }
            return String.join("&", parts);
        }
    }

    private void list(Context ctx) {
        Filter f = Filter.of(ctx);
        PageRequest page = Params.page(ctx, PAGE);
        ZoneId zone = settings.zone();
        Page<Map<String, Object>> rows = db.read(h -> {
            List<UserRow> found = users.search(h, f.query(), f.label(), page.before(), page.limit());
            Map<Long, Long> points = ledger.balancesOf(h, found.stream().map(UserRow::id).toList(), "points");
            List<Map<String, Object>> out = new ArrayList<>();
            for (UserRow u : found) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", u.id());
                m.put("displayName", u.displayName());
                m.put("email", u.email());
                m.put("phone", u.phone());
                m.put("labels", users.labels(h, u.id()));
                m.put("roles", u.roleCodes().stream().filter(c -> !c.equals("member")).toList());
                m.put("points", points.getOrDefault(u.id(), 0L));
                m.put("joined", ConsoleSupport.when(u.createdAt(), zone));
                m.put("status", u.status());
                out.add(m);
            }
            return new Page<>(out, Page.of(found, page, UserRow::id).nextCursor());
        });
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows.items());
        model.put("query", f.query() == null ? "" : f.query());
        model.put("label", f.label() == null ? "" : f.label());
        model.put("filterQuery", f.asQuery());
        model.put("nextCursor", rows.nextCursor());
        model.put("firstPage", page.first());
        views.page(ctx, "console/members", model);
    }

    /**
     * Streams every member matching the filter, newest first, in batches. A UTF-8 byte order mark lets
     * spreadsheet programs read Chinese names; text cells that a spreadsheet would take for a formula are
     * defused (see {@link #cell}).
     */
    private void export(Context ctx) throws IOException {
        Filter f = Filter.of(ctx);
        ZoneId zone = settings.zone();
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"members-" + LocalDate.now(clock.withZone(zone)) + ".csv\"");
        ctx.header("Cache-Control", "no-store");
        Writer w = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        w.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(EXPORT_COLUMNS.toArray(String[]::new)).get())) {
            long cursor = Long.MAX_VALUE;
            while (true) {
                long before = cursor;
                List<List<Object>> batch = db.read(h -> {
                    List<UserRow> found = users.search(h, f.query(), f.label(), before, EXPORT_BATCH);
                    Map<Long, Long> points = ledger.balancesOf(h, found.stream().map(UserRow::id).toList(), "points");
                    List<List<Object>> out = new ArrayList<>();
                    for (UserRow u : found) {
                        out.add(record(u, users.labels(h, u.id()), points.getOrDefault(u.id(), 0L), zone));
                    }
                    return out;
                });
                for (List<Object> rec : batch) {
                    csv.printRecord(rec);
                }
                if (batch.size() < EXPORT_BATCH) {
                    break;
                }
                cursor = (Long) batch.get(batch.size() - 1).get(0);
            }
        }
    }

    private static List<Object> record(UserRow u, Set<String> labels, long points, ZoneId zone) {
        List<Object> r = new ArrayList<>();
        r.add(u.id());
        r.add(cell(u.email()));
        r.add(cell(u.phone()));
        r.add(cell(u.displayName()));
        r.add(cell(String.join(";", labels)));
        r.add(points);
        r.add(new BigDecimal(u.totalSpent()).movePointLeft(2).toPlainString());
        r.add(u.lastPurchaseDay() == null ? "" : u.lastPurchaseDay());
        r.add(cell(u.referralCode()));
        r.add(String.join(";", u.roleCodes()));
        r.add(u.status());
        r.add(u.createdAt().atZone(zone).toOffsetDateTime().toString());
        return r;
    }

    /**
     * Text from members as a CSV cell that no spreadsheet runs: a cell starting with {@code = + - @}, a tab or
     * a carriage return would be read as a formula (CSV injection), so it gets a leading apostrophe.
     */
    static String cell(String text) {
        return text == null ? "" : String.valueOf(io.kindred.server.web.CsvFiles.defuse(text));
    }
}
