package io.kindred.plugins.checkin;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The member pages: the home widget, the month calendar with make-up buttons, the challenges and the
 * leaderboard. Every action is a plain form POST that redirects back with a notice, so it all works without
 * JavaScript.
 */
final class CheckinPages {

    /** Domain refusals a form turns into a notice on the page it came from, instead of an error page. */
    private static final Set<String> NOTICED = Set.of("already_checked_in", "not_allowed", "makeup_limit",
            "insufficient_points", "challenge_ended");

    private final PluginContext ctx;
    private final Checkins checkins;
    private final Challenges challenges;
    private final Leaderboard leaderboard;

    CheckinPages(PluginContext ctx, Checkins checkins, Challenges challenges, Leaderboard leaderboard) {
        this.ctx = ctx;
        this.checkins = checkins;
        this.challenges = challenges;
        this.leaderboard = leaderboard;
    }

    /** The home widget: one-tap check-in, streak, today's reward, and the hint when not checked in yet. */
    Map<String, Object> widget(Member viewer) {
        Map<String, Object> m = new HashMap<>();
        m.put("pointsPerCheckin", checkins.rules().pointsPerCheckin());
        if (viewer != null) {
            m.putAll(statusModel(checkins.status(viewer.id())));
            m.put("balance", ctx.ledger().balance(viewer.id(), Rewards.ASSET));
        }
        return m;
    }

    private static Map<String, Object> statusModel(Checkins.Status s) {
        Map<String, Object> m = new HashMap<>();
        m.put("checkedIn", s.checkedInToday());
        m.put("streak", s.streak());
        m.put("todayReward", s.todayReward());
        m.put("makeupsLeft", s.makeupsLeft());
        m.put("today", s.today().toString());
        return m;
    }

    /** {@code GET /checkin?month=YYYY-MM}: the month calendar. */
    void calendar(Exchange x) {
        Member me = x.requireMember();
        Checkins.Status status = checkins.status(me.id());
        YearMonth thisMonth = YearMonth.from(status.today());
        YearMonth month = x.query("month").map(CheckinRoutes::parseMonth).filter(m -> !m.isAfter(thisMonth))
                .orElse(thisMonth);
        Map<LocalDate, Boolean> done = new HashMap<>();
        checkins.month(me.id(), month).forEach(r -> done.put(r.day(), r.makeup()));
        boolean canMakeUp = month.equals(thisMonth) && status.makeupsLeft() > 0;
        LocalDate firstMakeUpDay = checkins.firstMakeUpDay(me.id(), status.today());

        List<List<Map<String, Object>>> weeks = new ArrayList<>();
        List<Map<String, Object>> week = new ArrayList<>();
        for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
            week.add(null);
        }
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("date", d.toString());
            cell.put("dayOfMonth", d.getDayOfMonth());
            cell.put("checked", done.containsKey(d));
            cell.put("makeup", Boolean.TRUE.equals(done.get(d)));
            cell.put("today", d.equals(status.today()));
            cell.put("future", d.isAfter(status.today()));
            cell.put("canMakeUp", canMakeUp && !done.containsKey(d) && d.isBefore(status.today())
                    && !d.isBefore(firstMakeUpDay));
            week.add(cell);
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(null);
            }
            weeks.add(week);
        }
        Map<String, Object> model = statusModel(status);
        model.put("weeks", weeks);
        model.put("month", month.toString());
        model.put("monthCount", done.size());
        model.put("isThisMonth", month.equals(thisMonth));
        model.put("previousMonth", month.minusMonths(1).toString());
        model.put("nextMonth", month.equals(thisMonth) ? "" : month.plusMonths(1).toString());
        model.put("makeupCost", checkins.rules().makeupCost());
        x.render("checkin/calendar", model);
    }

    /** {@code POST /checkin}: checks in and goes back to the page the form was on. */
    void checkIn(Exchange x) {
        String back = x.formValue("back").orElse(null);
        String target = "/".equals(back) || (back != null && back.matches("/checkin[a-z0-9/]*")) ? back : "/";
        noticeAfter(x, target, "checkin.done", () -> checkins.checkIn(x.requireMember().id(), x.idempotencyKey()));
    }

    /** {@code POST /checkin/makeup} with field {@code day}. */
    void makeUp(Exchange x) {
        String day = x.formValue("day").orElse(null);
        if (day == null || day.isBlank()) {
            throw KindredException.missingField("day");
        }
        LocalDate parsed = CheckinRoutes.parseDay("day", day);
        noticeAfter(x, "/checkin", "checkin.makeup_done", () -> checkins.makeUp(x.requireMember().id(), parsed, x.idempotencyKey()));
    }

    /** {@code GET /checkin/challenges}. */
    void challengeList(Exchange x) {
        long me = x.requireMember().id();
        List<Map<String, Object>> items = challenges.page(me, Long.MAX_VALUE, 100).stream()
                .map(Challenges.View::json).toList();
        x.render("checkin/challenges", Map.of("challenges", items));
    }

    /** {@code GET /checkin/challenges/{id}}. */
    void challengeDetail(Exchange x) {
        Challenges.View v = challenges.find(x.requireMember().id(), x.pathParamAsId("id"));
        x.render("checkin/challenge", Map.of("challenge", v.json(), "canJoin", !v.joined() && !"ended".equals(v.status())));
    }

    /** {@code POST /checkin/challenges/{id}/join}. */
    void join(Exchange x) {
        long id = x.pathParamAsId("id");
        noticeAfter(x, "/checkin/challenges/" + id, "checkin.joined", () -> challenges.join(x.requireMember().id(), id));
    }

    /** {@code GET /checkin/leaderboard?month=YYYY-MM}. */
    void leaderboardPage(Exchange x) {
        YearMonth month = x.query("month").map(CheckinRoutes::parseMonth).orElse(YearMonth.from(checkins.today()));
        List<Map<String, Object>> rows = leaderboard.of(month).stream().map(Leaderboard.Entry::json).toList();
        x.render("checkin/leaderboard", Map.of("entries", rows, "month", month.toString()));
    }

    private static void noticeAfter(Exchange x, String target, String notice, Runnable action) {
        String key = notice;
        try {
            action.run();
        } catch (KindredException e) {
            if (!NOTICED.contains(e.code())) {
                throw e;
            }
            key = "checkin." + e.code();
        }
        x.redirect(target + (target.contains("?") ? "&" : "?") + "notice=" + key);
    }

}
