package io.kindred.server.plugins;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Parts of the JDK that set themselves up once per process and keep a reference that reaches whatever class
 * loader was on the stack the first time (as Tomcat's JreMemoryLeakPreventionListener knows): the host does
 * them first, before any plugin starts, so that a plugin that uses them can still be unloaded. Today: ImageIO's
 * PNG writing (a plugin drawing QR codes or posters). Proved by the distribution plugin's {@code ClassLoaderIT}.
 */
final class JdkWarmUp {

    private static final Logger log = LoggerFactory.getLogger("kindred.plugins");

    private JdkWarmUp() {
    }

    static void run() {
        try {
            ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException | LinkageError e) {
            log.debug("ImageIO is not available here: {}", e.toString());
        }
    }
}
