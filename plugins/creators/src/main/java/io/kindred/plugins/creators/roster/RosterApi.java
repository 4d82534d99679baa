package io.kindred.plugins.creators.roster;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON API: {@code /api/v1/creators/me}, the public certificate, and {@code /api/v1/admin/creators...}. */
final class RosterApi {

    /** {@code PATCH} body: what to change. */
    record Change(Optional<String> category, Optional<String> level, Optional<String> title) {
    }

    /** {@code suspend}/{@code remove} body. */
    record Reason(Optional<String> reason) {
    }

    /** {@code featured} body: ISO instants. */
    record Feature(String from, String to, Optional<String> note) {
    }

    private final PluginContext ctx;
    private final CreatorStore store;
    private final Certification certification;
    private final MemberView view;
    private final Onboarding onboarding;
    private final Performance performance;
    private final Featured featured;

    RosterApi(PluginContext ctx, CreatorStore store, Certification certification, MemberView view, Onboarding onboarding,
              Performance performance, Featured featured) {
        this.ctx = ctx;
        this.store = store;
        this.certification = certification;
        this.view = view;
        this.onboarding = onboarding;
        this.performance = performance;
        this.featured = featured;
    }

    void me(Exchange x) {
        x.json(view.me(x.requireMember()));
    }

    void tick(Exchange x) {
        requireCertified(x.requireMember().id());
        onboarding.tick(x.requireMember(), x.pathParam("code"));
        x.json(Map.of("onboarding", onboarding.checklist(x.requireMember().id())));
    }

    void certificate(Exchange x) {
        x.json(Map.of("certificate", view.certificate(x.pathParam("code"))));
    }

    void list(Exchange x) {
        PageRequest page = x.page(50, 200);
        List<Creator> rows = ctx.db().read(h -> store.page(h, blank(x.query("category")), blank(x.query("level")),
                blank(x.query("status")), page.after(), page.limit()));
        x.json(Page.of(rows, page, Creator::userId).map(this::row));
    }

    void certify(Exchange x) {
        Approval a = Approval.of(x.body(Approval.Body.class));
        x.json(201, Map.of("creator", row(certification.certifyDirectly(x.actor(), a, x.idempotencyKey()))));
    }

    void detail(Exchange x) {
        long id = x.pathParamAsId("userId");
        Performance.Period p = performance.period(x.query("from"), x.query("to"));
        x.json(Map.of("creator", detail(id, p)));
    }

    Map<String, Object> detail(long id, Performance.Period p) {
        Creator c = ctx.db().read(h -> certification.require(h, id));
        Map<String, Object> m = row(c);
        m.put("performance", performance.figures(id, p));
        m.put("onboarding", onboarding.checklist(id));
        m.put("grants", ctx.db().read(h -> store.grants(h, id)).stream().map(g -> Map.of("key", g.get("grant_key"),
                "kind", g.get("kind"), "detail", g.get("detail") == null ? "" : g.get("detail"))).toList());
        m.put("featured", featured.of(id));
        m.put("history", ctx.db().read(h -> store.historyOf(h, id)).stream().map(r -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("action", r.get("action"));
            e.put("detail", r.get("detail"));
            e.put("actorId", r.get("actor_id"));
            e.put("at", Instant.ofEpochMilli(((Number) r.get("created_at")).longValue()).toString());
            return e;
        }).toList());
        return m;
    }

    void change(Exchange x) {
        Change c = x.body(Change.class);
        x.json(Map.of("creator", row(certification.change(x.actor(), x.pathParamAsId("userId"), c.category(), c.level(), c.title()))));
    }

    void suspend(Exchange x) {
        x.json(Map.of("creator", row(certification.suspend(x.actor(), x.pathParamAsId("userId"), reason(x)))));
    }

    void remove(Exchange x) {
        x.json(Map.of("creator", row(certification.remove(x.actor(), x.pathParamAsId("userId"), reason(x)))));
    }

    void reinstate(Exchange x) {
        x.json(Map.of("creator", row(certification.reinstate(x.actor(), x.pathParamAsId("userId")))));
    }

    void feature(Exchange x) {
        Feature f = x.body(Feature.class);
        long id = featured.feature(x.actor(), x.pathParamAsId("userId"), instant(f.from()), instant(f.to()), f.note().orElse(null));
        x.json(201, Map.of("featured", Map.of("id", id, "from", f.from(), "to", f.to())));
    }

    void featuredNow(Exchange x) {
        x.json(Page.all(featured.now()));
    }

    void markTask(Exchange x) {
        long id = x.pathParamAsId("userId");
        ctx.db().read(h -> certification.require(h, id));
        onboarding.markByOperator(x.actor(), id, x.pathParam("code"));
        x.json(Map.of("onboarding", onboarding.checklist(id)));
    }

    void report(Exchange x) {
        String month = x.query("month").orElse(ctx.today().toString().substring(0, 7));
        Performance.Period p = performance.month(month);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("month", month);
        m.put("categories", performance.report(p));
        x.json(Map.of("report", m));
    }

    /** A creator as the console and the admin API list it: the creator and the member's name. */
    Map<String, Object> row(Creator c) {
        Map<String, Object> m = c.json();
        m.put("name", ctx.members().find(c.userId()).map(io.kindred.api.users.Member::displayName).orElse(""));
        return m;
    }

    private void requireCertified(long userId) {
        ctx.db().read(h -> store.find(h, userId)).filter(Creator::certified).orElseThrow(() ->
                new KindredException(RosterError.CREATOR_NOT_FOUND, "You are not a certified creator."));
    }

    private static String reason(Exchange x) {
        return x.body(Reason.class).reason().orElse(null);
    }

    private static String blank(Optional<String> s) {
        return s.filter(v -> !v.isBlank()).orElse(null);
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new KindredException(RosterError.BAD_PERIOD, "Times are ISO instants such as 2026-12-01T00:00:00Z.");
        }
    }
}
