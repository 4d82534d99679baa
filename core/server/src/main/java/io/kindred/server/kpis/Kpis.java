package io.kindred.server.kpis;

import io.kindred.api.db.Database;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.settings.SettingType;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.kpis.KpiReport.Bucket;
import io.kindred.server.kpis.KpiReport.Cohort;
import io.kindred.server.kpis.KpiReport.Ltv;
import io.kindred.server.kpis.KpiReport.Month;
import io.kindred.server.kpis.KpiReport.Points;
import io.kindred.server.kpis.KpiReport.Revenue;
import io.kindred.server.ledger.LedgerService;
import io.kindred.server.ledger.LedgerService.PointsFlow;
import io.kindred.server.users.MemberStats;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the KPIs an owner asks first, over a {@link KpiPeriod} of days in {@code site.timezone}.
 *
 * <ul>
 *   <li><b>active member</b>: signed in (or up), made a purchase, or had any ledger movement (check-in, redemption,
 *       adjustment, ...) in the range, as {@link MemberStats#active};</li>
 *   <li><b>net revenue</b>: purchases made in the range that were not refunded, per currency;</li>
 *   <li><b>repeat-purchase rate</b>: of the members with a purchase (not refunded) in the period, the share
 *       with two or more;</li>
 *   <li><b>ARPU</b>: net revenue / active members of the same range (the period, and each month);</li>
 *   <li><b>LTV</b>: every purchase not refunded up to the end of the period / the members who made one,
 *       i.e. what a buying member has brought so far, per currency;</li>
 *   <li><b>cohort retention</b>: members who signed up in a month (the {@value #COHORTS} months up to the
 *       period's end), the share of them active in each month after, up to the period's end; months that are
 *       over are counted once an hour ({@link PastMonths});</li>
 *   <li><b>points</b>: see {@link PointsFlow}; redemption rate = (spent - returned) / (issued - clawed back);
 *       outstanding = what members hold now, valued at {@code kpis.point-value} minor units of
 *       {@code kpis.point-currency} per 100 points.</li>
 * </ul>
 */
public final class Kpis {

    /** Sign-up months in the cohort table, and so at most as many months after each. */
    public static final int COHORTS = 12;
    /** Periods up to this many days are charted per day, longer ones per month. */
    public static final int DAILY_UP_TO = 92;
    public static final SettingDefinition<String> POINT_VALUE = new SettingDefinition<>("kpis.point-value",
            SettingType.TEXT, "", "Value of 100 points", text -> {
        if (!text.isEmpty() && !text.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("The value of 100 points is a whole number of minor units (e.g. 100 for 1.00), or empty.");
        }
        return text;
    }, List.of());
    public static final SettingDefinition<String> POINT_CURRENCY = new SettingDefinition<>("kpis.point-currency",
            SettingType.TEXT, "CNY", "Currency of the points' value", text -> {
        if (!text.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("The currency is a three-letter ISO code such as CNY.");
        }
        return text;
    }, List.of());

    private final Database db;
    private final KpiStore store;
    private final PastMonths pastMonths;
    private final MemberStats members;
    private final LedgerService ledger;
    private final SiteSettings settings;
    private final Clock clock;

    public Kpis(Database db, MemberStats members, LedgerService ledger, SiteSettings settings, Clock clock) {
        this.db = db;
        this.store = new KpiStore();
        this.pastMonths = new PastMonths(store, clock);
        this.members = members;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return today in the site's time zone */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.zone());
    }

    public KpiReport report(KpiPeriod p) {
        ZoneId zone = settings.zone();
        long from = startOf(p.from(), zone);
        long to = startOf(p.to().plusDays(1), zone);
        return db.read(h -> {
            // members active per range: the cohort table counts whole months, the monthly table reuses them
            Map<String, Long> active = new HashMap<>();
            List<Cohort> cohorts = cohorts(h, p, zone, active);
            long activeInPeriod = active(h, from, to, active);
            KpiStore.Buyers buyers = store.buyers(h, from, to);
            return new KpiReport(p.from().toString(), p.to().toString(), zone.getId(),
                    new KpiReport.Members(store.membersBefore(h, to), members.joined(h, from, to), activeInPeriod),
                    new KpiReport.RepeatPurchases(buyers.buyers(), buyers.repeatBuyers(),
                            rate(buyers.repeatBuyers(), buyers.buyers())),
                    revenue(h, from, to, activeInPeriod), ltv(h, to), points(h, from, to),
                    p.days() <= DAILY_UP_TO ? "day" : "month", series(h, p, zone), months(h, p, zone, active), cohorts);
        });
    }

    private long active(Handle h, long from, long to, Map<String, Long> known) {
        return known.computeIfAbsent(from + ":" + to, k -> members.active(h, from, to));
    }

    private List<Revenue> revenue(Handle h, long from, long to, long active) {
        return store.revenue(h, from, to).stream().map(r -> new Revenue(r.currency(), r.net(), r.purchases(),
                r.buyers(), active == 0 ? null : divide(r.net(), active))).toList();
    }

    private List<Ltv> ltv(Handle h, long to) {
        return store.revenue(h, 0, to).stream()
                .map(r -> new Ltv(r.currency(), r.net(), r.buyers(), divide(r.net(), r.buyers()))).toList();
    }

    private Points points(Handle h, long from, long to) {
        Map<PointsFlow, Long> flows = ledger.pointsFlows(h, from, to);
        long issued = flows.get(PointsFlow.ISSUED);
        long clawedBack = flows.get(PointsFlow.CLAWED_BACK);
        long spent = flows.get(PointsFlow.SPENT);
        long returned = flows.get(PointsFlow.RETURNED);
        long outstanding = store.pointsOutstanding(h);
        String per100 = settings.get(POINT_VALUE.name(), POINT_VALUE);
        Long value = per100.isEmpty() ? null : divide(outstanding * Long.parseLong(per100), 100);
        return new Points(issued, clawedBack, spent, returned, flows.get(PointsFlow.TAKEN_BACK),
                rate(spent - returned, issued - clawedBack), outstanding, value,
                settings.get(POINT_CURRENCY.name(), POINT_CURRENCY));
    }

    private List<Bucket> series(Handle h, KpiPeriod p, ZoneId zone) {
        List<Bucket> buckets = new ArrayList<>();
        if (p.days() <= DAILY_UP_TO) {
            for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) {
                buckets.add(bucket(h, d.toString(), startOf(d, zone), startOf(d.plusDays(1), zone)));
            }
        } else {
            for (LocalDate[] m : monthsOf(p)) {
                buckets.add(bucket(h, YearMonth.from(m[0]).toString(), startOf(m[0], zone), startOf(m[1].plusDays(1), zone)));
            }
        }
        return buckets;
    }

    private Bucket bucket(Handle h, String label, long from, long to) {
        Map<PointsFlow, Long> flows = ledger.pointsFlows(h, from, to);
        return new Bucket(label, members.joined(h, from, to), flows.get(PointsFlow.ISSUED),
                flows.get(PointsFlow.SPENT) - flows.get(PointsFlow.RETURNED));
    }

    private List<Month> months(Handle h, KpiPeriod p, ZoneId zone, Map<String, Long> known) {
        List<Month> months = new ArrayList<>();
        for (LocalDate[] m : monthsOf(p)) {
            long from = startOf(m[0], zone);
            long to = startOf(m[1].plusDays(1), zone);
            YearMonth month = YearMonth.from(m[0]);
            boolean wholeAndOver = m[0].getDayOfMonth() == 1 && m[1].equals(month.atEndOfMonth()) && m[1].isBefore(today());
            long active = wholeAndOver ? pastMonths.of(h, month, zone).total() : active(h, from, to, known);
            months.add(new Month(YearMonth.from(m[0]).toString(), m[0].toString(), m[1].toString(),
                    members.joined(h, from, to), active, revenue(h, from, to, active)));
        }
        return months;
    }

    /** @return the calendar months the period touches, each as its first and last day within the period */
    private static List<LocalDate[]> monthsOf(KpiPeriod p) {
        List<LocalDate[]> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(p.from()); !m.isAfter(YearMonth.from(p.to())); m = m.plusMonths(1)) {
            LocalDate first = m.atDay(1).isBefore(p.from()) ? p.from() : m.atDay(1);
            LocalDate last = m.atEndOfMonth().isAfter(p.to()) ? p.to() : m.atEndOfMonth();
            months.add(new LocalDate[]{first, last});
        }
        return months;
    }

    /**
     * The {@value #COHORTS} sign-up months up to the period's last month; everything stops at the period's end.
     * One query per month of activity, grouping its active members by cohort; its totals serve the monthly table.
     */
    private List<Cohort> cohorts(Handle h, KpiPeriod p, ZoneId zone, Map<String, Long> known) {
        YearMonth first = YearMonth.from(p.to()).minusMonths(COHORTS - 1);
        long[] bounds = new long[COHORTS + 1];
        for (int i = 0; i < COHORTS; i++) {
            bounds[i] = startOf(first.plusMonths(i).atDay(1), zone);
        }
        bounds[COHORTS] = startOf(p.to().plusDays(1), zone);
        long thisMonth = startOf(YearMonth.from(today()).atDay(1), zone);
        long[][] active = new long[COHORTS][];
        for (int j = 0; j < COHORTS; j++) {
            YearMonth month = first.plusMonths(j);
            boolean whole = bounds[j + 1] == startOf(month.plusMonths(1).atDay(1), zone);
            KpiStore.Activity a;
            if (whole && bounds[j + 1] <= thisMonth) {
                KpiStore.Activity past = pastMonths.of(h, month, zone);
                active[j] = new long[j + 1];
                for (int i = 0; i <= j; i++) {
                    active[j][i] = past.byCohort()[i - j + COHORTS - 1];
                }
                a = past;
            } else {
                a = store.activeByCohort(h, bounds[j], bounds[j + 1], Arrays.copyOf(bounds, j + 2));
                active[j] = a.byCohort();
            }
            known.put(bounds[j] + ":" + bounds[j + 1], a.total());
        }
        List<Cohort> cohorts = new ArrayList<>();
        for (int i = 0; i < COHORTS; i++) {
            long size = members.joined(h, bounds[i], bounds[i + 1]);
            List<Long> counts = new ArrayList<>();
            List<Double> shares = new ArrayList<>();
            for (int j = i; j < COHORTS; j++) {
                counts.add(active[j][i]);
                shares.add(rate(active[j][i], size));
            }
            cohorts.add(new Cohort(first.plusMonths(i).toString(), size, counts, shares));
        }
        return cohorts;
    }

    private static long startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static Double rate(long part, long whole) {
        return whole <= 0 ? null : (double) part / whole;
    }

    /** @return a / b rounded half up; b > 0, a >= 0 */
    private static long divide(long a, long b) {
        return Math.round((double) a / b);
    }
}
