package io.kindred.api.membership;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A benefit (权益) that membership tiers and paid plans can list, offered by the plugin that honours it.
 * A plugin declares its benefits with {@link io.kindred.api.PluginContext#benefit(Benefit)}; the membership
 * plugin lets the operator put them on tiers and plans and shows them to members; the offering plugin asks
 * {@link MembershipService#hasBenefit(long, String)} when it matters.
 *
 * <pre>{@code
 * ctx.benefit(Benefit.of("shop.exclusive", "Exclusive points-shop items").named("zh", "积分商城专享"));
 * }</pre>
 *
 * @param code  dotted lower case, prefixed with the offering plugin's area, e.g. {@code distribution.rights}
 * @param names the name shown to members, by language tag ({@code en}, {@code zh}, {@code zh-CN} …); the
 *              entry under {@code en} is the fallback for other languages
 */
public record Benefit(String code, Map<String, String> names) {

    /** Validates the code and that there is an English name; keeps an unmodifiable copy of the names. */
    public Benefit {
        if (code == null || !code.matches("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+") || code.length() > 64) {
            throw new IllegalArgumentException("a benefit code is dotted lower case, e.g. shop.exclusive: " + code);
        }
        if (names == null || names.get("en") == null || names.get("en").isBlank()) {
            throw new IllegalArgumentException("benefit " + code + " needs an English name");
        }
        names = Map.copyOf(names);
    }

    /**
     * @param code        the benefit code
     * @param englishName its name in English, the fallback for every language without a name of its own
     * @return the benefit
     */
    public static Benefit of(String code, String englishName) {
        return new Benefit(code, Map.of("en", englishName));
    }

    /**
     * @param languageTag e.g. {@code zh} (every Chinese variant) or {@code zh-CN}
     * @param name        the name in that language
     * @return a copy with that name added
     */
    public Benefit named(String languageTag, String name) {
        Map<String, String> all = new LinkedHashMap<>(names);
        all.put(Locale.forLanguageTag(languageTag).toLanguageTag(), name);
        return new Benefit(code, all);
    }

    /**
     * @param locale the reader's locale, or null
     * @return the name for the exact language tag, else for the language, else the English name
     */
    public String name(Locale locale) {
        if (locale != null) {
            String exact = names.get(locale.toLanguageTag());
            if (exact != null) {
                return exact;
            }
            String language = names.get(locale.getLanguage());
            if (language != null) {
                return language;
            }
        }
        return names.get("en");
    }
}
