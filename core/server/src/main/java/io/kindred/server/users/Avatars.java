package io.kindred.server.users;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.server.uploads.ImageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Members' pictures, stored as {@code <data>/uploads/avatars/<random>.<ext>} and served by
 * {@code /uploads/...}. The type is decided by the file's first bytes (PNG, JPEG, GIF, WebP), never by
 * the name or the content type the browser sent, so a script or an SVG cannot pass for a picture. Each stored
 * file is recorded as the uploading member's ({@code member_uploads}); a profile may name only its own member's
 * file, by the name the server gave it (the upload id), never a path from the client, and removing or replacing
 * an avatar deletes only a file recorded as that member's.
 */
public final class Avatars {

    private static final Logger log = LoggerFactory.getLogger("kindred.users");

    /** The largest picture accepted. */
    public static final int MAX_BYTES = 800 * 1024;
    static final String FOLDER = "avatars";
    static final String URL_PREFIX = "/uploads/avatars/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}\\.(png|jpg|gif|webp)");

    private final Accounts accounts;
    private final UserStore users;
    private final MemberUploads uploads;
    private final Path dir;

    public Avatars(Accounts accounts, UserStore users, Database db, Clock clock, Path uploadsDir) {
        this.accounts = accounts;
        this.users = users;
        this.uploads = new MemberUploads(db, clock);
        this.dir = uploadsDir.toAbsolutePath().normalize().resolve(FOLDER);
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
        String name = Tokens.secret(18) + "." + type.extension;
        ImageType.writeAtomically(dir, name, image);
        try {
            uploads.add(FOLDER, name, userId);
            return use(userId, name);
        } catch (RuntimeException e) {
            deleteQuietly(dir.resolve(name));
            throw e;
        }
    }

    /**
     * Points the member's profile at one of their own uploads, or clears it.
     *
     * @param value the upload id ({@code <random>.<ext>}) or its path {@code /uploads/avatars/<random>.<ext>};
     *              empty to remove the avatar
     * @return the avatar's path, or null when removed
     * @throws KindredException 400 {@code avatar_not_yours} for anything but an upload of this member's
     */
    public String choose(long userId, String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            remove(userId);
            return null;
        }
        String name = v.startsWith(URL_PREFIX) ? v.substring(URL_PREFIX.length()) : v;
        if (!NAME.matcher(name).matches() || !uploads.isOwnedBy(FOLDER, name, userId)) {
            throw new KindredException(CoreError.AVATAR_NOT_YOURS,
                    "The avatar must be a picture you uploaded (PUT /api/v1/me/avatar), named by its id.");
        }
        return use(userId, name);
    }

    /** Clears the member's avatar and deletes its file. */
    public void remove(long userId) {
        Optional<String> old = users.byId(userId).map(UserRow::avatar);
        accounts.updateProfile(userId, new Accounts.ProfileChange(null, "", null, null, null, null));
        old.ifPresent(url -> deleteOwn(userId, url));
    }

    private String use(long userId, String name) {
        Optional<String> old = users.byId(userId).map(UserRow::avatar);
        String url = URL_PREFIX + name;
        accounts.updateProfile(userId, new Accounts.ProfileChange(null, url, null, null, null, null));
        old.filter(o -> !o.equals(url)).ifPresent(o -> deleteOwn(userId, o));
        return url;
    }

    /** Deletes a file we stored for this member, given its URL; anything else (another's, a path) is left alone. */
    private void deleteOwn(long userId, String url) {
        if (url == null || !url.startsWith(URL_PREFIX)) {
            return;
        }
        String name = url.substring(URL_PREFIX.length());
        if (NAME.matcher(name).matches() && uploads.removeOwned(FOLDER, name, userId)) {
            deleteQuietly(dir.resolve(name));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the old avatar {}: {}", file, e.toString());
        }
    }
}
