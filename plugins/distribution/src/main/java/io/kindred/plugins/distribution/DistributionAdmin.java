package io.kindred.plugins.distribution;

import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console's JSON API under {@code /api/v1/admin/distribution}. */
final class DistributionAdmin {

    /** {@code POST /distributors}: grant rights. */
    record GrantBody(long userId, Optional<String> note) {
    }

    /** A decision's note: optional to approve, required to reject. */
    record NoteBody(Optional<String> note) {
    }

    /** {@code PUT /levels}. */
    record LevelsBody(List<Levels.LevelInput> levels) {
    }

    /** {@code POST /bindings}: re-bind a member. */
    record RebindBody(long userId, long referrerId, String reason) {
    }

    /** {@code POST /withdrawals/{id}/pay}. */
    record PayBody(String reference) {
    }

    private final PluginContext ctx;
    private final Rights rights;
    private final RightsStore rightsStore;
    private final Applications applications;
    private final Levels levels;
    private final Bindings bindings;
    private final BindingStore bindingStore;
    private final CommissionStore commissions;
    private final Withdrawals withdrawals;
    private final WithdrawalStore withdrawalStore;
    private final SuspiciousStore suspicious;

    DistributionAdmin(PluginContext ctx, Rights rights, RightsStore rightsStore, Applications applications, Levels levels,
                      Bindings bindings, BindingStore bindingStore, CommissionStore commissions, Withdrawals withdrawals,
                      WithdrawalStore withdrawalStore, SuspiciousStore suspicious) {
        this.ctx = ctx;
        this.rights = rights;
        this.rightsStore = rightsStore;
        this.applications = applications;
        this.levels = levels;
        this.bindings = bindings;
        this.bindingStore = bindingStore;
        this.commissions = commissions;
        this.withdrawals = withdrawals;
        this.withdrawalStore = withdrawalStore;
        this.suspicious = suspicious;
    }

    void distributors(Exchange x) {
        PageRequest page = x.page(50, 200);
        var rows = ctx.db().read(h -> rightsStore.grants(h, page.before(), page.limit()));
        x.json(Page.of(rows, page, RightsStore.Grant::grantedAt).map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("userId", g.userId());
            m.put("displayName", ctx.members().find(g.userId()).map(Member::displayName).orElse(null));
            m.put("source", g.source());
            m.put("note", g.note());
            m.put("grantedAt", Instant.ofEpochMilli(g.grantedAt()).toString());
            return m;
        }));
    }

    void grant(Exchange x) {
        GrantBody b = x.body(GrantBody.class);
        rights.grantByOperator(x.actor(), b.userId(), b.note().orElse(null));
        x.json(201, Map.of("distributor", Map.of("userId", b.userId(), "unlocks", rights.unlocks(b.userId()))));
    }

    void revoke(Exchange x) {
        rights.revokeByOperator(x.actor(), x.pathParamAsId("userId"), Rights.OPERATOR);
        x.noContent();
    }

    void applicationList(Exchange x) {
        PageRequest page = x.page(50, 200);
        String status = Filters.applicationStatus(x);
        var rows = ctx.db().read(h -> rightsStore.applications(h, status, page.before(), page.limit()));
        x.json(Page.of(rows, page, RightsStore.Application::id).map(Filters::applicationJson));
    }

    void approve(Exchange x) {
        NoteBody b = x.body(NoteBody.class);
        var a = applications.approve(x.pathParamAsId("id"), x.actor(), b.note().orElse(null));
        x.json(Map.of("application", Filters.applicationJson(a)));
    }

    void reject(Exchange x) {
        NoteBody b = x.body(NoteBody.class);
        var a = applications.reject(x.pathParamAsId("id"), x.actor(), b.note().orElse(null));
        x.json(Map.of("application", Filters.applicationJson(a)));
    }

    void getLevels(Exchange x) {
        x.json(Map.of("levels", levels.all().stream().map(Level::json).toList(),
                "depth", ctx.settings().get(DistributionSettings.DEPTH)));
    }

    void putLevels(Exchange x) {
        LevelsBody b = x.body(LevelsBody.class);
        x.json(Map.of("levels", levels.replace(x.actor(), b.levels()).stream().map(Level::json).toList()));
    }

    void rebind(Exchange x) {
        RebindBody b = x.body(RebindBody.class);
        bindings.rebind(x.actor(), b.userId(), b.referrerId(), b.reason());
        binding(x, b.userId());
    }

    void getBinding(Exchange x) {
        binding(x, x.pathParamAsId("userId"));
    }

    private void binding(Exchange x, long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", userId);
        m.put("referrerId", ctx.db().read(h -> bindingStore.referrerOf(h, userId)).orElse(null));
        m.put("rebinds", ctx.db().read(h -> bindingStore.rebinds(h, userId)).stream().map(r -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("from", r.oldReferrerId());
            e.put("to", r.newReferrerId());
            e.put("reason", r.reason());
            e.put("operatorId", r.operatorId());
            e.put("at", Instant.ofEpochMilli(r.createdAt()).toString());
            return e;
        }).toList());
        x.json(Map.of("binding", m));
    }

    void commissionList(Exchange x) {
        PageRequest page = x.page(50, 500);
        var filter = new CommissionStore.Filter(Filters.id(x, "userId"), Filters.commissionStatus(x), Filters.id(x, "buyerId"));
        var rows = ctx.db().read(h -> commissions.list(h, filter, page.before(), page.limit()));
        x.json(Page.of(rows, page, Commission::id).map(Commission::json));
    }

    void withdrawalList(Exchange x) {
        PageRequest page = x.page(50, 500);
        Long userId = Filters.id(x, "userId");
        String status = Filters.withdrawalStatus(x);
        var rows = ctx.db().read(h -> withdrawalStore.list(h, userId, status, page.before(), page.limit()));
        x.json(Page.of(rows, page, Withdrawal::id).map(Withdrawal::json));
    }

    void withdrawal(Exchange x) {
        x.json(Map.of("withdrawal", withdrawals.find(x.pathParamAsId("id")).detailJson()));
    }

    void approveWithdrawal(Exchange x) {
        x.json(Map.of("withdrawal", withdrawals.approve(x.actor(), x.pathParamAsId("id")).json()));
    }

    void payWithdrawal(Exchange x) {
        PayBody b = x.body(PayBody.class);
        x.json(Map.of("withdrawal", withdrawals.pay(x.actor(), x.pathParamAsId("id"), b.reference()).json()));
    }

    void rejectWithdrawal(Exchange x) {
        NoteBody b = x.body(NoteBody.class);
        x.json(Map.of("withdrawal", withdrawals.reject(x.actor(), x.pathParamAsId("id"), b.note().orElse(null)).json()));
    }

    void suspiciousActivity(Exchange x) {
        int days = x.queryInt("days", 30, 1, 365);
        long since = ctx.clock().instant().minus(Duration.ofDays(days)).toEpochMilli();
        int atLeast = ctx.settings().get(DistributionSettings.SUSPICIOUS_SIGNUPS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signupsByIp", ctx.db().read(h -> suspicious.signupsByIp(h, since, atLeast)).stream()
                .map(SuspiciousStore.IpCluster::json).toList());
        m.put("refundsAfterRelease", ctx.db().read(h -> commissions.refundsAfterRelease(h, 100)).stream().map(r -> Map.of(
                "commissionId", r.commissionId(), "beneficiaryId", r.beneficiaryId(), "buyerId", r.buyerId(),
                "amount", r.amount(), "purchaseId", r.purchaseId(),
                "refundedAt", Instant.ofEpochMilli(r.refundedAt()).toString())).toList());
        x.json(m);
    }

}
