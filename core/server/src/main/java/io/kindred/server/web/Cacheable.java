package io.kindred.server.web;

import io.javalin.http.Context;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How static responses are cached. Every one carries a strong {@code ETag} of its bytes, so a browser revalidating
 * it gets {@code 304 Not Modified} (Javalin answers that when {@code If-None-Match} matches). A file whose URL names
 * the hash of its bytes ({@code kindred.3f2a9c1b0d.css}) never changes and is kept a year ({@link #IMMUTABLE}).
 */
public final class Cacheable {

    /** For fingerprinted and versioned URLs: the bytes behind them never change. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** For plain URLs whose bytes change with the site's settings: revalidated (cheaply, by ETag) on every use. */
    public static final String REVALIDATE = "no-cache";

    private static final Pattern FINGERPRINTED = Pattern.compile("(.+)\\.([0-9a-f]{10})(\\.[A-Za-z0-9]{1,8})?");

    /** A fingerprinted name taken apart: the plain name and the hash it claims. */
    public record Fingerprint(String plainName, String hash) {
    }

    private Cacheable() {
    }

    /** @return the first 10 hex digits of the bytes' SHA-256 */
    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return {@code css/site.css} with hash {@code 3f2a9c1b0d} as {@code css/site.3f2a9c1b0d.css} */
    public static String fingerprinted(String path, String hash) {
        int dot = path.lastIndexOf('.');
        int slash = path.lastIndexOf('/');
        return dot > slash + 1 ? path.substring(0, dot) + "." + hash + path.substring(dot) : path + "." + hash;
    }

    /** @return the plain name and hash of a fingerprinted name, empty for a plain one */
    public static Optional<Fingerprint> parse(String path) {
        Matcher m = FINGERPRINTED.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Fingerprint(m.group(1) + (m.group(3) == null ? "" : m.group(3)), m.group(2)));
    }

    /** Answers with the bytes, their type, the cache policy and their ETag (304 when the browser has them). */
    public static void send(Context ctx, String contentType, String cacheControl, byte[] bytes) {
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", "\"" + hash(bytes) + "\"");
        ctx.contentType(contentType).result(bytes);
    }
}
