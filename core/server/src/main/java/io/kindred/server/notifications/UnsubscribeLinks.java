package io.kindred.server.notifications;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signed one-click unsubscribe links, one per member and type: {@code /notifications/unsubscribe?u=&type=&sig=} where
 * {@code sig} is the HMAC-SHA256 of {@code "<userId>:<type>"} under a secret kept in the settings table
 * ({@value #SECRET_KEY}), made on first use.
 */
public final class UnsubscribeLinks {

    static final String SECRET_KEY = "notifications.unsubscribe-secret";

    private final Database db;
    private final Clock clock;
    private volatile byte[] secret;

    public UnsubscribeLinks(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** @return the path and query of the member's link for the type */
    public String path(long userId, String type) {
        return "/notifications/unsubscribe?u=" + userId + "&type=" + type + "&sig=" + sign(userId, type);
    }

    /** @return the member the link is for; 400 {@code unsubscribe_link_invalid} when the signature does not match */
    public long verify(String user, String type, String sig) {
        try {
            long userId = Long.parseLong(user == null ? "" : user);
            if (type != null && sig != null && MessageDigest.isEqual(sign(userId, type).getBytes(StandardCharsets.US_ASCII),
                    sig.getBytes(StandardCharsets.US_ASCII))) {
                return userId;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw new KindredException(CoreError.UNSUBSCRIBE_LINK_INVALID, "This unsubscribe link is not valid.");
    }

    private String sign(long userId, String type) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((userId + ":" + type).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            s = Base64.getDecoder().decode(loadOrCreate());
            secret = s;
        }
        return s;
    }

    /** The secret from the database; the first caller on any node writes it, and every node reads the same one. */
    private String loadOrCreate() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return db.write(h -> {
            h.createUpdate("""
                            INSERT INTO settings(setting_key, setting_value, updated_at) VALUES (:k, :v, :now)
                            ON CONFLICT (setting_key) DO NOTHING""")
                    .bind("k", SECRET_KEY).bind("v", Base64.getEncoder().encodeToString(fresh)).bind("now", clock.millis())
                    .execute();
            return h.createQuery("SELECT setting_value FROM settings WHERE setting_key = :k").bind("k", SECRET_KEY)
                    .mapTo(String.class).one();
        });
    }
}
