package io.kindred.plugins.checkin;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The operators' side: the rules form, challenges (create, edit, delete) and statistics, as console pages
 * under {@code /console/checkin} and as JSON under {@code /api/v1/admin/checkins}.
 */
final class CheckinConsole {

    static final int STATS_DAYS = 30;

    private final PluginContext ctx;
    private final Checkins checkins;
    private final Challenges challenges;
    private final CheckinStore store;

    CheckinConsole(PluginContext ctx, Checkins checkins, Challenges challenges, CheckinStore store) {
        this.ctx = ctx;
        this.checkins = checkins;
        this.challenges = challenges;
        this.store = store;
    }

    // ---- rules ----

    private Map<String, Object> rulesJson() {
        Rules rules = checkins.rules();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pointsPerCheckin", rules.pointsPerCheckin());
        m.put("streakMilestones", rules.streakMilestones().format());
        m.put("monthlyMilestones", rules.monthlyMilestones().format());
        m.put("cycle", rules.cycle().code());
        m.put("makeupsPerMonth", rules.makeupsPerMonth());
        m.put("makeupCost", rules.makeupCost());
        return m;
    }

    /**
     * The body of {@code PUT} and {@code PATCH /api/v1/admin/checkins/rules}: the rules to change; those not
     * given keep their value.
     */
    record RulesChange(Optional<Integer> pointsPerCheckin, Optional<String> streakMilestones,
                       Optional<String> monthlyMilestones, Optional<String> cycle, Optional<Integer> makeupsPerMonth,
                       Optional<Integer> makeupCost) {

        /** @return each given rule's definition → its value as settings text, in the order of the form */
        Map<SettingDefinition<?>, String> texts() {
            Map<SettingDefinition<?>, String> texts = new LinkedHashMap<>();
            pointsPerCheckin.ifPresent(v -> texts.put(Rules.POINTS_PER_CHECKIN, String.valueOf(v)));
            streakMilestones.ifPresent(v -> texts.put(Rules.STREAK_MILESTONES, v));
            monthlyMilestones.ifPresent(v -> texts.put(Rules.MONTHLY_MILESTONES, v));
            cycle.ifPresent(v -> texts.put(Rules.CYCLE, v));
            makeupsPerMonth.ifPresent(v -> texts.put(Rules.MAKEUPS_PER_MONTH, String.valueOf(v)));
            makeupCost.ifPresent(v -> texts.put(Rules.MAKEUP_COST, String.valueOf(v)));
            return texts;
        }
    }

    void getRules(Exchange x) {
        x.json(Map.of("rules", rulesJson()));
    }

    /** Saves the given rules all or nothing: an invalid or environment-locked one leaves every rule as it was. */
    void putRules(Exchange x) {
        ctx.settings().saveAll(x.body(RulesChange.class).texts());
        x.json(Map.of("rules", rulesJson()));
    }

    void rulesPage(Exchange x) {
        renderRules(x, rulesJson(), null);
    }

    void rulesForm(Exchange x) {
        Map<String, String> fields = formFields(x, Rules.ALL.stream().map(SettingDefinition::name).toList());
        Map<SettingDefinition<?>, String> texts = new LinkedHashMap<>();
        Rules.ALL.stream().filter(d -> fields.containsKey(d.name())).forEach(d -> texts.put(d, fields.get(d.name())));
        try {
            ctx.settings().saveAll(texts);
        } catch (KindredException e) {
            renderRules(x, new LinkedHashMap<>(fields), e.getMessage());
            return;
        }
        x.redirect("/console/checkin/rules?notice=checkin.rules_saved");
    }

    private void renderRules(Exchange x, Map<String, Object> values, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("rules", values);
        model.put("cycles", Rules.Cycle.codes());
        model.put("error", error);
        x.render("checkin/console/rules", model);
    }

    // ---- challenges ----

    void listChallenges(Exchange x) {
        int limit = x.queryInt("limit", 20, 1, 100);
        List<Challenge> page = challenges.page(CheckinRoutes.cursor(x), limit);
        String next = page.size() == limit ? String.valueOf(page.get(page.size() - 1).id()) : null;
        x.json(new Page<>(page.stream().map(challenges::withCounts).toList(), next));
    }

    void getChallenge(Exchange x) {
        x.json(Map.of("challenge", challenges.withCounts(challenges.get(x.pathParamAsId("id")))));
    }

    void createChallenge(Exchange x) {
        x.json(201, Map.of("challenge", challenges.withCounts(challenges.create(x.body(ChallengeChange.class)))));
    }

    void updateChallenge(Exchange x) {
        ChallengeChange change = x.body(ChallengeChange.class);
        x.json(Map.of("challenge", challenges.withCounts(challenges.update(x.pathParamAsId("id"), change))));
    }

    void deleteChallenge(Exchange x) {
        challenges.delete(x.pathParamAsId("id"));
        x.noContent();
    }

    void challengesPage(Exchange x) {
        List<Map<String, Object>> items = challenges.page(Long.MAX_VALUE, 100).stream().map(challenges::withCounts).toList();
        x.render("checkin/console/challenges", Map.of("challenges", items));
    }

