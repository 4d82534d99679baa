package io.kindred.plugins.creators.campaigns;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Console pages under {@code /console/creators}: campaigns and their forms, the application board (filtered
 * lists by status, bulk moves) and the application detail (answers unmasked, history, score, moves, approval).
 * Plain forms: everything works without JavaScript.
 */
final class CampaignConsole {

    private final PluginContext ctx;
    private final Campaigns campaigns;
    private final CampaignStore campaignStore;
    private final ApplicationStore store;
    private final Screening screening;
    private final ApplicationViews views;
    private final Categories categories;
    private final Rubric rubric;

    CampaignConsole(PluginContext ctx, Campaigns campaigns, CampaignStore campaignStore, ApplicationStore store,
                    Screening screening, ApplicationViews views, Categories categories, Rubric rubric) {
        this.ctx = ctx;
        this.campaigns = campaigns;
        this.campaignStore = campaignStore;
        this.store = store;
        this.screening = screening;
        this.views = views;
        this.categories = categories;
        this.rubric = rubric;
    }

    void campaigns(Exchange x) {
        Map<String, Object> model = base(x);
        model.put("campaigns", ctx.db().read(h -> campaignStore.list(h, null, Long.MAX_VALUE, 200)).stream()
                .map(c -> c.json(categories, x.locale())).toList());
        model.put("campaign", null);
        model.put("form", fieldRows(List.of(new FormField("name", true), new FormField("phone", true))));
        x.render("creators/campaigns/console-campaigns", model);
    }

    void campaign(Exchange x) {
        Campaign c = campaigns.find(x.pathParamAsId("id"));
        Map<String, Object> model = base(x);
        model.put("campaign", c.json(categories, x.locale()));
        model.put("form", fieldRows(c.form()));
        x.render("creators/campaigns/console-campaign", model);
    }

    void createCampaign(Exchange x) {
        act(x, "/console/creators/campaigns", () -> campaigns.create(x.actor(), draft(x)), "creators.campaigns.saved");
    }

    void updateCampaign(Exchange x) {
        long id = x.pathParamAsId("id");
        act(x, "/console/creators/campaigns/" + id, () -> campaigns.update(x.actor(), id, draft(x)),
                "creators.campaigns.saved");
    }

    void board(Exchange x) {
        String status = x.query("status").filter(Application.STATUSES::contains).orElse("submitted");
        Long campaign = x.query("campaign").filter(s -> s.matches("[0-9]{1,15}")).map(Long::parseLong).orElse(null);
        var page = x.page(50, 200);
        var rows = ctx.db().read(h -> store.list(h, new ApplicationStore.Filter(campaign, status), page.before(), page.limit()));
        Map<String, Object> model = base(x);
        model.put("status", status);
        model.put("campaignId", campaign);
        model.put("counts", ctx.db().read(h -> store.counts(h, campaign)));
        model.put("statuses", Application.STATUSES);
        model.put("applications", rows.stream().map(views::masked).toList());
        model.put("moves", moves(status));
        model.put("next", io.kindred.api.web.Page.of(rows, page, Application::id).nextCursor());
        model.put("campaigns", ctx.db().read(h -> campaignStore.list(h, null, Long.MAX_VALUE, 200)).stream()
                .map(c -> Map.of("id", c.id(), "title", c.title())).toList());
        x.render("creators/campaigns/console-board", model);
    }

    void bulk(Exchange x) {
        String back = "/console/creators/applications?status=" + x.formValue("from").filter(Application.STATUSES::contains)
                .orElse("submitted");
        act(x, back, () -> {
            List<Long> ids = x.form().getOrDefault("ids", List.of()).stream().filter(s -> s.matches("[0-9]{1,15}"))
                    .map(Long::parseLong).toList();
            screening.bulk(x.actor(), ids, x.formValue("to").orElse(""), x.formValue("note").orElse(null));
        }, "creators.campaigns.moved");
    }

