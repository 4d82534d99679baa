package io.kindred.plugins.distribution;

import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A distributor's figures at a glance: code and link, rights, level, fans and commission by state. */
final class Overview {

    /** What {@code GET /api/v1/distribution/me} and the pages show. */
    record Summary(String code, String link, boolean isDistributor, List<String> unlocks, Level level, long directFans,
                   long indirectFans, long frozen, long available, long withdrawn, long pending, String currency,
                   Rights.TaskProgress tasks) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("link", link);
            m.put("isDistributor", isDistributor);
            m.put("unlocks", unlocks);
            m.put("level", Map.of("code", level.code(), "name", level.name(), "rank", level.rank(),
                    "rates", List.of(level.rate1(), level.rate2())));
            m.put("fans", Map.of("direct", directFans, "indirect", indirectFans));
            Map<String, Object> commission = new LinkedHashMap<>();
            commission.put("frozen", frozen);
            commission.put("available", available);
            commission.put("withdrawn", withdrawn);
            commission.put("pending", pending);
            commission.put("currency", currency);
            m.put("commission", commission);
            m.put("tasks", tasks.json());
            return m;
        }
    }

    private final PluginContext ctx;
    private final BindingStore bindings;
    private final Rights rights;
    private final Levels levels;
    private final WithdrawalStore withdrawals;
    private final InviteLinks links;

    Overview(PluginContext ctx, BindingStore bindings, Rights rights, Levels levels, WithdrawalStore withdrawals,
             InviteLinks links) {
        this.ctx = ctx;
        this.bindings = bindings;
        this.rights = rights;
        this.levels = levels;
        this.withdrawals = withdrawals;
        this.links = links;
    }

    Summary of(Member m, String siteUrl) {
        List<String> unlocks = rights.unlocks(m.id());
        String code = links.codeOf(m.id());
        return ctx.db().read(h -> new Summary(code, links.link(siteUrl, code), !unlocks.isEmpty(), unlocks,
                levels.levelOf(h, m.id()), bindings.directFans(h, m.id()), bindings.indirectFans(h, m.id()),
                ctx.ledger().balance(h, m.id(), Commissions.FROZEN.code()),
                ctx.ledger().balance(h, m.id(), Commissions.AVAILABLE.code()),
                withdrawals.total(h, m.id(), Withdrawal.Status.PAID),
                withdrawals.total(h, m.id(), Withdrawal.Status.REQUESTED) + withdrawals.total(h, m.id(), Withdrawal.Status.APPROVED),
                DistributionSettings.currency(ctx), rights.progress(h, m.id())));
    }
}
