package io.kindred.plugins.community;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The XSS checker itself: it must see what a browser would run, and let escaped text pass. */
class InertHtmlTest {

    @Test
    void executableMarkupIsFound() {
        for (String html : List.of("<p><img src=x onerror=alert('KX1')></p>", "<script>alert('KX2')</script>",
                "<a href=\"&#106;avascript:alert('KX3')\">x</a>", "<a href=\"jav&#x09;ascript:x\">KX4</a>",
                "<div style=\"background:url(javascript:KX5)\">", "<iframe src=\"/KX6\"></iframe>",
                "<a href='data:text/html,<b>KX7</b>'>x</a>", "<!-- x --><svg onload=alert(1)>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('KX8')\">")) {
            assertFalse(InertHtml.problems(html, "KX", false).isEmpty(), html);
        }
    }

    @Test
    void escapedTextAndSafeLinksPass() {
        String html = "<p>&lt;script&gt;alert('KX1')&lt;/script&gt; <a href=\"https://ok.example\" rel=\"nofollow\">ok</a></p>"
                + "<img alt=\"&quot;&gt;&lt;img src=x onerror=alert('KX2')&gt;\" src=\"/uploads/community/a.png\">";
        assertTrue(InertHtml.problems(html, "KX", false).isEmpty(), InertHtml.problems(html, "KX", false).toString());
        assertFalse(InertHtml.problems(html, "KX", true).isEmpty(), "strict: a payload inside an attribute is not member text");
    }
}
