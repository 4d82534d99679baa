package io.kindred.api.web;

import java.util.Objects;

/**
 * A file sent in a {@code multipart/form-data} body ({@link Exchange#file(String)}).
 *
 * @param fileName    the name the browser sent, untrusted (may be empty, may contain anything)
 * @param contentType the content type the browser sent, untrusted (may be empty)
 * @param bytes       the file's content
 */
public record UploadedFile(String fileName, String contentType, byte[] bytes) {

    public UploadedFile {
        fileName = fileName == null ? "" : fileName;
        contentType = contentType == null ? "" : contentType;
        Objects.requireNonNull(bytes, "bytes");
    }

    /** @return the size in bytes */
    public int size() {
        return bytes.length;
    }
}
