package io.kindred.plugins.membership;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paid plan (会员卡) of the catalog.
 *
 * @param code      e.g. {@code annual}
 * @param name      shown to members (English, the default), e.g. Annual card
 * @param months    duration in months; 0 = lifetime
 * @param trialDays free trial days (0 = none)
 * @param price     price in minor units
 * @param currency  currency code
 * @param sku       the brand shop's sku that sells it, or null
 * @param benefits  benefit codes it unlocks
 * @param active    whether it is still sold
 * @param nameZh    the Simplified Chinese name, or null (the English name is shown)
 */
record Plan(String code, String name, int months, int trialDays, long price, String currency, String sku,
            List<String> benefits, boolean active, String nameZh) {

    /** @return the name in the reader's language */
    String name(java.util.Locale locale) {
        return Names.pick(name, nameZh, locale);
    }

    /** @return the plan as the API shows it to a reader of {@code locale}: {@code name} in that language, {@code names} all */
    Map<String, Object> json(java.util.Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name(locale));
        m.put("names", Names.json(name, nameZh));
        m.put("months", months);
        m.put("lifetime", months == 0);
        m.put("trialDays", trialDays);
        m.put("price", price);
        m.put("currency", currency);
        m.put("sku", sku);
        m.put("benefits", benefits);
        m.put("active", active);
        return m;
    }
}
