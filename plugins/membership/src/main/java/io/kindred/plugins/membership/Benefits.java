package io.kindred.plugins.membership;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benefits (权益) a tier or plan can list, with their names. Built-in ones are honoured by this plugin;
 * {@code distribution.rights} and {@code shop.exclusive} are honoured by the plugins that ask
 * {@link io.kindred.api.membership.MembershipService#hasBenefit}. An unknown code is shown by its code.
 */
final class Benefits {

    private static final Map<String, String[]> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("points.multiplier", new String[]{"Points multiplier on purchases", "购物积分加倍"});
        NAMES.put("checkin.bonus", new String[]{"Check-in bonus", "签到额外奖励"});
        NAMES.put("birthday.bonus", new String[]{"Birthday bonus points", "生日积分礼"});
        NAMES.put("monthly.bonus", new String[]{"Monthly bonus points", "每月赠送积分"});
        NAMES.put("distribution.rights", new String[]{"Distribution rights", "分销权"});
        NAMES.put("shop.exclusive", new String[]{"Exclusive points-shop items", "积分商城专享"});
    }

    private Benefits() {
    }

    static String name(String code, Locale locale) {
        String[] n = NAMES.get(code);
        if (n == null) {
            return code;
        }
        return locale != null && locale.getLanguage().equals("zh") ? n[1] : n[0];
    }

    /** @return distinct codes, in order, as {@code {code,name}} */
    static List<Map<String, Object>> json(List<String> codes, Locale locale) {
        return codes.stream().distinct().map(c -> Map.<String, Object>of("code", c, "name", name(c, locale))).toList();
    }
}
