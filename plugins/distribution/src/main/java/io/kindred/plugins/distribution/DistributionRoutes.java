package io.kindred.plugins.distribution;

import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The members' JSON API under {@code /api/v1/distribution}. */
final class DistributionRoutes {

    /** {@code POST /api/v1/distribution/withdrawals}. */
    record WithdrawalBody(long amount, String method, String account) {
    }

    /** {@code POST /api/v1/distribution/applications}. */
    record ApplicationBody(Optional<String> message) {
    }

    private final PluginContext ctx;
    private final Overview overview;
    private final InviteLinks links;
    private final BindingStore bindings;
    private final CommissionStore commissions;
    private final WithdrawalStore withdrawalStore;
    private final Withdrawals withdrawals;
    private final Applications applications;

    DistributionRoutes(PluginContext ctx, Overview overview, InviteLinks links, BindingStore bindings,
                       CommissionStore commissions, WithdrawalStore withdrawalStore, Withdrawals withdrawals,
                       Applications applications) {
        this.ctx = ctx;
        this.overview = overview;
        this.links = links;
        this.bindings = bindings;
        this.commissions = commissions;
        this.withdrawalStore = withdrawalStore;
        this.withdrawals = withdrawals;
        this.applications = applications;
    }

    /** {@code GET /api/v1/distribution/me}. */
    void me(Exchange x) {
        x.json(overview.of(x.requireMember(), x.siteUrl()).json());
    }

    /** {@code GET /api/v1/distribution/fans?limit=&cursor=}: direct fans, names masked, newest first. */
    void fans(Exchange x) {
        long me = x.requireMember().id();
        PageRequest page = x.page(20, 100);
        var rows = ctx.db().read(h -> bindings.fans(h, me, page.before(), page.limit()));
        x.json(Page.of(rows, page, BindingStore.FanRow::userId).map(this::fanJson));
    }

    /** {@code GET /api/v1/distribution/commissions?status=&limit=&cursor=}: the caller's commissions. */
    void commissions(Exchange x) {
        long me = x.requireMember().id();
        PageRequest page = x.page(20, 100);
        String status = Filters.commissionStatus(x);
        var rows = ctx.db().read(h -> commissions.list(h, new CommissionStore.Filter(me, status, null), page.before(),
                page.limit()));
        x.json(Page.of(rows, page, Commission::id).map(this::memberCommissionJson));
    }

    /** {@code POST /api/v1/distribution/withdrawals} → 201 {@code {"withdrawal":...}}. */
    void withdraw(Exchange x) {
        WithdrawalBody b = x.body(WithdrawalBody.class);
        Withdrawal w = withdrawals.request(x.requireMember().id(), b.amount(), b.method(), b.account(),
                x.idempotencyKey().orElse(null));
        x.json(201, Map.of("withdrawal", w.json()));
    }

    /** {@code GET /api/v1/distribution/withdrawals}: the caller's withdrawals, accounts masked. */
    void myWithdrawals(Exchange x) {
        long me = x.requireMember().id();
        PageRequest page = x.page(20, 100);
        var rows = ctx.db().read(h -> withdrawalStore.list(h, me, null, page.before(), page.limit()));
        x.json(Page.of(rows, page, Withdrawal::id).map(Withdrawal::json));
    }

    /** {@code POST /api/v1/distribution/applications} → 201 {@code {"application":...}}. */
    void apply(Exchange x) {
        ApplicationBody b = x.body(ApplicationBody.class);
        RightsStore.Application a = applications.apply(x.requireMember().id(), b.message().orElse(null));
        x.json(201, Map.of("application", Filters.applicationJson(a)));
    }

    private Map<String, Object> fanJson(BindingStore.FanRow f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", ctx.members().find(f.userId()).map(Member::displayName).map(Masking::name).orElse("***"));
        m.put("joinedAt", Instant.ofEpochMilli(f.boundAt()).toString());
        m.put("contribution", f.contribution());
        return m;
    }

    private Map<String, Object> memberCommissionJson(Commission c) {
        Map<String, Object> m = c.json();
        m.remove("buyerId");
        m.remove("beneficiaryId");
        m.put("buyer", ctx.members().find(c.buyerId()).map(Member::displayName).map(Masking::name).orElse("***"));
        return m;
    }
}
