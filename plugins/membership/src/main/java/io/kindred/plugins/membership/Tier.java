package io.kindred.plugins.membership;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of the tier ladder (等级).
 *
 * @param code       e.g. {@code V1}
 * @param name       shown to members (English, the default), e.g. Community rookie
 * @param rank       1 for the lowest tier
 * @param threshold  growth value needed to reach it
 * @param multiplier points for purchases, in percent of the base rate (100 = ×1)
 * @param colour     badge colour
 * @param icon       badge icon name
 * @param benefits   benefit codes the tier unlocks
 * @param nameZh     the Simplified Chinese name, or null (the English name is shown)
 */
record Tier(String code, String name, int rank, long threshold, int multiplier, String colour, String icon,
            java.util.List<String> benefits, String nameZh) {

    /** @return the name in the reader's language */
    String name(java.util.Locale locale) {
        return Names.pick(name, nameZh, locale);
    }

    /** @return the tier as the API shows it to a reader of {@code locale}: {@code name} in that language, {@code names} all */
    Map<String, Object> json(java.util.Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name(locale));
        m.put("names", Names.json(name, nameZh));
        m.put("rank", rank);
        m.put("threshold", threshold);
        m.put("multiplier", multiplier / 100.0);
        m.put("colour", colour);
        m.put("icon", icon);
        m.put("benefits", benefits);
        return m;
    }
}
