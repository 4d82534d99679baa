package io.kindred.plugins.distribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A distributor level (粉丝团等级, e.g. Bronze/Silver/Gold): reached with at least {@code minFans} direct fans and
 * {@code minTeamSales} of team sales (minor units, over {@code teamSalesDays}); a zero threshold always holds.
 *
 * @param code         stable code
 * @param name         shown name
 * @param rank         order, 1 the lowest
 * @param minFans      direct fans needed
 * @param minTeamSales team sales needed
 * @param rate1        commission rate at depth 1 (the buyer's referrer), basis points
 * @param rate2        commission rate at depth 2 (the referrer's referrer), basis points
 */
record Level(String code, String name, int rank, int minFans, long minTeamSales, int rate1, int rate2) {

    int rate(int depth) {
        return depth == 1 ? rate1 : rate2;
    }

    boolean reachedBy(long fans, long teamSales) {
        return fans >= minFans && teamSales >= minTeamSales;
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        m.put("rank", rank);
        m.put("minFans", minFans);
        m.put("minTeamSales", minTeamSales);
        m.put("rates", List.of(rate1, rate2));
        return m;
    }
}