    void application(Exchange x) {
        long id = x.pathParamAsId("id");
        Application a = ctx.db().read(h -> store.find(h, id))
                .orElseThrow(() -> KindredException.notFound("There is no application " + id + "."));
        Map<String, Object> model = base(x);
        model.put("application", views.detail(a, x.locale()));
        model.put("moves", moves(a.status()));
        model.put("approvable", Screening.MOVES.get(a.status()).contains("approved"));
        model.put("scorable", !Screening.MOVES.get(a.status()).isEmpty());
        model.put("categories", categories.json(x.locale()));
        model.put("levels", Approval.LEVELS);
        model.put("campaign", ctx.db().read(h -> campaignStore.find(h, a.campaignId())).map(c -> c.json(categories, x.locale())).orElse(null));
        x.render("creators/campaigns/console-application", model);
    }

    void transition(Exchange x) {
        long id = x.pathParamAsId("id");
        act(x, detail(id), () -> screening.move(x.actor(), id, x.formValue("to").orElse(""),
                x.formValue("note").orElse(null), Optional.empty()), "creators.campaigns.moved");
    }

    void score(Exchange x) {
        long id = x.pathParamAsId("id");
        act(x, detail(id), () -> {
            Map<String, Long> scores = new LinkedHashMap<>();
            for (Rubric.Criterion c : rubric.criteria()) {
                scores.put(c.code(), number(x, "score_" + c.code()));
            }
            screening.score(x.actor(), id, scores, x.formValue("note").orElse(null));
        }, "creators.campaigns.scored");
    }

    void approve(Exchange x) {
        long id = x.pathParamAsId("id");
        act(x, detail(id), () -> screening.approve(x.actor(), id, new Approval(x.formValue("category").orElse(""),
                x.formValue("level").orElse(""), x.formValue("title").orElse(""), new Approval.Grants(
                x.formValue("distributionRights").isPresent(), x.formValue("planCode").filter(s -> !s.isBlank()),
                number(x, "points"))), x.formValue("note").orElse(null)), "creators.campaigns.approved");
    }

    private Map<String, Object> base(Exchange x) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", x.query("error").orElse(null));
        model.put("categories", categories.json(x.locale()));
        model.put("statusesOfCampaign", Campaign.STATUSES);
        model.put("tab", x.path().startsWith("/console/creators/applications") ? "applications" : "campaigns");
        return model;
    }

    /** @return the moves from a status other than approval (a form of its own), in workflow order: rejection last */
    private static List<String> moves(String status) {
        return Application.STATUSES.stream().filter(Screening.MOVES.get(status)::contains)
                .filter(s -> !s.equals("approved")).toList();
    }

    private static List<Map<String, Object>> fieldRows(List<FormField> form) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FieldType t : FieldType.values()) {
            Optional<FormField> f = form.stream().filter(ff -> ff.type().equals(t.code())).findFirst();
            rows.add(Map.of("type", t.code(), "on", f.isPresent(), "required", f.map(FormField::required).orElse(false)));
        }
        return rows;
    }

    private static Campaigns.Draft draft(Exchange x) {
        List<FormField> form = Arrays.stream(FieldType.values()).filter(t -> x.formValue("field_" + t.code()).isPresent())
                .map(t -> new FormField(t.code(), x.formValue("required_" + t.code()).isPresent())).toList();
        return new Campaigns.Draft(x.formValue("title").orElse(null), x.formValue("category").orElse(""),
                x.formValue("startsOn").orElse(null), x.formValue("endsOn").orElse(null), (int) number(x, "quota"),
                x.formValue("description").orElse(""), x.formValue("status").orElse("draft"), form);
    }

    private static long number(Exchange x, String field) {
        String v = x.formValue(field).orElse("").strip();
        if (!v.matches("[0-9]{1,10}")) {
            throw KindredException.invalidField("The field '" + field + "' must be a whole number.");
        }
        return Long.parseLong(v);
    }

    private static String detail(long id) {
        return "/console/creators/applications/" + id;
    }

    private static void act(Exchange x, String back, Runnable action, String notice) {
        String sep = back.contains("?") ? "&" : "?";
        try {
            action.run();
        } catch (KindredException e) {
            if (e.status() == 404) {
                throw e;
            }
            x.redirect(back + sep + "error=" + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8));
            return;
        }
        x.redirect(back + sep + "notice=" + notice);
    }
}
