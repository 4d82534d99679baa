package io.kindred.server.kpis;

import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Members active in calendar months that are over, counted per sign-up month of the {@value Kpis#COHORTS}
 * months up to it, kept for {@value #KEEP_MS} ms: the cohort table reads twelve months of activity at every
 * view, and what happened in a past month no longer changes (a merge of two members may, hence the hour).
 */
final class PastMonths {

    static final long KEEP_MS = 3_600_000;

    private record Entry(long at, KpiStore.Activity activity) {
    }

    private final KpiStore store;
    private final Clock clock;
    private final Map<String, Entry> kept = new ConcurrentHashMap<>();

    PastMonths(KpiStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param month a month that is over in {@code zone}
     * @return its active members in all, and {@code byCohort[i]}: those who signed up in month {@code month - 11 + i}
     */
    KpiStore.Activity of(Handle h, YearMonth month, ZoneId zone) {
        String key = zone.getId() + " " + month;
        long now = clock.millis();
        Entry e = kept.get(key);
        if (e != null && now - e.at() < KEEP_MS && now >= e.at()) {
            return e.activity();
        }
        long[] bounds = new long[Kpis.COHORTS + 1];
        for (int i = 0; i <= Kpis.COHORTS; i++) {
            bounds[i] = month.minusMonths(Kpis.COHORTS - 1 - i).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        KpiStore.Activity a = store.activeByCohort(h, bounds[Kpis.COHORTS - 1], bounds[Kpis.COHORTS], bounds);
        kept.values().removeIf(old -> now - old.at() >= KEEP_MS || now < old.at());
        kept.put(key, new Entry(now, a));
        return a;
    }
}
