package io.kindred.server.share;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.kindred.api.KindredException;

import java.awt.image.BufferedImage;
import java.util.Map;

/** QR codes drawn with ZXing: as SVG for pages (one path, sharp at any size) and as pictures for posters. */
public final class QrCodes {

    /** The longest text a code holds here; an address of a page is far shorter. */
    static final int MAX_TEXT = 1000;

    private QrCodes() {
    }

    /** @return the code's modules, one per cell, with a quiet zone of two cells */
    static BitMatrix matrix(String text, int size) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw new KindredException(io.kindred.api.CoreError.INVALID_FIELD, "A QR code holds 1 to " + MAX_TEXT + " characters.");
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new KindredException(io.kindred.api.CoreError.INVALID_FIELD, "This text does not fit in a QR code.");
        }
    }

    /** @return an SVG of the code, one unit per module, black on white */
    static String svg(String text) {
        return svg(text, null, null);
    }

    /**
     * @param label what the code is, for screen readers (the picture of an inline code, e.g. a ticket's)
     * @param css   the SVG's class, sized by the page's CSS
     * @return an SVG element to put inline in a page, {@code role="img"} with that label
     */
    public static String svg(String text, String label, String css) {
        BitMatrix m = matrix(text, 0);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    int run = 1;
                    while (x + run < m.getWidth() && m.get(x + run, y)) {
                        run++;
                    }
                    path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
                    x += run - 1;
                }
            }
        }
        String named = label == null ? "" : " class=\"" + escape(css) + "\" role=\"img\" aria-label=\"" + escape(label) + "\"";
        return "<svg xmlns=\"http://www.w3.org/2000/svg\"" + named + " viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** @return the code as a picture, {@code size} pixels square */
    static BufferedImage image(String text, int size) {
        BitMatrix m = matrix(text, size);
        BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        return img;
    }
}
