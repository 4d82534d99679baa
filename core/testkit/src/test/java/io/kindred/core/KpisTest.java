package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.TransferRequest;
import io.kindred.server.Kindred;
import io.kindred.server.kpis.KpiReport;
import io.kindred.server.web.Json;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's KPIs ({@code /console}, {@code GET /api/v1/admin/kpis}) over a year of seeded members:
 * sign-ups, sign-ins, purchases in two currencies and their refunds, points issued, spent, expired, clawed
 * back for a refund and returned for a cancelled redemption, all at moments set with a movable clock in the
 * site's time zone (Asia/Shanghai). Every figure the API answers must equal this test's own computation over
 * the facts it seeded. One platform serves the class; the seed is written once.
 */
class KpisTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant START = LocalDateTime.parse("2025-06-01T09:00").atZone(ZONE).toInstant();
    private static final Instant NOW = LocalDateTime.parse("2026-06-20T12:00").atZone(ZONE).toInstant();
    /** Only the clawback happens on this day, only the cancelled redemption on the next. */
    private static final LocalDate CLAWBACK_DAY = LocalDate.parse("2026-03-03");
    private static final LocalDate CANCEL_DAY = LocalDate.parse("2026-03-04");
    private static final long POINT_VALUE = 150;

    private record Member(long id, long createdAt) {
    }

    private record Purchase(long userId, long amount, String currency, long at, String order) {
    }

    private enum Flow { ISSUED, SPENT, EXPIRED, CLAWED_BACK, RETURNED }

    private record Move(Flow flow, long userId, long amount, long at) {
    }

    /** One thing that happens at a moment: the seed runs them in time order. */
    private record Step(long at, Runnable action) {
    }

    private static TestPlatform platform;
    private static MutableClock clock;
    private static Http shop;
    private static final List<Member> members = new ArrayList<>();
    /** Who was active when: sign-ups, sign-ins, purchases, ledger movements. */
    private static final List<long[]> activity = new ArrayList<>();
    private static final List<Purchase> purchases = new ArrayList<>();
    private static final Set<String> refunded = new HashSet<>();
    private static final List<Move> moves = new ArrayList<>();
    private static final Map<Long, Long> balances = new HashMap<>();
    private static long clawbackMember;
    private static long cancelMember;

    @BeforeAll
    static void seed() {
        clock = new MutableClock(START);
        platform = TestPlatform.builder().clock(clock).setting("site.timezone", ZONE.getId())
                .setting("kpis.point-value", String.valueOf(POINT_VALUE)).start();
        shop = platform.apiClient("kpi-reader");
        long adminId = platform.kindred().database.read(h -> h.createQuery("SELECT id FROM users WHERE email = :e")
                .bind("e", TestPlatform.ADMIN_EMAIL).mapTo(Long.class).one());
        members.add(new Member(adminId, START.toEpochMilli()));

        Random random = new Random(16);
        List<Step> steps = new ArrayList<>();
        long from = LocalDate.parse("2025-07-01").atStartOfDay(ZONE).toInstant().toEpochMilli();
        long until = NOW.toEpochMilli() - 3_600_000;
        for (int i = 0; i < 40; i++) {
            String email = "kpi" + i + "@kpis.test";
            long joined = randomMoment(random, from, until - 86_400_000L * 5);
            long[] id = new long[1];
            steps.add(new Step(joined, () -> id[0] = signUp(email)));
            for (int s = random.nextInt(5); s > 0; s--) {
                steps.add(new Step(randomMoment(random, joined + 1, until), () -> signIn(email, id[0])));
            }
            for (int p = random.nextInt(5); p > 0; p--) {
                long at = randomMoment(random, joined + 1, until);
                String order = "KPI-" + i + "-" + p;
                long amount = 1_000 + random.nextInt(49_000);
                String currency = random.nextInt(5) == 0 ? "USD" : "CNY";
                steps.add(new Step(at, () -> buy(id[0], order, amount, currency, at)));
                if (random.nextInt(10) < 3) {
                    steps.add(new Step(randomMoment(random, at + 1, until), () -> refund(order)));
                }
            }
            for (int e = random.nextInt(5); e > 0; e--) {
                long at = randomMoment(random, joined + 1, until);
                long points = 100 + random.nextInt(900);
                steps.add(new Step(at, () -> move(Flow.ISSUED, id[0], points, at)));
                long later = randomMoment(random, at + 1, until);
                int choice = random.nextInt(3);
                steps.add(new Step(later, () -> {
                    long part = Math.min(balances.getOrDefault(id[0], 0L), points / 2);
                    if (part > 0) {
                        move(choice == 0 ? Flow.EXPIRED : Flow.SPENT, id[0], part, later);
                    }
                }));
            }
        }
        steps.sort(Comparator.comparingLong(Step::at));
        steps.forEach(s -> {
            clock.set(Instant.ofEpochMilli(s.at()));
            s.action().run();
        });

        // A refund's clawback (as the membership plugin posts it) and a cancelled redemption (as the shop does).
        clock.set(at(CLAWBACK_DAY.minusDays(1), "10:00"));
        clawbackMember = signUp("clawback@kpis.test");
        cancelMember = signUp("cancel@kpis.test");
        move(Flow.ISSUED, clawbackMember, 500, clock.millis());
        move(Flow.ISSUED, cancelMember, 600, clock.millis());
        clock.set(at(CLAWBACK_DAY, "23:30"));
        move(Flow.CLAWED_BACK, clawbackMember, 200, clock.millis());
        clock.set(at(CANCEL_DAY, "00:30"));
        move(Flow.SPENT, cancelMember, 300, clock.millis());
        clock.set(at(CANCEL_DAY, "18:00"));
        move(Flow.RETURNED, cancelMember, 300, clock.millis());

        clock.set(NOW);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void everyFigureEqualsTheTestsOwnComputationOverTheSeededData() {
        LocalDate today = LocalDate.ofInstant(NOW, ZONE);
        Map<String, LocalDate[]> periods = new java.util.LinkedHashMap<>();
        periods.put("", new LocalDate[]{today.minusDays(29), today});
        periods.put("period=7d", new LocalDate[]{today.minusDays(6), today});
        periods.put("period=90d", new LocalDate[]{today.minusDays(89), today});
        periods.put("period=12m", new LocalDate[]{today.minusMonths(12).plusDays(1), today});
        periods.put("from=2026-02-10&to=2026-05-31", new LocalDate[]{LocalDate.parse("2026-02-10"), LocalDate.parse("2026-05-31")});
        periods.put("from=2025-12-30&to=2026-01-02", new LocalDate[]{LocalDate.parse("2025-12-30"), LocalDate.parse("2026-01-02")});
        periods.forEach((query, days) -> {
            Http.Response r = shop.get("/api/v1/admin/kpis" + (query.isEmpty() ? "" : "?" + query));
            assertEquals(200, r.status(), r.body());
            JsonNode expected = Json.CORE.valueToTree(expected(days[0], days[1]));
            assertEquals(expected.toPrettyString(), r.json().path("kpis").toPrettyString(), query);
        });
        // and the seed is rich enough for the comparison to mean something
        KpiReport year = expected(today.minusMonths(12).plusDays(1), today);
        assertEquals(List.of("CNY", "USD"), year.revenue().stream().map(KpiReport.Revenue::currency).toList());
        assertTrue(year.repeatPurchases().repeatBuyers() > 0 && year.repeatPurchases().repeatBuyers() < year.repeatPurchases().buyers());
        assertTrue(year.points().spent() > 0 && year.points().takenBack() > 0 && year.points().returned() > 0);
        assertTrue(refunded.size() > 5, "refunds");
        assertTrue(year.cohorts().stream().flatMap(c -> c.retention().stream())
                .anyMatch(share -> share != null && share > 0 && share < 1), "a cohort partly retained");
    }

    @Test
    void aRefundsClawbackNeverCountsAsSpent() {
        JsonNode points = shop.get("/api/v1/admin/kpis?from=" + CLAWBACK_DAY + "&to=" + CLAWBACK_DAY).json().at("/kpis/points");

        assertEquals(200, points.path("clawedBack").asLong());
        assertEquals(0, points.path("spent").asLong(), points.toString());
    }

    @Test
    void aCancelledRedemptionsReturnedPointsNeverCountAsIssued() {
        JsonNode points = shop.get("/api/v1/admin/kpis?from=" + CANCEL_DAY + "&to=" + CANCEL_DAY).json().at("/kpis/points");

        assertEquals(300, points.path("returned").asLong());
        assertEquals(300, points.path("spent").asLong());
        assertEquals(0, points.path("issued").asLong(), points.toString());
        assertTrue(points.path("redemptionRate").isNull(), "no redemption rate without points issued");
    }

    @Test
    void theDashboardShowsTheFiguresInEnglishAndInChinese() {
        Http admin = signedInAdmin();
        KpiReport expected = expected(LocalDate.ofInstant(NOW, ZONE).minusDays(29), LocalDate.ofInstant(NOW, ZONE));

        Http.Response en = admin.get("/console");
        Http.Response zh = signedInAdmin().header("Accept-Language", "zh-CN").get("/console?period=12m");
        Http.Response months = admin.get("/console?from=2026-02-10&to=2026-05-31");

        assertEquals(200, en.status(), en.body());
        assertTrue(en.body().contains("id=\"stat-members\">" + expected.members().total() + "<"), "members card");
        assertTrue(en.body().contains("id=\"stat-active\">" + expected.members().active() + "<"), "active card");
        assertTrue(en.body().contains("Retention by sign-up month"), "cohort table");
        assertTrue(en.body().contains("data-chart=\"daily\""), "the chart");
        assertEquals(200, zh.status(), zh.body());
        assertTrue(zh.body().contains("按注册月份的留存") && zh.body().contains("复购率"), "Chinese texts");
        assertTrue(zh.body().contains("aria-current=\"page\">12 个月<"), "the chosen preset");
        assertEquals(200, months.status());
        assertTrue(months.body().contains("value=\"2026-02-10\"") && months.body().contains("<td>2026-05</td>"), "month rows");
    }

    @Test
    void badDatesAreRefusedWithAFieldError() {
        assertEquals("invalid_field", shop.get("/api/v1/admin/kpis?from=2026-13-01&to=2026-12-31").errorCode());
        assertEquals("invalid_field", shop.get("/api/v1/admin/kpis?from=2026-05-01&to=2026-04-30").errorCode());
        assertEquals("invalid_field", shop.get("/api/v1/admin/kpis?from=2020-01-01&to=2026-01-01").errorCode());
        assertEquals("invalid_field", shop.get("/api/v1/admin/kpis?period=2w").errorCode());
        assertEquals(400, shop.get("/api/v1/admin/kpis?from=yesterday").status());
        assertEquals(401, platform.http().get("/api/v1/admin/kpis").status());
        assertEquals(403, platform.member("nosy@kpis.test", "Nosy").get("/api/v1/admin/kpis").status());
        activity.add(new long[]{memberId("nosy@kpis.test"), clock.millis()});
        members.add(new Member(memberId("nosy@kpis.test"), clock.millis()));
    }

    // --- the test's own computation -------------------------------------------------------------------------

    private static synchronized KpiReport expected(LocalDate fromDay, LocalDate toDay) {
        long from = startOf(fromDay);
        long to = startOf(toDay.plusDays(1));
        long active = activeIn(from, to, u -> true);
        Map<Long, Integer> bought = new HashMap<>();
        standing(from, to).forEach(p -> bought.merge(p.userId(), 1, Integer::sum));
        long buyers = bought.size();
        long repeat = bought.values().stream().filter(n -> n >= 2).count();
        long issued = moved(Flow.ISSUED, from, to);
        long clawed = moved(Flow.CLAWED_BACK, from, to);
        long spent = moved(Flow.SPENT, from, to);
        long returned = moved(Flow.RETURNED, from, to);
        long outstanding = balances.values().stream().mapToLong(Long::longValue).sum();
        KpiReport.Points points = new KpiReport.Points(issued, clawed, spent, returned, moved(Flow.EXPIRED, from, to),
                ratio(spent - returned, issued - clawed), outstanding, Math.round(outstanding * POINT_VALUE / 100.0), "CNY");

        long days = ChronoUnit.DAYS.between(fromDay, toDay) + 1;
        List<KpiReport.Bucket> series = new ArrayList<>();
        List<KpiReport.Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(fromDay); !m.isAfter(YearMonth.from(toDay)); m = m.plusMonths(1)) {
            LocalDate first = m.atDay(1).isBefore(fromDay) ? fromDay : m.atDay(1);
            LocalDate last = m.atEndOfMonth().isAfter(toDay) ? toDay : m.atEndOfMonth();
            long a = startOf(first);
            long b = startOf(last.plusDays(1));
            long monthActive = activeIn(a, b, u -> true);
            months.add(new KpiReport.Month(m.toString(), first.toString(), last.toString(), joined(a, b), monthActive,
                    revenue(a, b, monthActive)));
            if (days > 92) {
                series.add(bucket(m.toString(), a, b));
            }
        }
        if (days <= 92) {
            for (LocalDate d = fromDay; !d.isAfter(toDay); d = d.plusDays(1)) {
                series.add(bucket(d.toString(), startOf(d), startOf(d.plusDays(1))));
            }
        }

        List<KpiReport.Cohort> cohorts = new ArrayList<>();
        YearMonth firstCohort = YearMonth.from(toDay).minusMonths(11);
        for (int i = 0; i < 12; i++) {
            long cFrom = startOf(firstCohort.plusMonths(i).atDay(1));
            long cTo = Math.min(startOf(firstCohort.plusMonths(i + 1).atDay(1)), to);
            Set<Long> cohort = new HashSet<>();
            members.stream().filter(u -> u.createdAt() >= cFrom && u.createdAt() < cTo).forEach(u -> cohort.add(u.id()));
            List<Long> counts = new ArrayList<>();
            List<Double> shares = new ArrayList<>();
            for (int j = i; j < 12; j++) {
                long mFrom = startOf(firstCohort.plusMonths(j).atDay(1));
                long mTo = Math.min(startOf(firstCohort.plusMonths(j + 1).atDay(1)), to);
                long n = activeIn(mFrom, mTo, cohort::contains);
                counts.add(n);
                shares.add(ratio(n, cohort.size()));
            }
            cohorts.add(new KpiReport.Cohort(firstCohort.plusMonths(i).toString(), cohort.size(), counts, shares));
        }

        List<KpiReport.Ltv> ltv = new ArrayList<>();
        Map<String, List<Purchase>> lifetime = new TreeMap<>();
        standing(0, to).forEach(p -> lifetime.computeIfAbsent(p.currency(), c -> new ArrayList<>()).add(p));
        lifetime.forEach((currency, list) -> {
            long sum = list.stream().mapToLong(Purchase::amount).sum();
            long people = list.stream().map(Purchase::userId).distinct().count();
            ltv.add(new KpiReport.Ltv(currency, sum, people, Math.round((double) sum / people)));
        });

        return new KpiReport(fromDay.toString(), toDay.toString(), ZONE.getId(),
                new KpiReport.Members(members.stream().filter(u -> u.createdAt() < to).count(), joined(from, to), active),
                new KpiReport.RepeatPurchases(buyers, repeat, ratio(repeat, buyers)), revenue(from, to, active), ltv, points,
                days <= 92 ? "day" : "month", series, months, cohorts);
    }

    private static KpiReport.Bucket bucket(String label, long from, long to) {
        return new KpiReport.Bucket(label, joined(from, to), moved(Flow.ISSUED, from, to),
                moved(Flow.SPENT, from, to) - moved(Flow.RETURNED, from, to));
    }

    private static List<KpiReport.Revenue> revenue(long from, long to, long active) {
        Map<String, List<Purchase>> byCurrency = new TreeMap<>();
        standing(from, to).forEach(p -> byCurrency.computeIfAbsent(p.currency(), c -> new ArrayList<>()).add(p));
        List<KpiReport.Revenue> list = new ArrayList<>();
        byCurrency.forEach((currency, ps) -> {
            long net = ps.stream().mapToLong(Purchase::amount).sum();
            list.add(new KpiReport.Revenue(currency, net, ps.size(), ps.stream().map(Purchase::userId).distinct().count(),
                    active == 0 ? null : Math.round((double) net / active)));
        });
        return list;
    }

    /** Purchases made in the range and not refunded (by now). */
    private static List<Purchase> standing(long from, long to) {
        return purchases.stream().filter(p -> p.at() >= from && p.at() < to && !refunded.contains(p.order())).toList();
    }

    private static long activeIn(long from, long to, Predicate<Long> who) {
        Set<Long> ids = new TreeSet<>();
        activity.stream().filter(a -> a[1] >= from && a[1] < to && who.test(a[0])).forEach(a -> ids.add(a[0]));
        return ids.size();
    }

    private static long joined(long from, long to) {
        return members.stream().filter(u -> u.createdAt() >= from && u.createdAt() < to).count();
    }

    private static long moved(Flow flow, long from, long to) {
        return moves.stream().filter(m -> m.flow() == flow && m.at() >= from && m.at() < to).mapToLong(Move::amount).sum();
    }

    private static Double ratio(long part, long whole) {
        return whole <= 0 ? null : (double) part / whole;
    }

    // --- seeding -------------------------------------------------------------------------------------------

    private static long signUp(String email) {
        Http h = platform.http();
        Http.Response r = h.post("/api/v1/auth/register", Map.of("email", email, "password", "member-password-1",
                "displayName", email.substring(0, email.indexOf('@'))));
        assertEquals(201, r.status(), r.body());
        long id = r.json().at("/user/id").asLong();
        members.add(new Member(id, clock.millis()));
        activity.add(new long[]{id, clock.millis()});
        return id;
    }

    private static void signIn(String email, long id) {
        Http.Response r = platform.http().post("/api/v1/auth/login", Map.of("email", email, "password", "member-password-1"));
        assertEquals(200, r.status(), r.body());
        activity.add(new long[]{id, clock.millis()});
    }

    private static Http signedInAdmin() {
        Http admin = platform.admin();
        synchronized (KpisTest.class) {
            activity.add(new long[]{members.get(0).id(), clock.millis()});
        }
        return admin;
    }

    private static void buy(long userId, String order, long amount, String currency, long at) {
        Http.Response r = shop.post("/api/v1/admin/purchases", Map.of("userId", userId, "externalOrderId", order,
                "amount", amount, "currency", currency));
        assertEquals(201, r.status(), r.body());
        purchases.add(new Purchase(userId, amount, currency, at, order));
        activity.add(new long[]{userId, at});
    }

    private static void refund(String order) {
        assertEquals(200, shop.post("/api/v1/admin/purchases/" + order + "/refund", Map.of()).status());
        refunded.add(order);
    }

    /** Posts the ledger transfer each flow stands for, with the system accounts the plugins use. */
    private static void move(Flow flow, long userId, long amount, long at) {
        AccountRef member = AccountRef.member(userId);
        AccountRef from = switch (flow) {
            case ISSUED -> AccountRef.system("issued");
            case RETURNED -> AccountRef.system("spent");
            default -> member;
        };
        AccountRef to = switch (flow) {
            case ISSUED, RETURNED -> member;
            case SPENT -> AccountRef.system("spent");
            case EXPIRED -> AccountRef.system("expired");
            case CLAWED_BACK -> AccountRef.system("clawed_back");
        };
        Kindred k = platform.kindred();
        k.database.write(tx -> k.ledger.transfer(tx, new TransferRequest("points", from, to, amount, "test." + flow,
                null, "kpis-test:" + moves.size())));
        moves.add(new Move(flow, userId, amount, at));
        balances.merge(userId, flow == Flow.ISSUED || flow == Flow.RETURNED ? amount : -amount, Long::sum);
        activity.add(new long[]{userId, at});
    }

    private static long memberId(String email) {
        return platform.kindred().database.read(h -> h.createQuery("SELECT id FROM users WHERE email = :e")
                .bind("e", email).mapTo(Long.class).one());
    }

    /** A moment in [from, to), away from the two days kept for the clawback and the cancellation. */
    private static long randomMoment(Random random, long from, long to) {
        while (true) {
            long at = from + (long) (random.nextDouble() * (to - from));
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(at), ZONE);
            if (!day.equals(CLAWBACK_DAY) && !day.equals(CANCEL_DAY)) {
                return at;
            }
        }
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(java.time.LocalTime.parse(time)).atZone(ZONE).toInstant();
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant().toEpochMilli();
    }
}
