package io.kindred.plugins.creators.agencies;

import io.kindred.api.PluginContext;
import io.kindred.api.referrals.ReferralService;
import io.kindred.api.users.Member;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an agency's managers and operators see of it: the agency with its share balance, and per creator under
 * contract the contract and the creator's performance (fans from distribution when it runs, sales that booked a
 * share, the commission shared, the creator's available commission).
 */
final class AgencyViews {

    private final PluginContext ctx;
    private final Agencies agencies;
    private final Contracts contracts;
    private final ShareStore shares;

    AgencyViews(PluginContext ctx, Agencies agencies, Contracts contracts, ShareStore shares) {
        this.ctx = ctx;
        this.agencies = agencies;
        this.contracts = contracts;
        this.shares = shares;
    }

    Map<String, Object> agency(long id) {
        Agency a = agencies.find(id);
        Map<String, Object> m = a.json();
        long balance = ctx.db().read(h -> shares.balance(h, id));
        m.put("shareBalance", balance);
        m.put("shareBalanceText", money(balance));
        m.put("creators", contracts.inForce(id).size());
        m.put("managers", agencies.managers(id).stream().map(AgencyViews::person).toList());
        return m;
    }

    /** @return the creators under a contract of the agency today, with their performance */
    List<Map<String, Object>> creators(long agencyId) {
        Optional<ReferralService> referrals = ctx.services().find(ReferralService.class);
        return contracts.inForce(agencyId).stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("userId", c.userId());
            m.put("displayName", ctx.members().find(c.userId()).map(Member::displayName).orElse("#" + c.userId()));
            m.put("contract", c.json(ctx.today()));
            m.put("fans", referrals.map(r -> r.directFans(c.userId())).orElse(null));
            m.put("sales", ctx.db().read(h -> shares.sales(h, agencyId, c.userId())));
            m.put("sharedCommission", ctx.db().read(h -> shares.sharedBy(h, agencyId, c.userId())));
            m.put("availableCommission", ctx.ledger().balances(c.userId()).getOrDefault(Shares.ASSET, 0L));
            m.put("sharedCommissionText", money((Long) m.get("sharedCommission")));
            m.put("availableCommissionText", money((Long) m.get("availableCommission")));
            return m;
        }).toList();
    }

    /** @return minor units as a decimal amount, e.g. 1250 → 12.50 (the currency is distribution's setting) */
    static String money(long minor) {
        return java.math.BigDecimal.valueOf(minor, 2).toPlainString();
    }

    static Map<String, Object> person(Member m) {
        return Map.of("userId", m.id(), "displayName", m.displayName());
    }
}
