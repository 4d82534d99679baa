package io.kindred.plugins.creators.roster;

import io.kindred.api.KindredException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The electronic certificate (电子证书): a PNG drawn with Java2D from a layout — the template
 * {@code creators/roster/certificate} rendered to Java properties (size, colours, texts in the member's language), so
 * a theme restyles it by overriding the template — and the same picture on an A4 landscape PDF page (PDFBox).
 * Texts in Chinese need a font with CJK glyphs: the first installed font that can show a text draws it, else the
 * logical sans-serif font (which may show boxes on a server without CJK fonts, but never fails).
 */
final class Certificates {

    static final String TEMPLATE = "creators/roster/certificate";
    private static final String[] TEXTS = {"heading", "name", "title", "details", "code", "footer"};

    static Properties layout(String rendered) {
        Properties layout = new Properties();
        try {
            layout.load(new StringReader(rendered));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return layout;
    }

    /** @return {@code text} as a properties value: backslashes doubled, line breaks gone */
    static String value(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replaceAll("[\\r\\n]+", " ");
    }

    BufferedImage draw(Properties layout) {
        int width = number(layout, "width");
        int height = number(layout, "height");
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(color(layout, "background"));
            g.fillRect(0, 0, width, height);
            int border = number(layout, "border");
            g.setColor(color(layout, "accent"));
            g.setStroke(new BasicStroke(border));
            g.drawRect(border * 2, border * 2, width - border * 4, height - border * 4);
            for (String key : TEXTS) {
                centred(g, layout.getProperty(key, ""), number(layout, key + "Y"), number(layout, key + "Size"),
                        color(layout, key.equals("name") || key.equals("code") ? "accent" : "textColor"), width);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    byte[] png(Properties layout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(draw(layout), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the certificate on one A4 landscape page, the picture scaled to fit with a margin */
    byte[] pdf(Properties layout) {
        BufferedImage img = draw(layout);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(a4);
            doc.addPage(page);
            PDImageXObject picture = LosslessFactory.createFromImage(doc, img);
            float margin = 24;
            float scale = Math.min((a4.getWidth() - 2 * margin) / img.getWidth(), (a4.getHeight() - 2 * margin) / img.getHeight());
            float w = img.getWidth() * scale;
            float h = img.getHeight() * scale;
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(picture, (a4.getWidth() - w) / 2, (a4.getHeight() - h) / 2, w, h);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void centred(Graphics2D g, String s, int y, int size, Color color, int width) {
        if (s.isEmpty()) {
            return;
        }
        g.setFont(fontFor(s, size));
        g.setColor(color);
        int w = g.getFontMetrics().stringWidth(s);
        g.drawString(s, Math.max(8, (width - w) / 2), y);
    }

    /** A font that can show the whole text (CJK included) when one is installed; the logical sans-serif otherwise. */
    static Font fontFor(String text, int size) {
        Font preferred = new Font(Font.SANS_SERIF, Font.BOLD, size);
        if (preferred.canDisplayUpTo(text) == -1) {
            return preferred;
        }
        for (Font f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts()) {
            if (f.canDisplayUpTo(text) == -1) {
                return f.deriveFont(Font.BOLD, (float) size);
            }
        }
        return preferred;
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

    private static KindredException wrong(String key, String what) {
        return new KindredException(500, "certificate_layout",
                "The certificate template (" + TEMPLATE + ") gives '" + key + "' not as " + what + ".");
    }
}
