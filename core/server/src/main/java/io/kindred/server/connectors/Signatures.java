package io.kindred.server.connectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/** The digests shops sign pushes with, and a comparison that takes the same time whatever the input. */
final class Signatures {

    private Signatures() {
    }

    /** @return base64 of HMAC-SHA256 over {@code body} keyed with the UTF-8 bytes of {@code secret} (Shopify, WooCommerce) */
    static String hmacSha256Base64(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** @return lower-case hex MD5 of the parts' UTF-8 bytes, one after the other (Youzan) */
    static String md5Hex(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] p : parts) {
                md5.update(p);
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time: a wrong signature takes as long to refuse whatever its first bytes are. */
    static boolean same(String expected, String given) {
        if (given == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(utf8(expected), utf8(given.trim()));
    }
}
