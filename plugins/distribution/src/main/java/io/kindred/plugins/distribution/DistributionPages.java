package io.kindred.plugins.distribution;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The member pages under {@code /invite}: invite link, QR and poster, my team, earnings, withdraw. */
final class DistributionPages {

    /** The invite poster's layout: the theme's share poster with the invite's own texts; a theme may override it. */
    static final String POSTER_TEMPLATE = "distribution/poster";

    private final PluginContext ctx;
    private final Overview overview;
    private final InviteLinks links;
    private final Levels levels;
    private final BindingStore bindings;
    private final CommissionStore commissions;
    private final WithdrawalStore withdrawalStore;
    private final Withdrawals withdrawals;
    private final Applications applications;
    private final RightsStore rightsStore;

    DistributionPages(PluginContext ctx, Overview overview, InviteLinks links, Levels levels,
                      BindingStore bindings, CommissionStore commissions, WithdrawalStore withdrawalStore,
                      Withdrawals withdrawals, Applications applications, RightsStore rightsStore) {
        this.ctx = ctx;
        this.overview = overview;
        this.links = links;
        this.levels = levels;
        this.bindings = bindings;
        this.commissions = commissions;
        this.withdrawalStore = withdrawalStore;
        this.withdrawals = withdrawals;
        this.applications = applications;
        this.rightsStore = rightsStore;
    }

    /** {@code GET /invite}: link with a copy button, QR code, poster, rules in plain words, rights and tasks. */
    void invite(Exchange x) {
        Member me = x.requireMember();
        Overview.Summary s = overview.of(me, x.siteUrl());
        Map<String, Object> model = base(s);
        model.put("levels", levels.all().stream().map(l -> Map.of("name", l.name(), "minFans", l.minFans(),
                "minTeamSales", money(l.minTeamSales()), "rate1", Money.percent(l.rate1()),
                "rate2", Money.percent(l.rate2()))).toList());
        model.put("depth", ctx.settings().get(DistributionSettings.DEPTH));
        model.put("refundWindowDays", ctx.settings().get(DistributionSettings.REFUND_WINDOW_DAYS));
        model.put("minimum", money(ctx.settings().get(DistributionSettings.WITHDRAWAL_MINIMUM)));
        model.put("application", ctx.db().read(h -> rightsStore.latestOf(h, me.id())).map(Filters::applicationJson).orElse(null));
        model.put("canApply", ctx.settings().get(DistributionSettings.UNLOCK_BY_OPERATOR));
        x.render("distribution/invite", model);
    }

    /** {@code GET /invite/qr.png}: the invite link as a QR code. */
    void qr(Exchange x) {
        String link = links.link(x.siteUrl(), links.codeOf(x.requireMember().id()));
        x.download("invite-qr.png", "image/png", ctx.sharing().qrPng(link, 360));
    }

    /** {@code GET /invite/poster.png}: the share poster. */
    void poster(Exchange x) {
        Member me = x.requireMember();
        String code = links.codeOf(me.id());
        String link = links.link(x.siteUrl(), code);
        io.kindred.api.share.Poster poster = io.kindred.api.share.Poster.of("", link).template(POSTER_TEMPLATE)
                .byline(me.displayName()).code(code);
        x.download("invite-poster.png", "image/png", ctx.sharing().poster(poster, x.locale()));
    }

    /** {@code POST /invite/apply}: apply for distribution rights. */
    void apply(Exchange x) {
        applications.apply(x.requireMember().id(), x.formValue("message").filter(m -> !m.isBlank()).orElse(null));
        x.redirect("/invite?notice=distribution.notice.applied");
    }

    /** {@code GET /invite/team}: direct fans, names masked, with join dates and what they brought. */
    void team(Exchange x) {
        Member me = x.requireMember();
        var page = x.page(50);
        var rows = ctx.db().read(h -> bindings.fans(h, me.id(), page.before(), page.limit()));
        Map<String, Object> model = base(overview.of(me, x.siteUrl()));
        model.put("fans", rows.stream().map(f -> Map.of(
                "name", ctx.members().find(f.userId()).map(Member::displayName).map(Masking::name).orElse("***"),
                "joined", day(f.boundAt()), "contribution", money(f.contribution()))).toList());
        model.put("next", rows.size() == page.limit() ? rows.get(rows.size() - 1).userId() : null);
        x.render("distribution/team", model);
    }

