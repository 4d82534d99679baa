package io.kindred.server.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * The picture types accepted in uploads (avatars, the site logo, plugins' images), decided by the file's
 * signature, never by its name or the content type the browser sent.
 */
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

    /**
     * Writes {@code bytes} to {@code dir/name} through a temporary file and an atomic move, so that a reader
     * never sees half a picture.
     */
    public static void writeAtomically(Path dir, String name, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store an upload in " + dir, e);
        }
    }
}
