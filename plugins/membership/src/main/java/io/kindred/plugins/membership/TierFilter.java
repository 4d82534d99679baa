package io.kindred.plugins.membership;

import io.kindred.api.PluginContext;
import io.kindred.api.segments.MemberFilter;
import io.kindred.api.segments.MemberIds;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The segments filter {@code tier=<code>} (e.g. {@code tier=V3}): members whose tier is that one. Members who never
 * earned growth have no row and are in the lowest tier, as everywhere else in the plugin.
 */
final class TierFilter implements MemberFilter {

    private final PluginContext ctx;

    TierFilter(PluginContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "tier";
    }

    @Override
    public String label(Locale locale) {
        return locale != null && locale.getLanguage().equals("zh") ? "会员等级（代码，如 V3）" : "Tier (code, e.g. V3)";
    }

    @Override
    public MemberIds select(String value) {
        List<String> codes = ctx.db().read(h -> h.createQuery("SELECT code FROM membership_tiers ORDER BY tier_rank")
                .mapTo(String.class).list());
        String code = codes.stream().filter(c -> c.equalsIgnoreCase(value.trim())).findFirst().orElseThrow(() ->
                new IllegalArgumentException("there is no tier '" + value + "'; the tiers are " + String.join(", ", codes) + "."));
        if (code.equals(codes.get(0))) {
            return MemberIds.of("""
                    SELECT u.id FROM users u
                     WHERE NOT EXISTS (SELECT 1 FROM membership_members m WHERE m.user_id = u.id AND m.tier_rank <>
                                       (SELECT t.tier_rank FROM membership_tiers t WHERE t.code = :code))""", Map.of("code", code));
        }
        return MemberIds.of("""
                SELECT m.user_id FROM membership_members m
                 WHERE m.tier_rank = (SELECT t.tier_rank FROM membership_tiers t WHERE t.code = :code)""", Map.of("code", code));
    }
}
