package io.kindred.server.users;

import io.kindred.api.KindredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
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

    /** The image types accepted, by their signature. */
    public enum ImageType {
        PNG("png"), JPEG("jpg"), GIF("gif"), WEBP("webp");

        public final String extension;

        ImageType(String extension) {
            this.extension = extension;
        }

        /** @return the type whose signature {@code head} starts with */
        public static Optional<ImageType> sniff(byte[] head) {
            if (startsWith(head, 0, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
                return Optional.of(PNG);
            }
            if (startsWith(head, 0, new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
                return Optional.of(JPEG);
            }
            if (startsWith(head, 0, "GIF87a".getBytes()) || startsWith(head, 0, "GIF89a".getBytes())) {
                return Optional.of(GIF);
            }
            if (startsWith(head, 0, "RIFF".getBytes()) && startsWith(head, 8, "WEBP".getBytes())) {
                return Optional.of(WEBP);
            }
            return Optional.empty();
        }

        private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
            return data.length >= offset + prefix.length
                    && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
        }
    }

    /**
     * Makes {@code image} the member's avatar and deletes their previous one.
     *
     * @return the avatar's path, {@code /uploads/avatars/<random>.<ext>}
     * @throws KindredException {@code avatar_too_large} or {@code avatar_type} (code for the page to translate)
     */
    public String replace(long userId, byte[] image) {
        if (image.length > MAX_BYTES) {
            throw new KindredException(413, "avatar_too_large", "The picture is larger than " + MAX_BYTES / 1024 + " KB.");
        }
        ImageType type = ImageType.sniff(image).orElseThrow(() -> new KindredException(415, "avatar_type",
                "Only PNG, JPEG, GIF or WebP pictures can be used."));
        Optional<String> old = users.byId(userId).map(UserRow::avatar);
        String name = Tokens.secret(18) + "." + type.extension;
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
            try {
                Files.write(tmp, image);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store an avatar in " + dir, e);
        }
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