    void newChallengePage(Exchange x) {
        LocalDate today = checkins.today();
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("startDay", today.toString());
        draft.put("endDay", today.plusDays(6).toString());
        draft.put("daysRequired", 7);
        draft.put("rewardPoints", 50);
        renderChallengeForm(x, draft, null);
    }

    void editChallengePage(Exchange x) {
        renderChallengeForm(x, challenges.withCounts(challenges.get(x.pathParamAsId("id"))), null);
    }

    void createChallengeForm(Exchange x) {
        saveChallengeForm(x, null);
    }

    void updateChallengeForm(Exchange x) {
        saveChallengeForm(x, x.pathParamAsId("id"));
    }

    private void saveChallengeForm(Exchange x, Long id) {
        Map<String, String> fields = formFields(x, List.of("title", "description", "startDay", "endDay", "daysRequired",
                "rewardPoints", "badge"));
        Challenge saved;
        try {
            ChallengeChange change = challengeChange(x, fields);
            saved = id == null ? challenges.create(change) : challenges.update(id, change);
        } catch (KindredException e) {
            if (e.status() == 404) {
                throw e;
            }
            Map<String, Object> values = id == null ? new LinkedHashMap<>() : challenges.withCounts(challenges.get(id));
            values.putAll(fields);
            values.put("consecutive", ticked(x, "consecutive"));
            values.put("autoJoin", ticked(x, "autoJoin"));
            renderChallengeForm(x, values, e.getMessage());
            return;
        }
        x.redirect("/console/checkin/challenges/" + saved.id() + "?notice=checkin.challenge_saved");
    }

    /** The challenge form as the edit the API reads; an unticked checkbox sends nothing: absent means false. */
    private static ChallengeChange challengeChange(Exchange x, Map<String, String> fields) {
        return new ChallengeChange(Optional.ofNullable(fields.get("title")), Optional.ofNullable(fields.get("description")),
                day(fields, "startDay"), day(fields, "endDay"),
                number(fields, "daysRequired").map(Long::intValue), Optional.of(ticked(x, "consecutive")),
                number(fields, "rewardPoints"), Optional.ofNullable(fields.get("badge")), Optional.of(ticked(x, "autoJoin")));
    }

    private static Optional<LocalDate> day(Map<String, String> fields, String name) {
        String text = fields.getOrDefault(name, "").trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw KindredException.invalidField("The field '" + name + "' must be a day as YYYY-MM-DD.");
        }
    }

    private static Optional<Long> number(Map<String, String> fields, String name) {
        String text = fields.getOrDefault(name, "").trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.matches("-?\\d{1,12}")) {
            throw KindredException.invalidField("The field '" + name + "' must be a whole number.");
        }
        return Optional.of(Long.parseLong(text));
    }

    void deleteChallengeForm(Exchange x) {
        challenges.delete(x.pathParamAsId("id"));
        x.redirect("/console/checkin/challenges?notice=checkin.challenge_deleted");
    }

    private void renderChallengeForm(Exchange x, Map<String, Object> values, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("challenge", values);
        model.put("isNew", !values.containsKey("id"));
        model.put("error", error);
        x.render("checkin/console/challenge", model);
    }

    // ---- statistics ----

    /** Check-ins per day over the last days, and members by the length of their live run. */
    private record Stats(LocalDate today, Map<LocalDate, Long> perDay, Map<String, Long> liveRuns) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("today", today.toString());
            m.put("checkinsToday", perDay.getOrDefault(today, 0L));
            m.put("perDay", perDay.entrySet().stream()
                    .map(e -> Map.<String, Object>of("day", e.getKey().toString(), "count", e.getValue())).toList());
            m.put("streaks", liveRuns.entrySet().stream()
                    .map(e -> Map.<String, Object>of("bucket", e.getKey(), "members", e.getValue())).toList());
            return m;
        }
    }

    private Stats stats(int days) {
        LocalDate today = checkins.today();
        return ctx.db().read(h -> new Stats(today, store.perDay(h, today.minusDays(days - 1L), today),
                store.liveRunBuckets(h, today)));
    }

    void getStats(Exchange x) {
        x.json(Map.of("stats", stats(x.queryInt("days", STATS_DAYS, 1, 366)).json()));
    }

    void overviewPage(Exchange x) {
        Stats stats = stats(STATS_DAYS);
        Map<String, Object> model = new HashMap<>(stats.json());
        // the chart script reads these data- attributes; the table below it shows the same without JavaScript
        model.put("chartLabels", stats.perDay().keySet().stream().map(d -> d.toString().substring(5))
                .collect(Collectors.joining(",")));
        model.put("chartValues", stats.perDay().values().stream().map(String::valueOf).collect(Collectors.joining(",")));
        model.put("streakMax", Math.max(1, stats.liveRuns().values().stream().mapToLong(Long::longValue).max().orElse(0)));
        model.put("rules", rulesJson());
        x.render("checkin/console/overview", model);
    }

    private static Map<String, String> formFields(Exchange x, List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, List<String>> form = x.form();
        for (String name : names) {
            List<String> v = form.get(name);
            if (v != null && !v.isEmpty()) {
                out.put(name, v.get(0));
            }
        }
        return out;
    }

    private static boolean ticked(Exchange x, String checkbox) {
        List<String> v = x.form().get(checkbox);
        return v != null && !v.isEmpty() && !v.get(0).equals("false");
    }
}
