package io.kindred.server.pages;

import io.javalin.http.UploadedFile;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.uploads.ImageType;
import io.kindred.server.users.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The site logo: stored as {@code <data>/uploads/site/<random>.<ext>} (served by {@code /uploads/...}) and
 * named by the setting {@code site.logo}. The type is decided by the file's first bytes: PNG, JPEG or WebP.
 * SVG is refused, as it can carry script; so is anything above {@link #MAX_BYTES}.
 */
final class ConsoleLogo {

    private static final Logger log = LoggerFactory.getLogger("kindred.pages");
    static final int MAX_BYTES = 500 * 1024;
    static final String KEY = "site.logo";
    private static final String URL_PREFIX = "/uploads/site/";
    private static final Set<ImageType> ACCEPTED = Set.of(ImageType.PNG, ImageType.JPEG,
            ImageType.WEBP);
    private static final SettingDefinition<String> DEF = SettingDefinition.text(KEY, "", 200, "Site logo");

    private final SiteSettings settings;
    private final Path dir;

    ConsoleLogo(SiteSettings settings, Path uploadsDir) {
        this.settings = settings;
        this.dir = uploadsDir.toAbsolutePath().normalize().resolve("site");
    }

    /** Stores the picture and makes it the logo; the previous file we stored is deleted. */
    void replace(UploadedFile file) {
        if (file == null || file.size() == 0) {
            throw new KindredException(CoreError.LOGO_MISSING, "Choose a picture first.");
        }
        if (settings.isForced(KEY)) {
            throw new KindredException(CoreError.SETTING_LOCKED, KEY + " is set by the environment and cannot be changed here.");
        }
        if (file.size() > MAX_BYTES) {
            throw new KindredException(CoreError.LOGO_TOO_LARGE, "The logo is larger than " + MAX_BYTES / 1024 + " KB.");
        }
        byte[] image;
        try (InputStream in = file.content()) {
            image = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new KindredException(CoreError.LOGO_TYPE, "The file could not be read.");
        }
        if (image.length > MAX_BYTES) {
            throw new KindredException(CoreError.LOGO_TOO_LARGE, "The logo is larger than " + MAX_BYTES / 1024 + " KB.");
        }
        ImageType type = ImageType.sniff(image).filter(ACCEPTED::contains)
                .orElseThrow(() -> new KindredException(CoreError.LOGO_TYPE, "Only PNG, JPEG or WebP pictures can be a logo."));
        String name = Tokens.secret(18) + "." + type.extension;
        ImageType.writeAtomically(dir, name, image);
        Optional<String> old = settings.raw(KEY);
        settings.save(KEY, DEF, URL_PREFIX + name);
        old.ifPresent(this::deleteStored);
    }

    /** No logo: the site name alone. */
    void remove() {
        Optional<String> old = settings.raw(KEY);
        settings.save(KEY, DEF, "");
        old.ifPresent(this::deleteStored);
    }

    /** Deletes a logo file we stored; anything else is left alone. */
    private void deleteStored(String url) {
        if (!url.startsWith(URL_PREFIX)) {
            return;
        }
        String name = url.substring(URL_PREFIX.length());
        if (!name.matches("[A-Za-z0-9_-]{1,100}\\.(png|jpg|webp)")) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(name));
        } catch (IOException e) {
            log.warn("Could not delete the old logo {}: {}", name, e.toString());
        }
    }
}
