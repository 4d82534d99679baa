package io.kindred.plugins.membership;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paid plan (会员卡) of the catalog.
 *
 * @param code      e.g. {@code annual}
 * @param name      shown to members, e.g. 普通年卡
 * @param months    duration in months; 0 = lifetime
 * @param trialDays free trial days (0 = none)
 * @param price     price in minor units
 * @param currency  currency code
 * @param sku       the brand shop's sku that sells it, or null
 * @param benefits  benefit codes it unlocks
 * @param active    whether it is still sold
 */
record Plan(String code, String name, int months, int trialDays, long price, String currency, String sku,
            List<String> benefits, boolean active) {

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
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
