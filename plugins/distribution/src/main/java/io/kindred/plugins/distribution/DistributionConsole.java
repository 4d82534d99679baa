package io.kindred.plugins.distribution;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console pages under {@code /console/distribution}: distributors and applications, levels and rates,
 * commissions with filters, the withdrawal queue (with CSV export) and suspicious activity. Forms post back here and
 * call the same services as the console API.
 */
final class DistributionConsole {

    private final PluginContext ctx;
    private final Rights rights;
    private final RightsStore rightsStore;
    private final Applications applications;
    private final Levels levels;
    private final Bindings bindings;
    private final CommissionStore commissions;
    private final Withdrawals withdrawals;
    private final WithdrawalStore withdrawalStore;
    private final SuspiciousStore suspicious;

    DistributionConsole(PluginContext ctx, Rights rights, RightsStore rightsStore, Applications applications,
                        Levels levels, Bindings bindings, CommissionStore commissions, Withdrawals withdrawals,
                        WithdrawalStore withdrawalStore, SuspiciousStore suspicious) {
        this.ctx = ctx;
        this.rights = rights;
        this.rightsStore = rightsStore;
        this.applications = applications;
        this.levels = levels;
        this.bindings = bindings;
        this.commissions = commissions;
        this.withdrawals = withdrawals;
        this.withdrawalStore = withdrawalStore;
        this.suspicious = suspicious;
    }

