package io.kindred.plugins.creators.roster;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console pages: the roster ({@code /console/creators}), a creator's detail and the monthly report. */
final class RosterConsole {

    private final PluginContext ctx;
    private final CreatorStore store;
    private final Certification certification;
    private final Onboarding onboarding;
    private final Performance performance;
    private final Featured featured;
    private final RosterApi api;

    RosterConsole(PluginContext ctx, CreatorStore store, Certification certification, Onboarding onboarding,
                  Performance performance, Featured featured, RosterApi api) {
        this.ctx = ctx;
        this.store = store;
        this.certification = certification;
        this.onboarding = onboarding;
        this.performance = performance;
        this.featured = featured;
        this.api = api;
    }

    /** {@code GET /console/creators}: creators by category with their figures over a period. */
    void roster(Exchange x) {
        Performance.Period p = performance.period(x.query("from"), x.query("to"));
        String category = x.query("category").filter(s -> !s.isBlank()).orElse(null);
        List<Creator> creators = ctx.db().read(h -> store.page(h, category, null, null, 0, 500));
        Map<String, List<Map<String, Object>>> byCategory = new java.util.TreeMap<>();
        for (Creator c : creators) {
            Map<String, Object> row = api.row(c);
            row.putAll(performance.figures(c.userId(), p));
            byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(row);
        }
        Map<String, Object> model = base(p);
        model.put("groups", byCategory.entrySet().stream().map(e -> Map.of("category", e.getKey(), "creators", e.getValue())).toList());
        model.put("category", category == null ? "" : category);
        x.render("creators/roster/console/roster", model);
    }

    void detail(Exchange x) {
        Performance.Period p = performance.period(x.query("from"), x.query("to"));
        Map<String, Object> model = base(p);
        model.put("creator", api.detail(x.pathParamAsId("userId"), p));
        model.put("levels", Creator.LEVELS);
        x.render("creators/roster/console/detail", model);
    }

    void certifyForm(Exchange x) {
        long userId = parseId(x.formValue("userId").orElse(""));
        String points = x.formValue("points").filter(s -> !s.isBlank()).orElse("0");
        Approval a;
        try {
            a = new Approval(null, userId, x.formValue("category").orElse(""), x.formValue("level").orElse(""),
                    x.formValue("title").orElse(""), x.formValue("distributionRights").isPresent(),
                    x.formValue("planCode").orElse(null), Long.parseLong(points.trim()));
        } catch (NumberFormatException e) {
            throw KindredException.invalidField("points is a whole number.");
        }
        certification.certifyDirectly(x.actor(), a, x.formValue("key"));
        x.redirect("/console/creators/roster/" + userId);
    }

    void changeForm(Exchange x) {
        long id = x.pathParamAsId("userId");
        certification.change(x.actor(), id, x.formValue("category"), x.formValue("level"), x.formValue("title"));
        x.redirect("/console/creators/roster/" + id);
    }

    void statusForm(Exchange x) {
        long id = x.pathParamAsId("userId");
        String reason = x.formValue("reason").filter(s -> !s.isBlank()).orElse(null);
        switch (x.formValue("action").orElse("")) {
            case "suspend" -> certification.suspend(x.actor(), id, reason);
            case "remove" -> certification.remove(x.actor(), id, reason);
            case "reinstate" -> certification.reinstate(x.actor(), id);
            default -> throw KindredException.invalidField("action is suspend, remove or reinstate.");
        }
        x.redirect("/console/creators/roster/" + id);
    }

    void featureForm(Exchange x) {
        long id = x.pathParamAsId("userId");
        java.time.ZoneId zone = ctx.siteZone();
        try {
            java.time.Instant from = java.time.LocalDate.parse(x.formValue("from").orElse("")).atStartOfDay(zone).toInstant();
            java.time.Instant to = java.time.LocalDate.parse(x.formValue("to").orElse("")).plusDays(1).atStartOfDay(zone).toInstant();
            featured.feature(x.actor(), id, from, to, x.formValue("note").orElse(null));
        } catch (java.time.format.DateTimeParseException e) {
            throw new KindredException(RosterError.BAD_PERIOD, "Dates are YYYY-MM-DD.");
        }
        x.redirect("/console/creators/roster/" + id);
    }

    void taskForm(Exchange x) {
        long id = x.pathParamAsId("userId");
        ctx.db().read(h -> certification.require(h, id));
        onboarding.markByOperator(x.actor(), id, x.pathParam("code"));
        x.redirect("/console/creators/roster/" + id);
    }

    /** {@code GET /console/creators/reports}: one month per category, with a chart. */
    void reports(Exchange x) {
        String month = month(x);
        List<Map<String, Object>> rows = performance.report(performance.month(month));
        Map<String, Object> model = new HashMap<>();
        model.put("month", month);
        model.put("rows", rows);
        model.put("community", performance.community());
        model.put("distribution", performance.distribution());
        model.put("chartLabels", String.join(",", rows.stream().map(r -> r.get("category").toString().replace(",", " ")).toList()));
        model.put("chartValues", String.join(",", rows.stream().map(r -> String.valueOf(r.get("newCreators"))).toList()));
        x.render("creators/roster/console/reports", model);
    }

    void reportsCsv(Exchange x) {
        String month = month(x);
        List<List<Object>> rows = performance.report(performance.month(month)).stream().map(r -> List.<Object>of(month,
                r.get("category"), r.get("newCreators"), orEmpty(r.get("posts")), orEmpty(r.get("likes")),
                orEmpty(r.get("sales")), orEmpty(r.get("commission")))).toList();
        x.csv("creators-" + month + ".csv", List.of("month", "category", "new_creators", "posts", "likes",
                "referred_sales", "commission"), rows);
    }

    private String month(Exchange x) {
        Optional<String> m = x.query("month").filter(s -> !s.isBlank());
        return m.orElse(ctx.today().toString().substring(0, 7));
    }

    private Map<String, Object> base(Performance.Period p) {
        Map<String, Object> model = new HashMap<>();
        model.put("from", p.first().toString());
        model.put("to", p.last().toString());
        model.put("community", performance.community());
        model.put("distribution", performance.distribution());
        return model;
    }

    private static Object orEmpty(Object o) {
        return o == null ? "" : o;
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw KindredException.invalidField("userId is a member id.");
        }
    }
}
