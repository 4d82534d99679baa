package io.kindred.plugins.distribution;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The share poster (海报): a PNG drawn with Java2D from a layout template ({@code poster/layout.properties} in the
 * plugin jar: size, colours, where the texts and the QR code go) and the member's texts in their language.
 */
final class Posters {

    /** The texts on one poster. */
    record PosterText(String title, String subtitle, String inviter, String code, String footer) {
    }

    private final Properties layout = new Properties();

    Posters() {
        try (InputStream in = Posters.class.getResourceAsStream("/poster/layout.properties")) {
            layout.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(PosterText text, String link) {
        int width = number("width");
        int height = number("height");
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(color("background"));
            g.fillRect(0, 0, width, height);
            g.setColor(color("band"));
            g.fillRect(0, 0, width, number("bandHeight"));
            centred(g, text.title(), number("titleY"), number("titleSize"), color("titleColor"), width);
            centred(g, text.subtitle(), number("subtitleY"), number("subtitleSize"), color("titleColor"), width);
            int qrSize = number("qrSize");
            g.drawImage(InviteLinks.qr(link, qrSize), (width - qrSize) / 2, number("qrY"), null);
            centred(g, text.inviter(), number("inviterY"), number("textSize"), color("textColor"), width);
            centred(g, text.code(), number("codeY"), number("codeSize"), color("accent"), width);
            centred(g, text.footer(), number("footerY"), number("footerSize"), color("textColor"), width);
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

    private int number(String key) {
        return Integer.parseInt(layout.getProperty(key).trim());
    }

    private Color color(String key) {
        return Color.decode(layout.getProperty(key).trim());
    }
}
