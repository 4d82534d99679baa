package io.kindred.plugins.membership;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import org.jdbi.v3.core.Handle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators' rules for the tier ladder: edit a tier, add one on top, remove the top one. Thresholds grow
 * from tier to tier and the lowest stays 0; ranks only grow, so what other plugins keyed on a rank (a shop
 * item "V3 and above") keeps its meaning.
 */
final class Tiers {

    static final int MAX_TIERS = 20;

    /** A tier as saved; {@code created} when the code was new. */
    record Saved(Tier tier, boolean created) {
    }

    private final PluginContext ctx;
    private final MembershipStore store;
    private final Benefits benefits;

    Tiers(PluginContext ctx, MembershipStore store, Benefits benefits) {
        this.ctx = ctx;
        this.store = store;
        this.benefits = benefits;
    }

    List<Tier> all() {
        return ctx.db().read(store::tiers);
    }

    /**
     * Applies an edit; a new code adds a tier above the highest ({@code name} and a {@code threshold} above
     * the highest tier's required; the rest defaults to the highest tier's multiplier, colour and icon).
     * All in one transaction: a ladder left out of order by the edit changes nothing.
     */
    Saved save(String code, TierChange change) {
        return ctx.db().write(tx -> {
            Tier t = find(store.tiers(tx), code);
            boolean created = t == null;
            if (created) {
                t = add(tx, code, change);
            }
            store.updateTier(tx, changed(t, change));
            List<Tier> after = store.tiersAsWritten(tx);
            checkLadder(after);
            return new Saved(find(after, code), created);
        });
    }

    private Tier changed(Tier t, TierChange c) {
        int multiplier = (int) Math.round(c.multiplier().map(m -> {
            if (!(m >= 0 && m <= 100)) {
                throw KindredException.invalidField("multiplier must be a number from 0 to 100, like 1.5.");
            }
            return m * 100;
        }).orElse((double) t.multiplier()));
        String colour = Fields.text(c.colour(), t.colour(), "colour", 20);
        if (!colour.matches("#[0-9a-fA-F]{3,8}")) {
            throw KindredException.invalidField("colour must be a hex colour like #ff9800.");
        }
        List<String> chosen = c.benefits().map(b -> benefits.check(trimmed(b), t.benefits())).orElse(t.benefits());
        return new Tier(t.code(), Fields.text(c.name(), t.name(), "name", 40), t.rank(),
                Fields.number(c.threshold(), t.threshold(), "threshold", 0, Fields.MAX_NUMBER), multiplier, colour,
                Fields.text(c.icon(), t.icon(), "icon", 8), chosen, Names.checkedZh(c.nameZh(), t.nameZh(), 40));
    }

    private Tier add(Handle tx, String code, TierChange c) {
        if (!code.matches("[A-Z][A-Z0-9]{0,7}")) {
            throw KindredException.invalidField("A tier code is 1 to 8 capital letters and digits, e.g. V6.");
        }
        if (c.name().isEmpty() || c.threshold().isEmpty()) {
            throw KindredException.missingField(c.name().isPresent() ? "threshold" : "name");
        }
        List<Tier> tiers = store.tiers(tx);
        if (tiers.size() >= MAX_TIERS) {
            throw new KindredException(MembershipError.TOO_MANY_TIERS, "A ladder has at most " + MAX_TIERS + " tiers.");
        }
        Tier top = tiers.get(tiers.size() - 1);
        Tier added = new Tier(code, code, top.rank() + 1, top.threshold() + 1, top.multiplier(), top.colour(), top.icon(),
                List.of(), null);
        store.insertTier(tx, added);
        return added;
    }

    private static void checkLadder(List<Tier> tiers) {
        if (tiers.get(0).threshold() != 0) {
            throw KindredException.invalidField("The lowest tier's threshold must stay 0.");
        }
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).threshold() <= tiers.get(i - 1).threshold()) {
                throw KindredException.invalidField("Thresholds must grow from tier to tier.");
            }
        }
    }

    /**
     * Removes the highest tier, when nobody is in it and at least two tiers stay.
     *
     * @throws KindredException 404 {@code tier_not_found}; 409 {@code not_top_tier}, {@code tier_in_use}, {@code last_tiers}
     */
    void remove(String code) {
        ctx.db().write(tx -> {
            List<Tier> tiers = store.tiers(tx);
            Tier t = find(tiers, code);
            if (t == null) {
                throw new KindredException(MembershipError.TIER_NOT_FOUND, "There is no tier '" + code + "'.");
            }
            if (t.rank() != tiers.get(tiers.size() - 1).rank()) {
                throw new KindredException(MembershipError.NOT_TOP_TIER, "Only the highest tier can be removed.");
            }
            if (tiers.size() <= 2) {
                throw new KindredException(MembershipError.LAST_TIERS, "A ladder keeps at least two tiers.");
            }
            long members = store.membersPerRank(tx).getOrDefault(t.rank(), 0L);
            if (members > 0) {
                throw new KindredException(MembershipError.TIER_IN_USE, members + " member(s) are in " + code
                        + "; raise its threshold or wait until it is empty.");
            }
            store.deleteTier(tx, code);
            return null;
        });
    }

    /** @return members per tier code, in ladder order; members who never earned growth count in the lowest */
    Map<Tier, Long> membersPerTier() {
        return ctx.db().read(h -> {
            List<Tier> tiers = store.tiers(h);
            Map<Integer, Long> counts = new HashMap<>(store.membersPerRank(h));
            // Members who never earned growth have no row: they are in the lowest tier.
            long withRow = counts.values().stream().mapToLong(Long::longValue).sum();
            counts.merge(tiers.get(0).rank(), Math.max(0, ctx.members().countActive() - withRow), Long::sum);
            Map<Tier, Long> out = new java.util.LinkedHashMap<>();
            tiers.forEach(t -> out.put(t, counts.getOrDefault(t.rank(), 0L)));
            return out;
        });
    }

    private static Tier find(List<Tier> tiers, String code) {
        return tiers.stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
    }

    static List<String> trimmed(List<String> codes) {
        return codes.stream().filter(java.util.Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
