package io.kindred.plugins.community;

import io.kindred.api.web.Routes;
import io.kindred.api.web.Access;
import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console pages of contests under {@code /console/community/contests}: the list, the create/edit form (with up
 * to {@link #FORM_PRIZES} prizes), ending a contest, and picking its winners. Plain forms, no JavaScript.
 */
final class ContestConsole {

    /** Prize rows the form offers. */
    static final int FORM_PRIZES = 5;

    private final PluginContext ctx;
    private final Contests contests;
    private final ContestAwards awards;
    private final Categories categories;

    ContestConsole(PluginContext ctx, Contests contests, ContestAwards awards, Categories categories) {
        this.ctx = ctx;
        this.contests = contests;
        this.awards = awards;
        this.categories = categories;
    }

    void list(Exchange x) {
        x.render("community/console/contests", Map.of("contests",
                contests.page(Long.MAX_VALUE, 100).stream().map(contests::json).toList()));
    }

    void newPage(Exchange x) {
        LocalDate today = ctx.today();
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("startDay", today.toString());
        draft.put("endDay", today.plusDays(13).toString());
        draft.put("votingStartDay", today.toString());
        draft.put("votingEndDay", today.plusDays(13).toString());
        draft.put("votesPerMember", 3);
        draft.put("entriesInWindow", true);
        draft.put("prizes", List.of());
        render(x, draft, null, null);
    }

    void editPage(Exchange x) {
        long id = x.pathParamAsId("id");
        Contests.View view = contests.view(id, null);
        render(x, view.json(), view, null);
    }

    void create(Exchange x) {
        save(x, null);
    }

    void update(Exchange x) {
        save(x, x.pathParamAsId("id"));
    }

    void end(Exchange x) {
        long id = x.pathParamAsId("id");
        contests.update(x.actor(), id, ended());
        x.redirect("/console/community/contests/" + id + "?notice=community.contests.ended");
    }

    /** Fields {@code rank1} … {@code rankN}: the post id that wins each rank; blank ranks are left out. */
    void winners(Exchange x) {
        long id = x.pathParamAsId("id");
        try {
            awards.award(x.actor(), id, picks(x));
        } catch (KindredException e) {
            if (e.status() == 404 && e.code().equals(ContestError.CONTEST_NOT_FOUND.code())) {
                throw e;
            }
            Contests.View view = contests.view(id, null);
            render(x, view.json(), view, e.getMessage());
            return;
        }
        x.redirect("/console/community/contests/" + id + "?notice=community.contests.decided");
    }

    private static List<ContestAwards.Pick> picks(Exchange x) {
        List<ContestAwards.Pick> picks = new ArrayList<>();
        for (int rank = 1; rank <= Contest.MAX_RANKS; rank++) {
            String v = x.formValue("rank" + rank).map(String::strip).orElse("");
            if (!v.isEmpty()) {
                picks.add(new ContestAwards.Pick(number(v, "rank" + rank), rank));
            }
        }
        return picks;
    }

    private void save(Exchange x, Long id) {
        Contest saved;
        try {
            ContestChange change = change(x);
            saved = id == null ? contests.create(x.actor(), change)
                    : contests.update(x.actor(), id, change);
        } catch (KindredException e) {
            if (e.code().equals(ContestError.CONTEST_NOT_FOUND.code())) {
                throw e;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            Contests.View view = id == null ? null : contests.view(id, null);
            if (view != null) {
                values.putAll(view.json());
            }
            x.form().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
            values.put("entriesInWindow", ticked(x, "entriesInWindow"));
            values.put("voting", ticked(x, "voting"));
            values.put("prizes", prizeRows(x));
            render(x, values, view, e.getMessage());
            return;
        }
        x.redirect("/console/community/contests/" + saved.id() + "?notice=community.contests.saved");
    }

    private void render(Exchange x, Map<String, Object> contest, Contests.View view, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("contest", contest);
        model.put("isNew", view == null);
        model.put("error", error);
        model.put("categories", categories.all().stream().map(Category::json).toList());
        model.put("prizeRows", prizeRowsOf(contest));
        model.put("badges", contests.grantableBadges().entrySet().stream()
                .map(e -> Map.of("code", e.getKey(), "name", e.getValue())).toList());
        model.put("entries", view == null ? List.of() : view.entries().stream().map(Contests.Entry::json).toList());
        model.put("canDecide", view != null && view.contest().phase(ctx.today()) == Contest.Phase.ENDED);
        model.put("results", view == null ? List.of() : view.results().stream().map(Contests.Result::json).toList());
        x.render("community/console/contest", model);
    }

    /** @return {@link #FORM_PRIZES} rows of rank, points and title for the form, filled from the contest's prizes */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> prizeRowsOf(Map<String, Object> contest) {
        List<Map<String, Object>> given = (List<Map<String, Object>>) contest.getOrDefault("prizes", List.of());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int rank = 1; rank <= FORM_PRIZES; rank++) {
            int r = rank;
            Map<String, Object> row = given.stream().filter(p -> String.valueOf(r).equals(String.valueOf(p.get("rank"))))
                    .findFirst().map(HashMap::new).orElseGet(HashMap::new);
            row.put("rank", rank);
            row.putIfAbsent("points", "");
            row.putIfAbsent("title", "");
            row.putIfAbsent("badge", "");
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> prizeRows(Exchange x) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int rank = 1; rank <= FORM_PRIZES; rank++) {
            Map<String, Object> row = new HashMap<>();
            row.put("rank", rank);
            row.put("points", x.formValue("prize" + rank + "Points").orElse(""));
            row.put("title", x.formValue("prize" + rank + "Title").orElse(""));
            row.put("badge", x.formValue("prize" + rank + "Badge").orElse(""));
            rows.add(row);
        }
        return rows;
    }

    /** The form as the change the API reads; an unticked checkbox sends nothing: absent means false. */
    private static ContestChange change(Exchange x) {
        List<ContestChange.PrizeBody> prizes = new ArrayList<>();
        for (int rank = 1; rank <= FORM_PRIZES; rank++) {
            String points = x.formValue("prize" + rank + "Points").map(String::strip).orElse("");
            String title = x.formValue("prize" + rank + "Title").map(String::strip).orElse("");
            String badge = x.formValue("prize" + rank + "Badge").map(String::strip).orElse("");
            if (!points.isEmpty() || !title.isEmpty() || !badge.isEmpty()) {
                prizes.add(new ContestChange.PrizeBody(rank,
                        points.isEmpty() ? Optional.empty() : Optional.of(number(points, "prize" + rank + "Points")),
                        Optional.of(title), Optional.of(badge)));
            }
        }
        return new ContestChange(x.formValue("title"), x.formValue("rules"),
                x.formValue("categoryId").filter(s -> !s.isBlank()).map(s -> number(s, "categoryId")),
                x.formValue("tag"), day(x, "startDay"), day(x, "endDay"), Optional.of(ticked(x, "entriesInWindow")),
                Optional.of(ticked(x, "voting")), day(x, "votingStartDay"), day(x, "votingEndDay"),
                x.formValue("votesPerMember").filter(s -> !s.isBlank()).map(s -> (int) number(s, "votesPerMember")),
                Optional.of(prizes), Optional.empty());
    }

    private static ContestChange ended() {
        return new ContestChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(true));
    }

    private static Optional<LocalDate> day(Exchange x, String name) {
        String text = x.formValue(name).map(String::strip).orElse("");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("The field '" + name + "' must be a day as YYYY-MM-DD.");
        }
    }

    private static long number(String text, String name) {
        if (!text.strip().matches("\\d{1,12}")) {
            throw KindredException.invalidField("The field '" + name + "' must be a whole number.");
        }
        return Long.parseLong(text.strip());
    }

    private static boolean ticked(Exchange x, String checkbox) {
        return x.formValue(checkbox).filter(v -> !v.equals("false")).isPresent();
    }

    /** Registers this class's routes. */
    void register(Routes r) {
        r.group("/console/community/contests", Access.OPERATOR, g -> {
            g.get("", this::list);
            g.post("", this::create);
            g.get("/new", this::newPage);
            g.get("/{id}", this::editPage);
            g.post("/{id}", this::update);
            g.post("/{id}/end", this::end);
            g.post("/{id}/winners", this::winners);
        });
    }
}