    /** {@code GET /invite/earnings}: frozen, available and withdrawn, and the history. */
    void earnings(Exchange x) {
        Member me = x.requireMember();
        var page = x.page(50);
        var rows = ctx.db().read(h -> commissions.list(h, new CommissionStore.Filter(me.id(), null, null), page.before(),
                page.limit()));
        Map<String, Object> model = base(overview.of(me, x.siteUrl()));
        model.put("history", rows.stream().map(c -> Map.of("day", day(c.createdAt()), "amount", money(c.amount()),
                "status", c.status(), "depth", c.depth(), "purchase", money(c.purchaseAmount()),
                "releaseDay", day(c.releaseAt()))).toList());
        model.put("next", rows.size() == page.limit() ? rows.get(rows.size() - 1).id() : null);
        x.render("distribution/earnings", model);
    }

    /** {@code GET /invite/withdraw}: the form and the member's withdrawals (accounts masked). */
    void withdrawPage(Exchange x) {
        renderWithdraw(x, null, Map.of());
    }

    /** {@code POST /invite/withdraw}: amount in major units ("12.50"), method, account. */
    void withdraw(Exchange x) {
        Map<String, String> form = new HashMap<>();
        for (String f : List.of("amount", "method", "account", "key")) {
            form.put(f, x.formValue(f).orElse(""));
        }
        try {
            withdrawals.request(x.requireMember().id(), minorUnits(form.get("amount")), form.get("method"),
                    form.get("account"), form.get("key").isBlank() ? null : form.get("key"));
        } catch (KindredException e) {
            renderWithdraw(x, e.getMessage(), form);
            return;
        }
        x.redirect("/invite/withdraw?notice=distribution.notice.withdrawal_requested");
    }

    private void renderWithdraw(Exchange x, String error, Map<String, String> form) {
        Member me = x.requireMember();
        Map<String, Object> model = base(overview.of(me, x.siteUrl()));
        model.put("withdrawals", ctx.db().read(h -> withdrawalStore.list(h, me.id(), null, Long.MAX_VALUE, 50)).stream()
                .map(w -> Map.of("day", day(w.createdAt()), "amount", money(w.amount()), "fee", money(w.fee()),
                        "method", w.method(), "account", w.accountMasked(), "status", w.status().code(),
                        "reference", w.reference() == null ? "" : w.reference(), "note", w.note() == null ? "" : w.note()))
                .toList());
        model.put("error", error);
        model.put("form", form);
        model.put("key", java.util.UUID.randomUUID().toString());
        model.put("minimum", money(ctx.settings().get(DistributionSettings.WITHDRAWAL_MINIMUM)));
        model.put("fee", money(ctx.settings().get(DistributionSettings.WITHDRAWAL_FEE)));
        model.put("dailyLimit", money(ctx.settings().get(DistributionSettings.WITHDRAWAL_DAILY_LIMIT)));
        x.render("distribution/withdraw", model);
    }

    private Map<String, Object> base(Overview.Summary s) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("me", s.json());
        model.put("frozen", money(s.frozen()));
        model.put("available", money(s.available()));
        model.put("withdrawn", money(s.withdrawn()));
        model.put("pending", money(s.pending()));
        model.put("spent", money(s.tasks().spent()));
        model.put("spentNeeded", money(s.tasks().spentNeeded()));
        return model;
    }

    private String money(long minor) {
        return Money.format(minor, withdrawals.currency());
    }

    private String day(long millis) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(ctx.siteZone()).format(Instant.ofEpochMilli(millis));
    }

    /** @return "12.34" as 1234; 400 when it is not an amount with at most two decimals */
    static long minorUnits(String text) {
        try {
            BigDecimal v = new BigDecimal(text.trim());
            if (v.scale() > 2 || v.signum() <= 0) {
                throw new NumberFormatException();
            }
            return v.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw KindredException.invalidField("The amount must be a positive number with at most two decimals, e.g. 12.50.");
        }
    }
}
