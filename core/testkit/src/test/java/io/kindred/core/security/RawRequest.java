package io.kindred.core.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte by byte on a socket: what an HTTP client refuses to send (a {@code Host}
 * header of the caller's choosing, bytes in a path that are not UTF-8) is exactly what these tests send.
 */
record RawRequest(int status, Map<String, String> headers, String body) {

    /** @param head request line and headers, without the blank line; {@code Connection: close} is added */
    static RawRequest send(int port, String head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(head.getBytes(StandardCharsets.ISO_8859_1));
            request.write(("\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            request.write(body);
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, split).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new RawRequest(Integer.parseInt(lines[0].split(" ")[1]), headers, answer.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param path the raw path, bytes as ISO-8859-1 chars (so {@code "\u00ff"} is the byte 0xFF) */
    static RawRequest send(int port, String method, String path, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1");
        headers.forEach((k, v) -> head.append("\r\n").append(k).append(": ").append(v));
        return send(port, head.toString(), body);
    }
}
