package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.db.Database;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.web.CoreRouting;
import io.kindred.server.web.Json;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code /console}: the operator's first look. Days are calendar days in {@code site.timezone}; every figure
 * is a range query on an indexed time column, so the page stays fast as the tables grow.
 *
 * <ul>
 *   <li>members: every account; new: accounts created in the last 7 / 30 days, today included;</li>
 *   <li>active today: members who opened a session (signed up or in) today, or whose balance of any asset
 *       moved today (a check-in, a purchase, a redemption, an adjustment all post to the ledger);</li>
 *   <li>points issued: transfers of {@code points} from a system account to a member in the last 30 days;
 *       spent: from a member to a system account other than {@code expired} and {@code adjustments};
 *       taken back: expired or adjusted down.</li>
 * </ul>
 */
final class ConsoleDashboard implements Consumer<CoreRouting> {

    static final int CHART_DAYS = 30;
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("MM-dd");

    private final Views views;
    private final Database db;
    private final SiteSettings settings;
    private final Clock clock;

    ConsoleDashboard(Views views, Database db, SiteSettings settings, Clock clock) {
        this.views = views;
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void accept(CoreRouting r) {
        r.get("/console", Access.OPERATOR, this::dashboard);
    }

    /** The start of a day in the site's zone, as epoch millis. */
    private static long startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private void dashboard(Context ctx) {
        ZoneId zone = settings.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long todayStart = startOf(today, zone);
        long tomorrowStart = startOf(today.plusDays(1), zone);
        long weekStart = startOf(today.minusDays(6), zone);
        long monthStart = startOf(today.minusDays(CHART_DAYS - 1), zone);

        Map<String, Object> model = new HashMap<>();
        db.read(h -> {
            model.put("membersTotal", h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
            model.put("new7", newMembers(h, weekStart, tomorrowStart));
            model.put("new30", newMembers(h, monthStart, tomorrowStart));
            model.put("activeToday", activeMembers(h, todayStart, tomorrowStart));
            model.put("pointsIssued", pointsIssued(h, monthStart, tomorrowStart));
            model.put("pointsSpent", pointsMoved(h, monthStart, tomorrowStart, """
                    d.user_id IS NOT NULL AND c.user_id IS NULL AND c.system_name NOT IN ('expired', 'adjustments')"""));
            model.put("pointsTakenBack", pointsMoved(h, monthStart, tomorrowStart, """
                    d.user_id IS NOT NULL AND c.user_id IS NULL AND c.system_name IN ('expired', 'adjustments')"""));

            List<String> labels = new ArrayList<>();
            List<Long> joined = new ArrayList<>();
            List<Long> issued = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = CHART_DAYS - 1; i >= 0; i--) {
                LocalDate day = today.minusDays(i);
                long from = startOf(day, zone);
                long to = startOf(day.plusDays(1), zone);
                long n = newMembers(h, from, to);
                long p = pointsIssued(h, from, to);
                labels.add(DAY_LABEL.format(day));
                joined.add(n);
                issued.add(p);
                rows.add(Map.of("day", day.toString(), "newMembers", n, "pointsIssued", p));
            }
            model.put("chartLabels", Json.write(labels));
            model.put("chartMembers", Json.write(joined));
            model.put("chartPoints", Json.write(issued));
            model.put("days", rows);
            return null;
        });
        model.put("today", today.toString());
        model.put("zone", zone.getId());
        views.page(ctx, "console/dashboard", model);
    }

    private static long newMembers(Handle h, long from, long to) {
        return h.createQuery("SELECT COUNT(*) FROM users WHERE created_at >= :from AND created_at < :to")
                .bind("from", from).bind("to", to).mapTo(Long.class).one();
    }

    private static long activeMembers(Handle h, long from, long to) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM (
                            SELECT s.user_id FROM sessions s WHERE s.created_at >= :from AND s.created_at < :to
                            UNION
                            SELECT a.user_id FROM ledger_transfers t
                              JOIN ledger_entries e ON e.transfer_id = t.id
                              JOIN ledger_accounts a ON a.id = e.account_id
                             WHERE t.created_at >= :from AND t.created_at < :to AND a.user_id IS NOT NULL
                        ) active""")
                .bind("from", from).bind("to", to).mapTo(Long.class).one();
    }

    private static long pointsIssued(Handle h, long from, long to) {
        return pointsMoved(h, from, to, "d.user_id IS NULL AND c.user_id IS NOT NULL");
    }

    /** Points moved between {@code from} and {@code to} by transfers whose accounts match {@code accounts}. */
    private static long pointsMoved(Handle h, long from, long to, String accounts) {
        return h.createQuery("""
                        SELECT COALESCE(SUM(t.amount), 0) FROM ledger_transfers t
                          JOIN ledger_accounts d ON d.id = t.debit_account_id
                          JOIN ledger_accounts c ON c.id = t.credit_account_id
                         WHERE t.created_at >= :from AND t.created_at < :to AND t.asset = 'points' AND\s""" + accounts)
                .bind("from", from).bind("to", to).mapTo(Long.class).one();
    }
}
