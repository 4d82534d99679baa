package io.kindred.plugins.distribution;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The share poster (海报): a PNG drawn with Java2D from a layout: the template {@code distribution/poster} rendered to
 * Java properties (size, colours, where the texts and the QR code go, and the texts in the member's language). The
 * template is looked up like a page's, so a theme restyles the poster by overriding it.
 */
final class Posters {

    /** The template that gives a poster its layout and texts. */
    static final String TEMPLATE = "distribution/poster";

    /**
     * @param rendered the template's output
     * @return its properties
     */
    static Properties layout(String rendered) {
        Properties layout = new Properties();
        try {
            layout.load(new java.io.StringReader(rendered));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return layout;
    }

    /** @return {@code text} as a properties value: backslashes doubled, line breaks gone */
    static String value(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replaceAll("[\\r\\n]+", " ");
    }

    byte[] render(Properties layout, String link) {
        int width = number(layout, "width");
        int height = number(layout, "height");
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(color(layout, "background"));
            g.fillRect(0, 0, width, height);
            g.setColor(color(layout, "band"));
            g.fillRect(0, 0, width, number(layout, "bandHeight"));
            centred(g, layout.getProperty("title", ""), number(layout, "titleY"), number(layout, "titleSize"), color(layout, "titleColor"), width);
            centred(g, layout.getProperty("subtitle", ""), number(layout, "subtitleY"), number(layout, "subtitleSize"), color(layout, "titleColor"), width);
            int qrSize = number(layout, "qrSize");
            g.drawImage(InviteLinks.qr(link, qrSize), (width - qrSize) / 2, number(layout, "qrY"), null);
            centred(g, layout.getProperty("inviter", ""), number(layout, "inviterY"), number(layout, "textSize"), color(layout, "textColor"), width);
            centred(g, layout.getProperty("code", ""), number(layout, "codeY"), number(layout, "codeSize"), color(layout, "accent"), width);
            centred(g, layout.getProperty("footer", ""), number(layout, "footerY"), number(layout, "footerSize"), color(layout, "textColor"), width);
        } finally {
            g.dispose();
        }
        return InviteLinks.png(img);
    }

    private static void centred(Graphics2D g, String s, int y, int size, Color color, int width) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        g.setColor(color);
        int w = g.getFontMetrics().stringWidth(s);
        g.drawString(s, Math.max(8, (width - w) / 2), y);
    }

    private static int number(Properties layout, String key) {
        try {
            return Integer.parseInt(layout.getProperty(key, "").trim());
        } catch (NumberFormatException e) {
            throw wrong(key, "a whole number of pixels");
        }
    }

    private static Color color(Properties layout, String key) {
        try {
            return Color.decode(layout.getProperty(key, "").trim());
        } catch (NumberFormatException e) {
            throw wrong(key, "a colour as #RRGGBB");
        }
    }

    /** A theme's poster template that lacks a value or gets one wrong: said plainly, in the log and the answer. */
    private static io.kindred.api.KindredException wrong(String key, String what) {
        return new io.kindred.api.KindredException(500, "poster_layout",
                "The poster template (" + TEMPLATE + ") gives '" + key + "' not as " + what + ".");
    }
}
