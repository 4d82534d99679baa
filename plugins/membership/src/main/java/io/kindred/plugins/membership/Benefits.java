package io.kindred.plugins.membership;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.membership.Benefit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benefits (权益) tiers and plans list. The registry is kindred-api's: this plugin offers the four it
 * honours itself ({@link #BUILT_IN}); other plugins offer theirs ({@code shop.exclusive} from the points shop,
 * {@code distribution.rights} from distribution) with {@code ctx.benefit(...)}. A tier or plan may keep a
 * code whose plugin is disabled or not installed: members are not shown it (it does nothing for them now),
 * the console marks it, and it counts again as soon as that plugin is started.
 */
final class Benefits {

    static final List<Benefit> BUILT_IN = List.of(
            Benefit.of("points.multiplier", "Points multiplier on purchases").named("zh", "购物积分加倍"),
            Benefit.of("checkin.bonus", "Check-in bonus").named("zh", "签到额外奖励"),
            Benefit.of("birthday.bonus", "Birthday bonus points").named("zh", "生日积分礼"),
            Benefit.of("monthly.bonus", "Monthly bonus points").named("zh", "每月赠送积分"));

    private final PluginContext ctx;

    Benefits(PluginContext ctx) {
        this.ctx = ctx;
    }

    private Map<String, Benefit> offered() {
        Map<String, Benefit> m = new LinkedHashMap<>();
        ctx.benefits().forEach(b -> m.put(b.code(), b));
        return m;
    }

    /** @return the offered ones among {@code codes}, distinct, in order, as {@code {code,name}} */
    List<Map<String, Object>> json(List<String> codes, Locale locale) {
        Map<String, Benefit> offered = offered();
        return codes.stream().distinct().filter(offered::containsKey)
                .map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", c);
                    m.put("name", offered.get(c).name(locale));
                    return m;
                }).toList();
    }

    /** @return the codes among {@code codes} that a started plugin offers, distinct, in order */
    List<String> offeredOnly(List<String> codes) {
        Map<String, Benefit> offered = offered();
        return codes.stream().distinct().filter(offered::containsKey).toList();
    }

    /**
     * For the console: every offered benefit, then codes in {@code chosen} that no started plugin offers,
     * each as {@code {code, name, chosen, offered}}.
     */
    List<Map<String, Object>> choices(List<String> chosen, Locale locale) {
        Map<String, Benefit> offered = offered();
        List<Map<String, Object>> out = new ArrayList<>();
        offered.values().forEach(b -> out.add(Map.of("code", b.code(), "name", b.name(locale),
                "chosen", chosen.contains(b.code()), "offered", true)));
        chosen.stream().distinct().filter(c -> !offered.containsKey(c))
                .forEach(c -> out.add(Map.of("code", c, "name", c, "chosen", true, "offered", false)));
        return out;
    }

    /**
     * Refuses codes that no started plugin offers, unless the tier or plan has them already (a plugin may be
     * off for a while; its benefit stays where the operator put it).
     *
     * @return the codes, distinct, in order
     */
    List<String> check(List<String> codes, List<String> before) {
        Set<String> offered = offered().keySet();
        for (String c : codes) {
            if (!offered.contains(c) && !before.contains(c)) {
                throw new KindredException(MembershipError.UNKNOWN_BENEFIT, "No started plugin offers the benefit '" + c
                        + "'. Offered: " + String.join(", ", offered) + ".");
            }
        }
        return codes.stream().distinct().toList();
    }
}
