package io.kindred.plugins.creators.campaigns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON this part keeps in TEXT columns (a campaign's form, an application's answers, scores): maps,
 * lists, strings, whole numbers, booleans and null. kindred-api offers plugins no JSON codec and the host's is not
 * part of the API, so this one is deliberately small and strict.
 */
final class Json {

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /** @return the JSON text of a value built from maps, lists, strings, numbers, booleans and null */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    /** @return the value of JSON text: LinkedHashMap, ArrayList, String, Long, Boolean or null */
    static Object read(String text) {
        Json p = new Json(text);
        Object v = p.value();
        p.space();
        if (p.at != text.length()) {
            throw new IllegalArgumentException("trailing text in stored JSON");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(String text) {
        return text == null ? new LinkedHashMap<>() : (Map<String, Object>) read(text);
    }

    private static void write(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, l.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private Object value() {
        space();
        char c = text.charAt(at);
        if (c == '{') {
            return object();
        } else if (c == '[') {
            return list();
        } else if (c == '"') {
            return string();
        } else if (text.startsWith("null", at)) {
            at += 4;
            return null;
        } else if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        } else if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        int start = at;
        while (at < text.length() && "-0123456789".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        return Long.parseLong(text.substring(start, at));
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        at++;
        space();
        if (text.charAt(at) == '}') {
            at++;
            return m;
        }
        do {
            space();
            String key = string();
            space();
            expect(':');
            m.put(key, value());
            space();
        } while (text.charAt(at++) == ',');
        check(text.charAt(at - 1) == '}');
        return m;
    }

    private List<Object> list() {
        List<Object> l = new ArrayList<>();
        at++;
        space();
        if (text.charAt(at) == ']') {
            at++;
            return l;
        }
        do {
            l.add(value());
            space();
        } while (text.charAt(at++) == ',');
        check(text.charAt(at - 1) == ']');
        return l;
    }

    private String string() {
        expect('"');
        StringBuilder s = new StringBuilder();
        for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
            if (c == '\\') {
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> s.append(e);
                }
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private void expect(char c) {
        check(text.charAt(at++) == c);
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalArgumentException("malformed stored JSON");
        }
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
