package io.kindred.plugins.membership;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of the tier ladder (等级).
 *
 * @param code       e.g. {@code V1}
 * @param name       shown to members, e.g. 社区菜鸟
 * @param rank       1 for the lowest tier
 * @param threshold  growth value needed to reach it
 * @param multiplier points for purchases, in percent of the base rate (100 = ×1)
 * @param colour     badge colour
 * @param icon       badge icon name
 * @param benefits   benefit codes the tier unlocks
 */
record Tier(String code, String name, int rank, long threshold, int multiplier, String colour, String icon,
            java.util.List<String> benefits) {

    /** @return the tier as the API shows it */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        m.put("rank", rank);
        m.put("threshold", threshold);
        m.put("multiplier", multiplier / 100.0);
        m.put("colour", colour);
        m.put("icon", icon);
        m.put("benefits", benefits);
        return m;
    }
}
