package io.kindred.server.segments;

import io.kindred.api.KindredException;
import io.kindred.api.segments.MemberFilter;
import io.kindred.api.segments.MemberIds;
import io.kindred.server.ui.UiRegistry;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The filters over members, the core's and those of started plugins, turned into one WHERE clause over
 * {@code users u}. Filters are a map of name to value as the query string of {@code GET /api/v1/admin/users} and a
 * saved segment's JSON carry them; every filter is ANDed. An unknown name or a bad value is {@code invalid_field}.
 */
public final class Filters {

    /** The core's filters, in the order the console shows them. */
    public static final List<String> CORE = List.of("query", "label", "labelsAll", "noLabel", "joinedFrom", "joinedTo",
            "activeFrom", "activeTo", "purchasedFrom", "purchasedTo", "minSpent", "maxSpent", "minPurchases",
            "maxPurchases", "minPoints", "maxPoints", "rMin", "rMax", "fMin", "fMax", "mMin", "mMax");
    /** Names a plugin's filter cannot take: the core's filters and the list's own parameters. */
    public static final Set<String> RESERVED = reserved();
    private static final Set<String> RFM = Set.of("rMin", "rMax", "fMin", "fMax", "mMin", "mMax");

    private static Set<String> reserved() {
        Set<String> r = new java.util.HashSet<>(CORE);
        r.addAll(List.of("segment", "limit", "cursor"));
        return Set.copyOf(r);
    }

    private final UiRegistry ui;
    private final Rfm rfm;
    private final Supplier<ZoneId> zone;

    public Filters(UiRegistry ui, Rfm rfm, Supplier<ZoneId> zone) {
        this.ui = ui;
        this.rfm = rfm;
        this.zone = zone;
    }

    /** @return the filters of started plugins, by name */
    public Map<String, MemberFilter> pluginFilters() {
        Map<String, MemberFilter> m = new LinkedHashMap<>();
        ui.memberFilters().forEach(o -> m.put(o.value().name(), o.value()));
        return m;
    }

