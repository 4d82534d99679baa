package io.kindred.plugins.distribution;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Distributor levels: the operator's ladder, and each member's place on it, recounted when they gain a fan, when
 * their team buys or refunds, and nightly (team sales fall out of the window). Emits
 * {@code distributor.level_changed} {userId, from, to}.
 */
final class Levels {

    /** A level as the console API sends it: rates per depth, at most two. */
    record LevelInput(String code, String name, int minFans, long minTeamSales, List<Integer> rates) {
    }

    private final PluginContext ctx;
    private final LevelStore store;
    private final BindingStore bindings;
    private final DistributionAudit audit;

    Levels(PluginContext ctx, LevelStore store, BindingStore bindings, DistributionAudit audit) {
        this.ctx = ctx;
        this.store = store;
        this.bindings = bindings;
        this.audit = audit;
    }

    List<Level> all() {
        return ctx.db().read(store::all);
    }

    /** @return the member's level: the one stored by the last recount, else the lowest */
    Level levelOf(Handle h, long userId) {
        List<Level> ladder = store.all(h);
        String code = store.levelOf(h, userId).orElse(ladder.get(0).code());
        return ladder.stream().filter(l -> l.code().equals(code)).findFirst().orElse(ladder.get(0));
    }

    /** Puts the member on the highest level they reach; publishes the change, if any. */
    void recount(Handle tx, long userId) {
        List<Level> ladder = store.all(tx);
        long since = ctx.clock().instant().minus(Duration.ofDays(ctx.settings().get(DistributionSettings.TEAM_SALES_DAYS)))
                .toEpochMilli();
        long fans = bindings.directFans(tx, userId);
        long sales = store.teamSales(tx, userId, since);
        Level reached = ladder.get(0);
        for (Level l : ladder) {
            if (l.reachedBy(fans, sales)) {
                reached = l;
            }
        }
        String before = store.levelOf(tx, userId).orElse(ladder.get(0).code());
        if (!before.equals(reached.code())) {
            store.setLevel(tx, userId, reached.code(), ctx.clock().millis());
            ctx.events().publish(tx, "distributor.level_changed", userId,
                    Map.of("userId", userId, "from", before, "to", reached.code()));
        }
    }

    /** The nightly recount of every member with fans. @return how many were recounted */
    long recountAll(Instant now) {
        long count = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> page = ctx.db().read(h -> bindings.referrers(h, from, 200));
            for (long userId : page) {
                ctx.db().write(tx -> {
                    recount(tx, userId);
                    return null;
                });
                count++;
                after = userId;
            }
            if (page.size() < 200) {
                return count;
            }
        }
    }

    /** Replaces the ladder: 1 to 10 levels, codes unique, thresholds rising, rates for at most two depths. */
    List<Level> replace(Member operator, List<LevelInput> input) {
        if (input == null || input.isEmpty() || input.size() > 10) {
            throw KindredException.invalidField("The field 'levels' must hold 1 to 10 levels.");
        }
        Set<String> codes = new HashSet<>();
        List<Level> levels = new java.util.ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            levels.add(check(input.get(i), i, codes));
        }
        ctx.db().write(tx -> {
            store.replaceAll(tx, levels);
            audit.levelsReplaced(tx, operator, levels);
            return null;
        });
        return all();
    }

    private static Level check(LevelInput in, int i, Set<String> codes) {
        String at = "levels[" + i + "]";
        if (in.rates() == null || in.rates().isEmpty()) {
            throw KindredException.missingField(at + ".rates");
        }
        if (in.rates().size() > 2) {
            throw new KindredException(DistributionError.TOO_MANY_LEVELS, DistributionSettings.TWO_LEVELS_ONLY);
        }
        if (in.code() == null || !in.code().matches("[a-z][a-z0-9_]{0,31}") || !codes.add(in.code())) {
            throw KindredException.invalidField("The field '" + at + ".code' must be a unique lower-case code.");
        }
        if (in.name() == null || in.name().isBlank() || in.name().length() > 50) {
            throw KindredException.invalidField("The field '" + at + ".name' must be 1 to 50 characters.");
        }
        if (in.minFans() < 0 || in.minTeamSales() < 0) {
            throw KindredException.invalidField("The thresholds of " + at + " must not be negative.");
        }
        for (int rate : in.rates()) {
            if (rate < 0 || rate > 5000) {
                throw KindredException.invalidField("The rates of " + at + " must be basis points from 0 to 5000 (50%).");
            }
        }
        int rate2 = in.rates().size() > 1 ? in.rates().get(1) : 0;
        return new Level(in.code(), in.name().strip(), i + 1, in.minFans(), in.minTeamSales(), in.rates().get(0), rate2);
    }
}