    void overview(Exchange x) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("distributors", ctx.db().read(h -> rightsStore.grants(h, Long.MAX_VALUE, 200)).stream().map(g -> Map.of(
                "userId", g.userId(), "name", name(g.userId()), "source", g.source(),
                "note", g.note() == null ? "" : g.note(), "granted", day(g.grantedAt()))).toList());
        model.put("applications", ctx.db().read(h -> rightsStore.applications(h, "pending", Long.MAX_VALUE, 200)).stream()
                .map(a -> Map.of("id", a.id(), "userId", a.userId(), "name", name(a.userId()),
                        "message", a.message() == null ? "" : a.message(), "created", day(a.createdAt()))).toList());
        model.put("error", x.query("error").orElse(null));
        x.render("distribution/console/overview", model);
    }

    void grantForm(Exchange x) {
        act(x, "/console/distribution", () -> {
            long userId = member(x.formValue("member").orElse(""));
            rights.grantByOperator(x.actor(), userId, x.formValue("note").filter(n -> !n.isBlank()).orElse(null));
        }, "distribution.notice.granted");
    }

    void revokeForm(Exchange x) {
        act(x, "/console/distribution", () -> rights.revokeByOperator(x.actor(), x.pathParamAsId("userId"),
                x.formValue("source").orElse(Rights.OPERATOR)), "distribution.notice.revoked");
    }

    void decideForm(Exchange x) {
        long id = x.pathParamAsId("id");
        String note = x.formValue("note").filter(n -> !n.isBlank()).orElse(null);
        boolean approve = "approve".equals(x.formValue("decision").orElse(""));
        Member operator = x.actor();
        act(x, "/console/distribution", () -> {
            if (approve) {
                applications.approve(id, operator, note);
            } else {
                applications.reject(id, operator, note);
            }
        }, "distribution.notice.decided");
    }

    void rebindForm(Exchange x) {
        act(x, "/console/distribution", () -> bindings.rebind(x.actor(), member(x.formValue("member").orElse("")),
                member(x.formValue("referrer").orElse("")), x.formValue("reason").orElse("")),
                "distribution.notice.rebound");
    }

    void levelsPage(Exchange x) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("levels", levels.all().stream().map(Level::json).toList());
        model.put("depth", ctx.settings().get(DistributionSettings.DEPTH));
        model.put("error", x.query("error").orElse(null));
        x.render("distribution/console/levels", model);
    }

    void levelsForm(Exchange x) {
        act(x, "/console/distribution/levels", () -> {
            List<Levels.LevelInput> input = new ArrayList<>();
            for (int i = 0; x.formValue("code" + i).isPresent(); i++) {
                String code = x.formValue("code" + i).orElse("").trim();
                if (code.isEmpty()) {
                    continue;
                }
                input.add(new Levels.LevelInput(code, x.formValue("name" + i).orElse(""), integer(x, "minFans" + i),
                        integer(x, "minTeamSales" + i), List.of(integer(x, "rate1_" + i), integer(x, "rate2_" + i))));
            }
            levels.replace(x.actor(), input);
        }, "distribution.notice.levels_saved");
    }

    void commissionsPage(Exchange x) {
        var filter = new CommissionStore.Filter(Filters.id(x, "userId"), Filters.commissionStatus(x), null);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("commissions", ctx.db().read(h -> commissions.list(h, filter, Long.MAX_VALUE, 200)).stream().map(c -> Map.of(
                "id", c.id(), "day", day(c.createdAt()), "beneficiary", name(c.beneficiaryId()), "buyer", name(c.buyerId()),
                "depth", c.depth(), "rate", Money.percent(c.rate()), "amount", money(c.amount()), "status", c.status()))
                .toList());
        model.put("status", filter.status() == null ? "" : filter.status());
        model.put("userId", filter.beneficiaryId() == null ? "" : filter.beneficiaryId());
        model.put("statuses", Filters.COMMISSION_STATUSES);
        x.render("distribution/console/commissions", model);
    }

    void withdrawalsPage(Exchange x) {
        String status = Optional.ofNullable(Filters.withdrawalStatus(x)).orElse(null);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("withdrawals", ctx.db().read(h -> withdrawalStore.list(h, null, status, Long.MAX_VALUE, 200)).stream()
                .map(this::row).toList());
        model.put("status", status == null ? "" : status);
        model.put("statuses", Filters.WITHDRAWAL_STATUSES);
        model.put("error", x.query("error").orElse(null));
        x.render("distribution/console/withdrawals", model);
    }

    /** {@code GET /console/distribution/withdrawals.csv?status=}: the queue, accounts masked as in every list. */
    void withdrawalsCsv(Exchange x) {
        String status = Filters.withdrawalStatus(x);
        List<List<?>> rows = ctx.db().read(h -> withdrawalStore.list(h, null, status, Long.MAX_VALUE, 100_000)).stream()
                .<List<?>>map(w -> List.of(w.id(), w.userId(), name(w.userId()), w.amount(), w.fee(), w.amount() - w.fee(),
                        withdrawals.currency(), w.method(), w.accountMasked(), w.status().code(),
                        w.reference() == null ? "" : w.reference(), Instant.ofEpochMilli(w.createdAt()).toString()))
                .toList();
        x.csv("withdrawals.csv", List.of("id", "user_id", "member", "amount", "fee", "payout", "currency", "method",
                "account", "status", "reference", "created_at"), rows);
    }

    void withdrawalForm(Exchange x) {
        long id = x.pathParamAsId("id");
        String action = x.formValue("action").orElse("");
        Member operator = x.actor();
        act(x, "/console/distribution/withdrawals", () -> {
            switch (action) {
                case "approve" -> withdrawals.approve(operator, id);
                case "pay" -> withdrawals.pay(operator, id, x.formValue("reference").orElse(""));
                case "reject" -> withdrawals.reject(operator, id, x.formValue("note").orElse(""));
                default -> throw KindredException.invalidField("The field 'action' must be approve, pay or reject.");
            }
        }, "distribution.notice.withdrawal_" + (action.matches("approve|pay|reject") ? action : "approve"));
    }

    void suspiciousPage(Exchange x) {
        long since = ctx.clock().instant().minus(Duration.ofDays(30)).toEpochMilli();
        int atLeast = ctx.settings().get(DistributionSettings.SUSPICIOUS_SIGNUPS);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("clusters", ctx.db().read(h -> suspicious.signupsByIp(h, since, atLeast)).stream().map(c -> Map.of(
                "ip", c.ip(), "signups", c.signups(), "referrers", c.referrers(), "first", day(c.firstAt()),
                "last", day(c.lastAt()))).toList());
        model.put("refunds", ctx.db().read(h -> commissions.refundsAfterRelease(h, 100)).stream().map(r -> Map.of(
                "beneficiary", name(r.beneficiaryId()), "buyer", name(r.buyerId()), "amount", money(r.amount()),
                "day", day(r.refundedAt()))).toList());
        model.put("atLeast", atLeast);
        x.render("distribution/console/suspicious", model);
    }

    private Map<String, Object> row(Withdrawal w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("member", name(w.userId()));
        m.put("amount", money(w.amount()));
        m.put("payout", money(w.amount() - w.fee()));
        m.put("method", w.method());
        m.put("account", w.accountMasked());
        m.put("status", w.status().code());
        m.put("reference", w.reference() == null ? "" : w.reference());
        m.put("day", day(w.createdAt()));
        return m;
    }

    private void act(Exchange x, String back, Runnable action, String notice) {
        try {
            action.run();
        } catch (KindredException e) {
            x.redirect(back + "?error=" + java.net.URLEncoder.encode(e.getMessage(), java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        x.redirect(back + "?notice=" + notice);
    }

    /** @return the member named by id or email in a form field */
    private long member(String idOrEmail) {
        String v = idOrEmail.trim();
        Optional<Member> m = v.matches("[0-9]{1,18}") ? ctx.members().find(Long.parseLong(v)) : ctx.members().findByEmail(v);
        return m.orElseThrow(() -> KindredException.notFound("There is no member '" + v + "'.")).id();
    }

    private static int integer(Exchange x, String field) {
        String v = x.formValue(field).orElse("0").trim();
        try {
            return Integer.parseInt(v.isEmpty() ? "0" : v);
        } catch (NumberFormatException e) {
            throw KindredException.invalidField("The field '" + field + "' must be a whole number.");
        }
    }

    private String name(long userId) {
        return ctx.members().find(userId).map(Member::displayName).orElse("#" + userId);
    }

    private String money(long minor) {
        return Money.format(minor, withdrawals.currency());
    }

    private String day(long millis) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(ctx.siteZone()).format(Instant.ofEpochMilli(millis));
    }
}
