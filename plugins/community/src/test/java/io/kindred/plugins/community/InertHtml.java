package io.kindred.plugins.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds executable mark-up in HTML that shows members' text: tags with event handlers, script-like elements, and
 * links or sources with a {@code javascript:}, {@code vbscript:} or {@code data:text/html} address (entities decoded,
 * as a browser decodes them). Members' payloads carry a marker ({@code KX<n>}) so that a page's own scripts and
 * styles are told apart from anything a payload made.
 */
final class InertHtml {

    private static final Pattern COMMENT = Pattern.compile("<!--[\\s\\S]*?-->");
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s\"'>/=]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>][^\\s>]*))?");
    private static final Pattern SCRIPT_BODY = Pattern.compile("(?i)<script\\b[^>]*>([\\s\\S]*?)</script\\s*>");
    private static final List<String> ACTIVE = List.of("script", "iframe", "frame", "object", "embed", "svg", "math",
            "style", "base", "form", "meta", "link", "applet", "body", "input", "details", "button", "video", "audio");
    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "data", "srcdoc",
            "xlink:href", "poster", "background");

    private InertHtml() {
    }

    /**
     * @param html   a page or a fragment
     * @param marker what every payload carries, e.g. {@code "KX."}: a dot, so that no random token (base64url) can hold it
     * @param strict for a fragment made only of members' text: the marker may not appear inside any tag at all
     * @return what is executable, empty when all is inert
     */
    static List<String> problems(String html, String marker, boolean strict) {
        List<String> problems = new ArrayList<>();
        String text = COMMENT.matcher(html).replaceAll(" ");
        Matcher script = SCRIPT_BODY.matcher(text);
        while (script.find()) {
            if (script.group(1).contains(marker)) {
                problems.add("a script holding a payload: " + script.group());
            }
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            String whole = tag.group();
            boolean payload = whole.contains(marker);
            if (strict && payload) {
                problems.add("a payload inside a tag: " + whole);
            }
            if (payload && ACTIVE.contains(name)) {
                problems.add("an active element made by a payload: " + whole);
            }
            Matcher a = ATTRIBUTE.matcher(tag.group(2));
            while (a.find()) {
                String attr = a.group(1).toLowerCase(Locale.ROOT);
                String value = a.group(2) == null ? "" : decode(unquote(a.group(2)));
                if (attr.startsWith("on")) {
                    problems.add("an event handler: " + whole);
                }
                if (attr.equals("style") && (payload || value.toLowerCase(Locale.ROOT).contains("url("))) {
                    problems.add("a style made by a payload: " + whole);
                }
                if ((URL_ATTRIBUTES.contains(attr) || name.equals("meta") && attr.equals("content")
                        && whole.toLowerCase(Locale.ROOT).contains("refresh")) && dangerousUrl(value)) {
                    problems.add("a dangerous address: " + whole);
                }
            }
        }
        return problems;
    }

    private static boolean dangerousUrl(String value) {
        String v = value.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
        v = v.replaceFirst("^\\d+;url=", "");
        return v.startsWith("javascript:") || v.startsWith("vbscript:") || v.startsWith("data:text/html")
                || v.startsWith("data:image/svg") || v.contains("<script");
    }

    private static String unquote(String v) {
        return (v.startsWith("\"") || v.startsWith("'")) && v.length() >= 2 ? v.substring(1, v.length() - 1) : v;
    }

    /** Decodes character references the way a browser does inside an attribute. */
    static String decode(String s) {
        Matcher m = Pattern.compile("&(#[xX][0-9a-fA-F]+|#\\d+|[a-zA-Z]+);?").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String rep;
            if (ref.startsWith("#x") || ref.startsWith("#X")) {
                rep = new String(Character.toChars(Integer.parseInt(ref.substring(2), 16)));
            } else if (ref.startsWith("#")) {
                rep = new String(Character.toChars(Integer.parseInt(ref.substring(1))));
            } else {
                rep = switch (ref.toLowerCase(Locale.ROOT)) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "colon" -> ":";
                    case "tab" -> "\t";
                    case "newline" -> "\n";
                    default -> m.group();
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }
}
