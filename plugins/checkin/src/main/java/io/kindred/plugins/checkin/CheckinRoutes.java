package io.kindred.plugins.checkin;

import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The members' JSON API under {@code /api/v1/checkins}. */
final class CheckinRoutes {

    private final Checkins checkins;
    private final Challenges challenges;
    private final Leaderboard leaderboard;

    CheckinRoutes(Checkins checkins, Challenges challenges, Leaderboard leaderboard) {
        this.checkins = checkins;
        this.challenges = challenges;
        this.leaderboard = leaderboard;
    }

    /** {@code POST /api/v1/checkins} → 201 {@code {"checkin":{day,streak,awarded:{points}}}}. */
    void checkIn(Exchange x) {
        Checkins.Result r = checkins.checkIn(x.requireMember().id(), x.idempotencyKey());
        x.json(201, Map.of("checkin", r.json()));
    }

    /** {@code GET /api/v1/checkins/me} → today's state of the caller. */
    void me(Exchange x) {
        Checkins.Status s = checkins.status(x.requireMember().id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checkedInToday", s.checkedInToday());
        body.put("streak", s.streak());
        body.put("month", s.month().stream().map(LocalDate::toString).toList());
        body.put("makeupsLeft", s.makeupsLeft());
        body.put("today", s.today().toString());
        body.put("todayReward", Map.of("points", s.todayReward()));
        body.put("makeupCost", Map.of("points", checkins.rules().makeupCost()));
        x.json(body);
    }

    /** {@code POST /api/v1/checkins/makeup {"day":"YYYY-MM-DD"}} → 201 like a check-in. */
    void makeUp(Exchange x) {
        Object day = x.body(Map.class).get("day");
        if (day == null) {
            throw KindredException.missingField("day");
        }
        Checkins.Result r = checkins.makeUp(x.requireMember().id(), parseDay("day", String.valueOf(day)), x.idempotencyKey());
        x.json(201, Map.of("checkin", r.json()));
    }

    /** {@code GET /api/v1/checkins/leaderboard?month=YYYY-MM} → the month's board, display names only. */
    void leaderboard(Exchange x) {
        YearMonth month = x.query("month").map(CheckinRoutes::parseMonth).orElse(YearMonth.from(checkins.today()));
        List<Map<String, Object>> items = leaderboard.of(month).stream().map(Leaderboard.Entry::json).toList();
        x.json(new Page<>(items, null));
    }

    /** {@code GET /api/v1/checkins/challenges?limit=&cursor=} → challenges with the caller's progress. */
    void challenges(Exchange x) {
        int limit = x.queryInt("limit", 20, 1, 100);
        List<Challenges.View> page = challenges.page(x.requireMember().id(), cursor(x), limit);
        String next = page.size() == limit ? String.valueOf(page.get(page.size() - 1).challenge().id()) : null;
        x.json(new Page<>(page.stream().map(Challenges.View::json).toList(), next));
    }

    /** {@code GET /api/v1/checkins/challenges/{id}}. */
    void challenge(Exchange x) {
        x.json(Map.of("challenge", challenges.find(x.requireMember().id(), x.pathParamAsId("id")).json()));
    }

    /** {@code POST /api/v1/checkins/challenges/{id}/join} → 200 {@code {"challenge":...}}. */
    void join(Exchange x) {
        x.json(Map.of("challenge", challenges.join(x.requireMember().id(), x.pathParamAsId("id")).json()));
    }

    static long cursor(Exchange x) {
        return x.query("cursor").map(v -> {
            try {
                long c = Long.parseLong(v.trim());
                if (c > 0) {
                    return c;
                }
            } catch (NumberFormatException ignored) {
                // falls through
            }
            throw KindredException.badRequest("invalid_cursor", "The cursor is not one this API gave out.");
        }).orElse(Long.MAX_VALUE);
    }

    static LocalDate parseDay(String field, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("The field '" + field + "' must be a day as YYYY-MM-DD.");
        }
    }

    static YearMonth parseMonth(String text) {
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("The parameter 'month' must be a month as YYYY-MM.");
        }
    }
}
