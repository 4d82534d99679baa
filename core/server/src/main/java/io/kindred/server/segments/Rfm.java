package io.kindred.server.segments;

import io.kindred.api.db.Database;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * RFM scores (1–5) of the members who bought (at least one purchase not refunded). For each dimension the buyers'
 * values are sorted ascending and the k-th boundary (k = 1..4) is the value at rank ⌊k·n/5⌋ (0-based, n buyers);
 * a member's score is 1 + the number of boundaries their value reaches (≥), so ties take the higher score. Values:
 * R = minus the days since the last purchase day (more recent is better), F = purchases not refunded, M = net
 * spending (minor units). The boundaries are recomputed by the core job {@code segments-rfm} (nightly, or when an
 * operator runs it) and stored; a member's score is always computed live from their own row against them, which
 * is a range condition on an indexed column. R's boundaries are kept as "days since", so R ages day by day.
 * Members who never bought (or whose purchases were all refunded) have no score and match no RFM filter.
 */
public final class Rfm {

    /** One dimension's boundaries b1..b4 (for R: days since the last purchase, b1 ≥ … ≥ b4). */
    public record Bounds(String dimension, long[] b, long buyers, String computedDay) {
    }

    private static final Map<String, String> COLUMN = Map.of("r", "last_purchase_day", "f", "purchase_count", "m", "total_spent");

    private final Database db;
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    public Rfm(Database db, Clock clock, Supplier<ZoneId> zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone.get());
    }

    /** Job {@code segments-rfm}. @return how many buyers the boundaries were computed over */
    public long recompute(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone.get());
        // Read first (about a second over a million members), then one short write: writers never wait for the reads.
        Map<String, long[]> computed = new LinkedHashMap<>();
        long n = db.read(h -> {
            long buyers = h.createQuery("SELECT COUNT(*) FROM users WHERE purchase_count >= 1 AND last_purchase_day IS NOT NULL")
                    .mapTo(Long.class).one();
            for (String d : buyers == 0 ? List.<String>of() : List.copyOf(COLUMN.keySet())) {
                long[] b = new long[4];
                for (int k = 1; k <= 4; k++) {
                    // "+purchase_count" keeps the planner on the dimension's own covering index, walked in order,
                    // instead of a range on purchase_count followed by a sort.
                    String v = h.createQuery("SELECT CAST(" + COLUMN.get(d) + " AS TEXT) FROM users"
                                    + " WHERE +purchase_count >= 1 AND last_purchase_day IS NOT NULL"
                                    + " ORDER BY " + COLUMN.get(d) + " LIMIT 1 OFFSET :rank")
                            .bind("rank", k * buyers / 5).mapTo(String.class).one();
                    b[k - 1] = d.equals("r") ? ChronoUnit.DAYS.between(LocalDate.parse(v), today) : Long.parseLong(v);
                }
                computed.put(d, b);
            }
            return buyers;
        });
        db.write(h -> {
            h.createUpdate("DELETE FROM rfm_boundaries").execute();
            computed.forEach((d, b) -> h.createUpdate("""
                            INSERT INTO rfm_boundaries(dimension, b1, b2, b3, b4, buyers, computed_day, computed_at)
                            VALUES (:d, :b1, :b2, :b3, :b4, :n, :day, :now)""")
                    .bind("d", d).bind("b1", b[0]).bind("b2", b[1]).bind("b3", b[2]).bind("b4", b[3]).bind("n", n)
                    .bind("day", today.toString()).bind("now", now.toEpochMilli()).execute());
            return null;
        });
        return n;
    }

    /** Recomputes the boundaries now, as an operator asks. @return how many buyers they were computed over */
    public long recomputeNow() {
        return recompute(clock.instant());
    }

    /** @return the stored boundaries, computing them first if they never were */
    public Map<String, Bounds> bounds() {
        Map<String, Bounds> stored = db.read(this::stored);
        if (stored.isEmpty() && db.read(h -> h.createQuery("SELECT COUNT(*) FROM rfm_boundaries").mapTo(Long.class).one()) == 0) {
            recompute(clock.instant());
            stored = db.read(this::stored);
        }
        return stored;
    }

    private Map<String, Bounds> stored(Handle h) {
        Map<String, Bounds> m = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM rfm_boundaries ORDER BY dimension DESC").map((rs, c) -> new Bounds(rs.getString("dimension"),
                        new long[]{rs.getLong("b1"), rs.getLong("b2"), rs.getLong("b3"), rs.getLong("b4")},
                        rs.getLong("buyers"), rs.getString("computed_day")))
                .forEach(b -> m.put(b.dimension(), b));
        return m;
    }

    /**
     * Adds "score of {@code dimension} from {@code min} to {@code max}" to {@code where}: buyers only, then one
     * range on the dimension's column per side.
     */
    void score(Where where, Map<String, Bounds> bounds, String dimension, int min, int max) {
        Bounds b = bounds.get(dimension);
        where.and("u.purchase_count >= 1 AND u.last_purchase_day IS NOT NULL");
        if (b == null) {
            where.and("1 = 0");
            return;
        }
        LocalDate today = today();
        if (min >= 2) {
            long bound = b.b()[min - 2];
            if (dimension.equals("r")) {
                where.and("u.last_purchase_day >= ?", today.minusDays(bound).toString());
            } else {
                where.and("u." + COLUMN.get(dimension) + " >= ?", bound);
            }
        }
        if (max <= 4) {
            long bound = b.b()[max - 1];
            if (dimension.equals("r")) {
                where.and("u.last_purchase_day < ?", today.minusDays(bound).toString());
            } else {
                where.and("u." + COLUMN.get(dimension) + " < ?", bound);
            }
        }
    }

    /** @return the boundaries as JSON for {@code GET /api/v1/admin/segments/rfm} */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<Bounds> any = bounds().values().stream().findFirst();
        out.put("buyers", any.map(Bounds::buyers).orElse(0L));
        out.put("computedDay", any.map(Bounds::computedDay).orElse(null));
        for (Bounds b : bounds().values()) {
            out.put(b.dimension(), b.b());
        }
        return out;
    }
}
