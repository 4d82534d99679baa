package io.kindred.plugins.membership;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A tier's or card's name per language: the English (default) name and an optional Simplified Chinese one,
 * like every other label. Members and API callers see the name in their language; operators edit both.
 */
final class Names {

    private Names() {
    }

    /** @return the Chinese name for a Chinese reader when there is one, else the English name */
    static String pick(String name, String nameZh, Locale locale) {
        boolean chinese = locale != null && locale.getLanguage().equals("zh");
        return chinese && nameZh != null && !nameZh.isBlank() ? nameZh : name;
    }

    /** @return {@code {"en": name, "zh-CN": nameZh}} for the admin API and the console forms */
    static Map<String, Object> json(String name, String nameZh) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("en", name);
        m.put("zh-CN", nameZh);
        return m;
    }

    /** @return an optional Chinese name as the forms and API give it: blank removes it */
    static String checkedZh(java.util.Optional<String> given, String before, int max) {
        if (given.isEmpty()) {
            return before;
        }
        String zh = given.get().strip();
        if (zh.isEmpty()) {
            return null;
        }
        if (zh.length() > max) {
            throw io.kindred.api.KindredException.invalidField("nameZh is at most " + max + " characters.");
        }
        return zh;
    }
}
