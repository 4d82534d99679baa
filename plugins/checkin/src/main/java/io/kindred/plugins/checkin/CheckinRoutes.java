package io.kindred.plugins.checkin;

import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The members' JSON API under {@code /api/v1/checkins}. */
final class CheckinRoutes {

    /** {@code POST /api/v1/checkins/makeup}: the day to make up, as YYYY-MM-DD. */
    record MakeupBody(String day) {
    }

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
        MakeupBody body = x.body(MakeupBody.class);
        Checkins.Result r = checkins.makeUp(x.requireMember().id(), parseDay("day", body.day()), x.idempotencyKey());
        x.json(201, Map.of("checkin", r.json()));
    }

    /** {@code GET /api/v1/checkins/leaderboard?month=YYYY-MM} → the month's board, display names only. */
    void leaderboard(Exchange x) {
        YearMonth month = x.query("month").map(CheckinRoutes::parseMonth).orElse(YearMonth.from(checkins.today()));
        List<Map<String, Object>> items = leaderboard.of(month).stream().map(Leaderboard.Entry::json).toList();
        x.json(Page.all(items));
    }

    /** {@code GET /api/v1/checkins/challenges?limit=&cursor=} → challenges with the caller's progress. */
    void challenges(Exchange x) {
        PageRequest page = x.page(20, 100);
        List<Challenges.View> rows = challenges.page(x.requireMember().id(), page.before(), page.limit());
        x.json(Page.of(rows, page, v -> v.challenge().id()).map(Challenges.View::json));
    }

    /** {@code GET /api/v1/checkins/challenges/{id}}. */
    void challenge(Exchange x) {
        x.json(Map.of("challenge", challenges.find(x.requireMember().id(), x.pathParamAsId("id")).json()));
    }

    /** {@code POST /api/v1/checkins/challenges/{id}/join} → 200 {@code {"challenge":...}}. */
    void join(Exchange x) {
        x.json(Map.of("challenge", challenges.join(x.requireMember().id(), x.pathParamAsId("id")).json()));
    }

    /** The id below which a console page of challenges starts, read by {@link PageRequest} like every cursor. */
    static long cursor(Exchange x) {
        return PageRequest.of(x.query("cursor").orElse(null), null, 1, 1).before();
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
