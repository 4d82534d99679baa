package io.kindred.plugins.community;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import java.util.List;

/**
 * Members write Markdown; pages show it as HTML that can do no harm. CommonMark renders it with raw HTML
 * escaped and unsafe URLs dropped, then the OWASP sanitiser keeps only formatting, blocks, lists, code and
 * links (http, https, mailto; marked {@code nofollow ugc}): no script, no event handler, no style, no image.
 */
final class Markdown {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).softbreak("<br>").build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a", "code", "pre", "hr", "br", "del", "s")
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("nofollow", "ugc", "noopener", "noreferrer")
                    .toFactory())
            .and(Sanitizers.TABLES);

    private Markdown() {
    }

    /** @param markdown what the member wrote @return safe HTML to show */
    static String toHtml(String markdown) {
        Node doc = PARSER.parse(markdown == null ? "" : markdown);
        return POLICY.sanitize(HTML.render(doc));
    }

    /** @param markdown what the member wrote @return its words without mark-up, for search and excerpts */
    static String toText(String markdown) {
        StringBuilder text = new StringBuilder();
        PARSER.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(FencedCodeBlock node) {
                text.append(node.getLiteral()).append(' ');
            }

            @Override
            public void visit(SoftLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(Paragraph node) {
                visitChildren(node);
                text.append(' ');
            }
        });
        return text.toString().strip();
    }

    /** @return the first {@code max} characters of the text, cut at a word where it can be */
    static String excerpt(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max);
        return flat.substring(0, cut > max / 2 ? cut : max) + "…";
    }
}
