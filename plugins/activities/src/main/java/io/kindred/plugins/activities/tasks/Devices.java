package io.kindred.plugins.activities.tasks;

import io.kindred.api.web.Exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/** Who opens a share link: a cookie id of the task centre's own, and a hash of IP and user agent (never stored raw). */
final class Devices {

    static final String COOKIE = "kindred_tv";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Devices() {
    }

    /** @return the SHA-256 of the client's IP and user agent, in hex */
    static String hash(Exchange x) {
        String text = x.clientIp() + "|" + x.header("User-Agent").orElse("");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the visitor's cookie id, set now for a year when the browser has none */
    static String cookieId(Exchange x) {
        return x.cookie(COOKIE).filter(v -> v.matches("[0-9a-f]{32}")).orElseGet(() -> {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            x.cookie(COOKIE, id, Duration.ofDays(365));
            return id;
        });
    }
}
