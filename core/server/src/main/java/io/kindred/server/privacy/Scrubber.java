package io.kindred.server.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Takes a person's data out of a JSON value (an event's payload): fields whose name says they hold it are emptied,
 * and the person's identifiers are replaced wherever else they appear. Ids, amounts, codes and times stay, so that
 * what the event meant still reads.
 */
final class Scrubber {

    /** Field names whose values are a person's data, whoever's they are. */
    static final Pattern PERSONAL = Pattern.compile(
            "(?i)(email|phone|mobile|displayName|name|realName|nickname|birthday|address|shippingAddress|signupIp|ip|"
                    + "userAgent|wechat|idNumber|identity|note|message|comment|body|content|text|answer|handle)");

    private Scrubber() {
    }

    /** @return a copy of {@code value} without the person's data */
    static Object scrub(Object value, List<String> identifiers) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                out.put(key, PERSONAL.matcher(key).matches() && (v instanceof String || v instanceof Map<?, ?>)
                        ? null : scrub(v, identifiers));
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(scrub(v, identifiers)));
            return out;
        }
        if (value instanceof String s) {
            String out = s;
            for (String id : identifiers) {
                out = out.replace(id, CorePersonalData.PLACEHOLDER);
            }
            return out;
        }
        return value;
    }
}