    /**
     * Checks the names and the values without running anything.
     *
     * @return the filters with blank values left out, trimmed, in a stable order
     */
    public Map<String, String> checked(Map<String, String> filters) {
        Map<String, String> out = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                out.put(k, v.trim());
            }
        });
        where(out, false);
        return out;
    }

    /** @return the WHERE clause that keeps the members passing every filter of every map */
    Where where(List<Map<String, String>> all) {
        Where w = new Where();
        for (Map<String, String> filters : all) {
            append(w, filters, true);
        }
        return w;
    }

    private Where where(Map<String, String> filters, boolean run) {
        Where w = new Where();
        append(w, filters, run);
        return w;
    }

    private void append(Where w, Map<String, String> filters, boolean run) {
        Map<String, MemberFilter> plugins = pluginFilters();
        Map<String, Rfm.Bounds> bounds = run && filters.keySet().stream().anyMatch(RFM::contains) ? rfm.bounds() : Map.of();
        // Label sets first: the first id set drives the count, and a label's set (over the index (label, user_id)) is
        // cheaper to drive from than the points accounts, which are then probed by their unique key.
        List<Map.Entry<String, String>> ordered = new ArrayList<>(filters.entrySet());
        ordered.sort(java.util.Comparator.comparingInt(e -> e.getKey().equals("label") ? 0 : e.getKey().equals("labelsAll") ? 1 : 2));
        for (Map.Entry<String, String> f : ordered) {
            String name = f.getKey();
            String v = f.getValue();
            switch (name) {
                case "query" -> query(w, v);
                case "label" -> hasLabel(w, labels(name, v));
                case "labelsAll" -> labels(name, v).forEach(l -> hasLabel(w, List.of(l)));
                case "noLabel" -> w.memberIds(false, "SELECT user_id FROM user_labels WHERE label IN (" + marks(labels(name, v).size()) + ")",
                        named(labels(name, v)));
                case "joinedFrom" -> w.and("u.created_at >= ?", startOf(day(name, v)));
                case "joinedTo" -> w.and("u.created_at < ?", startOf(day(name, v).plusDays(1)));
                case "activeFrom" -> w.and("u.last_active_day >= ?", day(name, v).toString());
                case "activeTo" -> w.and("u.last_active_day <= ?", day(name, v).toString());
                case "purchasedFrom" -> w.and("u.last_purchase_day >= ?", day(name, v).toString());
                case "purchasedTo" -> w.and("u.last_purchase_day <= ?", day(name, v).toString());
                case "minSpent" -> w.and("u.total_spent >= ?", number(name, v));
                case "maxSpent" -> w.and("u.total_spent <= ?", number(name, v));
                case "minPurchases" -> w.and("u.purchase_count >= ?", number(name, v));
                case "maxPurchases" -> w.and("u.purchase_count <= ?", number(name, v));
                case "minPoints" -> {
                    long min = number(name, v);
                    if (min > 0 && w.driven()) {
                        // "+a.balance": a probe of the unique key (asset, user_id), never a walk of the balance range
                        w.and("EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.asset = 'points' AND a.user_id = u.id AND +a.balance >= ?)", min);
                    } else if (min > 0) {
                        w.memberIds(true, "SELECT user_id FROM ledger_accounts WHERE asset = 'points' AND balance >= :b AND user_id IS NOT NULL",
                                Map.of("b", min));
                    }
                }
                case "maxPoints" -> w.memberIds(false,
                        "SELECT user_id FROM ledger_accounts WHERE asset = 'points' AND balance > :b AND user_id IS NOT NULL",
                        Map.of("b", number(name, v)));
                case "rMin", "fMin", "mMin" -> {
                    int s = score(name, v);
                    if (run) {
                        rfm.score(w, bounds, name.substring(0, 1), s, 5);
                    }
                }
                case "rMax", "fMax", "mMax" -> {
                    int s = score(name, v);
                    if (run) {
                        rfm.score(w, bounds, name.substring(0, 1), 1, s);
                    }
                }
                default -> plugin(w, plugins, name, v);
            }
        }
    }

    private static void plugin(Where w, Map<String, MemberFilter> plugins, String name, String value) {
        MemberFilter f = plugins.get(name);
        if (f == null) {
            throw KindredException.invalidField("There is no filter '" + name + "'. The filters are " + String.join(", ", CORE)
                    + (plugins.isEmpty() ? "" : ", and from plugins that run now: " + String.join(", ", plugins.keySet()))
                    + ". A plugin's filter is there only while its plugin runs.");
        }
        MemberIds ids;
        try {
            ids = f.select(value);
        } catch (IllegalArgumentException e) {
            throw KindredException.invalidField("The filter '" + name + "': " + e.getMessage());
        }
        w.memberIds(true, ids.sql(), ids.params());
    }

    /** Members with any of the labels: the set that drives the count, or a probe of the (user_id, label) key. */
    private static void hasLabel(Where w, List<String> labels) {
        if (w.driven()) {
            w.and("EXISTS (SELECT 1 FROM user_labels l WHERE l.user_id = u.id AND l.label IN (" + "?, ".repeat(labels.size() - 1)
                    + "?))", labels.toArray());
        } else {
            w.memberIds(true, "SELECT user_id FROM user_labels WHERE label IN (" + marks(labels.size()) + ")", named(labels));
        }
    }

    private static void query(Where w, String query) {
        String escaped = "%" + query.toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        String exact = query.trim();
        // '!' escapes LIKE wildcards: a backslash would be read as an escape by Jdbi's SQL parser.
        w.and("""
                LOWER(u.email) LIKE ? ESCAPE '!' OR u.phone LIKE ? ESCAPE '!' OR LOWER(u.display_name) LIKE ? ESCAPE '!'
                OR u.referral_code = ? OR CAST(u.id AS TEXT) = ?
                OR EXISTS (SELECT 1 FROM user_external_ids x WHERE x.user_id = u.id AND x.external_id = ?)""",
                escaped, escaped, escaped, exact, exact, exact);
    }

    private static String marks(int n) {
        List<String> m = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            m.add(":l" + i);
        }
        return String.join(", ", m);
    }

    private static Map<String, Object> named(List<String> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            m.put("l" + i, values.get(i));
        }
        return m;
    }

    private static List<String> labels(String name, String value) {
        List<String> out = new ArrayList<>();
        for (String l : value.split(",")) {
            String t = l.strip();
            if (!t.isEmpty()) {
                out.add(t); // a label longer than any label can be matches nobody, as before segments
            }
        }
        if (out.isEmpty() || out.size() > 50) {
            throw KindredException.invalidField("The filter '" + name + "' takes 1 to 50 labels, separated by commas.");
        }
        return out;
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("The filter '" + name + "' is a day, YYYY-MM-DD.");
        }
    }

    private long startOf(LocalDate day) {
        return day.atStartOfDay(zone.get()).toInstant().toEpochMilli();
    }

    private static long number(String name, String value) {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through
        }
        throw KindredException.invalidField("The filter '" + name + "' is a whole number, 0 or more (money in minor units).");
    }

    private static int score(String name, String value) {
        return Optional.of(value).filter(s -> s.matches("[1-5]")).map(Integer::parseInt).orElseThrow(() ->
                KindredException.invalidField("The filter '" + name + "' is an RFM score from 1 to 5."));
    }
}
