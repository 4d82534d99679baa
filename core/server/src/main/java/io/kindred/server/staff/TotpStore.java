package io.kindred.server.staff;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/** The SQL of TOTP factors and recovery codes (tables of core migration V18). */
final class TotpStore {

    /** A member's TOTP factor; {@code sealedSecret} is sealed with the vault, {@code confirmedAt} null until set up. */
    record Factor(long userId, String sealedSecret, Long confirmedAt, long lastStep) {
        boolean on() {
            return confirmedAt != null;
        }
    }

    /** An unused recovery code's row. */
    record RecoveryCode(long id, String hash) {
    }

    Optional<Factor> factor(Handle h, long userId) {
        return h.createQuery("SELECT user_id, secret, confirmed_at, last_step FROM totp_factors WHERE user_id = :u")
                .bind("u", userId)
                .map((rs, c) -> new Factor(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getLong(4)))
                .findOne();
    }

    /** Starts (or starts again) a set-up that is not confirmed yet. */
    void start(Handle h, long userId, String sealedSecret, long now) {
        h.createUpdate("DELETE FROM totp_factors WHERE user_id = :u").bind("u", userId).execute();
        h.createUpdate("""
                        INSERT INTO totp_factors(user_id, secret, created_at, confirmed_at, last_step)
                        VALUES (:u, :secret, :now, NULL, 0)""")
                .bind("u", userId).bind("secret", sealedSecret).bind("now", now).execute();
    }

    void confirm(Handle h, long userId, long step, long now) {
        h.createUpdate("UPDATE totp_factors SET confirmed_at = :now, last_step = :step WHERE user_id = :u")
                .bind("u", userId).bind("step", step).bind("now", now).execute();
    }

    /** Records the step of an accepted code; false when another request used this step (or a later one) first. */
    boolean useStep(Handle h, long userId, long step) {
        return h.createUpdate("UPDATE totp_factors SET last_step = :step WHERE user_id = :u AND last_step < :step")
                .bind("u", userId).bind("step", step).execute() == 1;
    }

    void remove(Handle h, long userId) {
        h.createUpdate("DELETE FROM totp_factors WHERE user_id = :u").bind("u", userId).execute();
        h.createUpdate("DELETE FROM recovery_codes WHERE user_id = :u").bind("u", userId).execute();
    }

    void replaceRecoveryCodes(Handle h, long userId, List<String> hashes, long now) {
        h.createUpdate("DELETE FROM recovery_codes WHERE user_id = :u").bind("u", userId).execute();
        for (String hash : hashes) {
            h.createUpdate("INSERT INTO recovery_codes(user_id, code_hash, created_at) VALUES (:u, :hash, :now)")
                    .bind("u", userId).bind("hash", hash).bind("now", now).execute();
        }
    }

    List<RecoveryCode> unusedRecoveryCodes(Handle h, long userId) {
        return h.createQuery("SELECT id, code_hash FROM recovery_codes WHERE user_id = :u AND used_at IS NULL ORDER BY id")
                .bind("u", userId).map((rs, c) -> new RecoveryCode(rs.getLong(1), rs.getString(2))).list();
    }

    /** Marks a recovery code used; false when it was used meanwhile. */
    boolean useRecoveryCode(Handle h, long id, long now) {
        return h.createUpdate("UPDATE recovery_codes SET used_at = :now WHERE id = :id AND used_at IS NULL")
                .bind("id", id).bind("now", now).execute() == 1;
    }
}
