package io.kindred.server.share;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Draws a share poster (海报) with Java2D from a layout: a template rendered to Java properties (size, colours,
 * where each text and the QR code go, and the texts in the member's language).
 */
final class PosterDrawing {

    private final String template;
    private final Properties layout = new Properties();

    /** @param template the template's name, for messages @param rendered its output */
    PosterDrawing(String template, String rendered) {
        this.template = template;
        try {
            layout.load(new StringReader(rendered));
        } catch (IOException | IllegalArgumentException e) {
            throw new KindredException(CoreError.POSTER_LAYOUT, "The poster template " + template + " is not a list of key=value lines.");
        }
    }

    /** @return {@code text} as a properties value: backslashes doubled, line breaks gone */
    static String value(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replaceAll("[\\r\\n]+", " ");
    }

    /** @return the poster as PNG bytes, its QR code holding {@code link} */
    byte[] png(String link) {
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
            text(g, "title", "titleY", "titleSize", "titleColor", width);
            text(g, "subtitle", "subtitleY", "subtitleSize", "titleColor", width);
            int qrSize = number("qrSize");
            g.drawImage(QrCodes.image(link, qrSize), (width - qrSize) / 2, number("qrY"), null);
            text(g, "byline", "bylineY", "textSize", "textColor", width);
            text(g, "code", "codeY", "codeSize", "accent", width);
            text(g, "footer", "footerY", "footerSize", "textColor", width);
        } finally {
            g.dispose();
        }
        return encode(img);
    }

    private void text(Graphics2D g, String key, String yKey, String sizeKey, String colourKey, int width) {
        String s = layout.getProperty(key, "").trim();
        if (s.isEmpty()) {
            return;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, number(sizeKey)));
        g.setColor(color(colourKey));
        int w = g.getFontMetrics().stringWidth(s);
        g.drawString(s, Math.max(8, (width - w) / 2), number(yKey));
    }

    private int number(String key) {
        try {
            int n = Integer.parseInt(layout.getProperty(key, "").trim());
            if (n < 0 || n > 4000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw wrong(key, "a whole number of pixels (0 to 4000)");
        }
    }

    private Color color(String key) {
        try {
            return Color.decode(layout.getProperty(key, "").trim());
        } catch (NumberFormatException e) {
            throw wrong(key, "a colour as #RRGGBB");
        }
    }

    private KindredException wrong(String key, String what) {
        return new KindredException(CoreError.POSTER_LAYOUT, "The poster template (" + template + ") gives '" + key + "' not as " + what + ".");
    }

    /** @return the picture as PNG bytes, buffered in memory (ImageIO's default file cache is not used) */
    static byte[] encode(BufferedImage img) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(img);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
