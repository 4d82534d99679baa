package io.kindred.plugins.distribution;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.kindred.api.PluginContext;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A member's invite code and link ({@code /signup?ref=CODE}) and its QR code, drawn with ZXing. */
final class InviteLinks {

    private final PluginContext ctx;

    InviteLinks(PluginContext ctx) {
        this.ctx = ctx;
    }

    /** @return the member's invite code: the core's referral code, the same for life */
    String codeOf(long userId) {
        return ctx.members().referralCode(userId).orElseThrow();
    }

    String link(String siteUrl, String code) {
        return siteUrl + "/signup?ref=" + code;
    }

    /** @return the QR code of {@code text}, black on white with a quiet zone, {@code size} pixels square */
    static BufferedImage qr(String text, int size) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            return img;
        } catch (WriterException e) {
            throw new IllegalStateException("an invite link is always short enough for a QR code", e);
        }
    }

    /**
     * Runs picture work (Java2D, fonts, ImageIO) with the system class loader as the thread's context loader, so that
     * no JDK thread or cache set up on first use keeps this plugin's loader (the host also sets ImageIO up itself
     * before plugins start; see the design's notes on unloading plugins).
     */
    static <T> T drawing(java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** @return the picture as PNG bytes, buffered in memory (ImageIO's default file cache is not used) */
    static byte[] png(BufferedImage img) {
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
