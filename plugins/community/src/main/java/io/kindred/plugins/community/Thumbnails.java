package io.kindred.plugins.community;

import io.kindred.api.KindredException;
import io.kindred.api.web.UploadedFile;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * Makes the small picture a list shows for a post's image: at most {@link #WIDTH} pixels wide, JPEG (PNG when
 * the picture has transparency). The size is read from the header before any pixel is decoded, so a small file
 * that claims a huge picture is refused instead of filling the memory.
 */
final class Thumbnails {

    static final int WIDTH = 480;
    static final long MAX_PIXELS = 40_000_000L;

    private Thumbnails() {
    }

    /**
     * @param file an uploaded picture that the core's image store accepted
     * @return its thumbnail, or empty when Java cannot decode the format (WebP): the original is shown then
     */
    static Optional<UploadedFile> of(UploadedFile file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file.bytes()))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw KindredException.invalidField("The picture is too large: at most 40 megapixels.");
                }
                return Optional.of(scale(reader.read(0), file.fileName()));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof KindredException k) {
                throw k;
            }
            throw new KindredException(io.kindred.api.CoreError.IMAGE_TYPE, "The picture could not be read.");
        }
    }

    private static UploadedFile scale(BufferedImage source, String name) throws IOException {
        int w = Math.min(WIDTH, source.getWidth());
        int h = Math.max(1, (int) Math.round(source.getHeight() * (w / (double) source.getWidth())));
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage thumb = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String format = alpha ? "png" : "jpg";
        ImageIO.write(thumb, format, out);
        return new UploadedFile("thumb-" + name + "." + format, alpha ? "image/png" : "image/jpeg", out.toByteArray());
    }
}
