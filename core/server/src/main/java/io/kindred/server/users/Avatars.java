package io.kindred.server.users;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.server.uploads.ImageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Members' pictures, stored as {@code <data>/uploads/avatars/<random>.<ext>} and served by
 * {@code /uploads/...}. The type is decided by the file's first bytes (PNG, JPEG, GIF, WebP), never by
 * the name or the content type the browser sent, so a script or an SVG cannot pass for a picture.
 */
public final class Avatars {

    private static final Logger log = LoggerFactory.getLogger("kindred.users");

    /** The largest picture accepted. */
    public static final int MAX_BYTES = 800 * 1024;
    static final String URL_PREFIX = "/uploads/avatars/";

    private final Accounts accounts;
    private final UserStore users;
    private final Path dir;

    public Avatars(Accounts accounts, UserStore users, Path uploadsDir) {
        this.accounts = accounts;
        this.users = users;
        this.dir = uploadsDir.toAbsolutePath().normalize().resolve("avatars");
    }

    /**
     * Makes {@code image} the member's avatar and deletes their previous one.
     *
     * @return the avatar's path, {@code /uploads/avatars/<random>.<ext>}
     * @throws KindredException {@code avatar_too_large} or {@code avatar_type} (code for the page to translate)
     */
    public String replace(long userId, byte[] image) {
        if (image.length > MAX_BYTES) {
            throw new KindredException(CoreError.AVATAR_TOO_LARGE, "The picture is larger than " + MAX_BYTES / 1024 + " KB.");
        }
        ImageType type = ImageType.sniff(image).orElseThrow(() -> new KindredException(CoreError.AVATAR_TYPE,
                "Only PNG, JPEG, GIF or WebP pictures can be used."));
        Optional<String> old = users.byId(userId).map(UserRow::avatar);
        String name = Tokens.secret(18) + "." + type.extension;
        Path file = dir.resolve(name);
        ImageType.writeAtomically(dir, name, image);
        String url = URL_PREFIX + name;
        try {
            accounts.updateProfile(userId, new Accounts.ProfileChange(null, url, null, null, null, null));
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        old.ifPresent(this::deleteStored);
        return url;
    }

    /** Clears the member's avatar and deletes its file. */
    public void remove(long userId) {
        Optional<String> old = users.byId(userId).map(UserRow::avatar);
        accounts.updateProfile(userId, new Accounts.ProfileChange(null, "", null, null, null, null));
        old.ifPresent(this::deleteStored);
    }

    /** Deletes a file we stored, given its URL; anything else (a path outside avatars/) is left alone. */
    private void deleteStored(String url) {
        if (url == null || !url.startsWith(URL_PREFIX)) {
            return;
        }
        String name = url.substring(URL_PREFIX.length());
        if (!name.matches("[A-Za-z0-9_-]{1,100}\\.(png|jpg|gif|webp)")) {
            return;
        }
        deleteQuietly(dir.resolve(name));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the old avatar {}: {}", file, e.toString());
        }
    }
}
