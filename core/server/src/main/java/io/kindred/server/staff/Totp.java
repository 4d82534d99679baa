package io.kindred.server.staff;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * TOTP (RFC 6238) as authenticator apps use it: SHA-1, six digits, 30-second steps. A code is accepted in its
 * step and the one before or after (clocks drift), and only in a step later than the last one accepted.
 */
public final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** @return a new secret of 160 bits, Base32 */
    static String newSecret() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return Base32.encode(b);
    }

    /** The code of a secret at an instant (what an authenticator app shows then). */
    public static String code(String base32Secret, Instant at) {
        try {
            int code = new TimeBasedOneTimePasswordGenerator(STEP, 6)
                    .generateOneTimePassword(new SecretKeySpec(Base32.decode(base32Secret), "HmacSHA1"), at);
            return String.format("%06d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param afterStep the last step accepted before; an older or equal step is refused (no replay)
     * @return the step the code belongs to, when it is right
     */
    static OptionalLong matchingStep(String base32Secret, String code, Instant now, long afterStep) {
        if (code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long step = now.getEpochSecond() / STEP.toSeconds();
        for (long s = step - 1; s <= step + 1; s++) {
            if (s > afterStep && java.security.MessageDigest.isEqual(code.getBytes(StandardCharsets.US_ASCII),
                    code(base32Secret, Instant.ofEpochSecond(s * STEP.toSeconds())).getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** The {@code otpauth://} URI an authenticator app reads from the QR code. */
    static String uri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
