package io.kindred.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body, as a browser sends a form with a file.
 *
 * <pre>{@code
 * Multipart body = new Multipart().field("_csrf", token).file("jar", "badges-1.0.0.jar", Files.readAllBytes(jar));
 * admin.raw("POST", "/api/v1/admin/plugins", body.contentType(), body.bytes());
 * }</pre>
 */
public final class Multipart {

    private final String boundary = "----kindred" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** @return a body of text fields, then one file read from disk */
    public static Multipart of(java.util.Map<String, String> fields, String fileField, java.nio.file.Path file) {
        Multipart m = new Multipart();
        fields.forEach(m::field);
        try {
            return m.file(fileField, file.getFileName().toString(), java.nio.file.Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Adds a text field. */
    public Multipart field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    /** Adds a file field. */
    public Multipart file(String name, String fileName, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(content);
        write("\r\n");
        return this;
    }

    /** @return the header value, with the boundary */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** @return the body, closed */
    public byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(out.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    private void write(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
