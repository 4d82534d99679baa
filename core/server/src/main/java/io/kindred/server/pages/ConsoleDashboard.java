package io.kindred.server.pages;

import io.javalin.http.Context;
import io.kindred.api.db.Database;
import io.kindred.api.web.Access;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.ledger.LedgerService;
import io.kindred.server.ledger.LedgerService.PointsFlow;
import io.kindred.server.users.MemberStats;
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
 * {@code /console}: the operator's first look. Days are calendar days in {@code site.timezone}; the figures
 * come from {@link MemberStats} and {@link LedgerService#pointsMoved}, range queries on indexed time columns.
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
    private final MemberStats members;
    private final LedgerService ledger;
    private final SiteSettings settings;
    private final Clock clock;

    ConsoleDashboard(Views views, Database db, MemberStats members, LedgerService ledger, SiteSettings settings,
                     Clock clock) {
        this.views = views;
        this.db = db;
        this.members = members;
        this.ledger = ledger;
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
            model.put("membersTotal", members.total(h));
            model.put("new7", members.joined(h, weekStart, tomorrowStart));
            model.put("new30", members.joined(h, monthStart, tomorrowStart));
            model.put("activeToday", members.active(h, todayStart, tomorrowStart));
            model.put("pointsIssued", pointsIssued(h, monthStart, tomorrowStart));
            model.put("pointsSpent", ledger.pointsMoved(h, monthStart, tomorrowStart, PointsFlow.SPENT));
            model.put("pointsTakenBack", ledger.pointsMoved(h, monthStart, tomorrowStart, PointsFlow.TAKEN_BACK));

            List<String> labels = new ArrayList<>();
            List<Long> joined = new ArrayList<>();
            List<Long> issued = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = CHART_DAYS - 1; i >= 0; i--) {
                LocalDate day = today.minusDays(i);
                long from = startOf(day, zone);
                long to = startOf(day.plusDays(1), zone);
                long n = members.joined(h, from, to);
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

    private long pointsIssued(Handle h, long from, long to) {
        return ledger.pointsMoved(h, from, to, PointsFlow.ISSUED);
    }
}
