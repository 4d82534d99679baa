package io.kindred.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, one request per connection, so a test can tell a complete answer from a
 * half one: an HTTP client library would retry, pool or hide exactly what is being checked.
 */
final class RawHttp {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");
    private static final Pattern CHUNKED = Pattern.compile("(?im)^transfer-encoding:\\s*chunked\\s*$");

    /** How a request ended. */
    enum Kind {
        /** status line, headers and the whole body */
        COMPLETE,
        /** no connection */
        REFUSED,
        /** connected, then closed before one byte of an answer: fine if the request was not carried out */
        DROPPED,
        /** some of an answer, then the end */
        PARTIAL
    }

    /** One request's fate; {@code status} is 0 unless an answer began. */
    record Outcome(Kind kind, int status, String idempotencyKey, String detail) {
    }

    private RawHttp() {
    }

    /** Sends one request to 127.0.0.1 with {@code Connection: close} and reads until the server closes. */
    static Outcome send(int port, String method, String path, String bearer, String idempotencyKey, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n")
                .append("Accept: application/json\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (idempotencyKey != null) {
            head.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
        }
        if (json != null) {
            head.append("Content-Type: application/json\r\n").append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");

        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (ConnectException e) {
            return new Outcome(Kind.REFUSED, 0, idempotencyKey, method + " " + path + ": " + e);
        } catch (IOException e) {
            if (answer.size() == 0) {
                return new Outcome(Kind.DROPPED, 0, idempotencyKey, method + " " + path + ": " + e);
            }
            return judge(answer.toByteArray(), idempotencyKey, method + " " + path + ": " + e);
        }
        if (answer.size() == 0) {
            return new Outcome(Kind.DROPPED, 0, idempotencyKey, method + " " + path + ": closed without an answer");
        }
        return judge(answer.toByteArray(), idempotencyKey, method + " " + path);
    }

    private static Outcome judge(byte[] bytes, String idempotencyKey, String what) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int endOfHead = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || endOfHead < 0 || text.length() < 12) {
            return new Outcome(Kind.PARTIAL, 0, idempotencyKey, what + ": " + text);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        String head = text.substring(0, endOfHead).toLowerCase(Locale.ROOT);
        int bodyLength = bytes.length - endOfHead - 4;
        Matcher length = CONTENT_LENGTH.matcher(head);
        boolean complete;
        if (length.find()) {
            complete = bodyLength == Integer.parseInt(length.group(1));
        } else if (CHUNKED.matcher(head).find()) {
            complete = text.endsWith("\r\n0\r\n\r\n") || bodyLength == 5 && text.endsWith("0\r\n\r\n");
        } else {
            // Delimited by the end of the connection: our endpoints answer JSON objects.
            complete = text.stripTrailing().endsWith("}");
        }
        return new Outcome(complete ? Kind.COMPLETE : Kind.PARTIAL, status, idempotencyKey,
                complete && status < 500 ? what : what + ": " + text);
    }
}
