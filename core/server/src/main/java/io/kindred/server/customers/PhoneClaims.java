package io.kindred.server.customers;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.Services;
import io.kindred.api.db.Database;
import io.kindred.api.sms.SmsSender;
import io.kindred.server.users.Accounts;
import io.kindred.server.users.Passwords;
import io.kindred.server.users.Tokens;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * An imported phone-only customer claims their record: they ask for a one-time code, sent by SMS through
 * the {@link SmsSender} a plugin offers (the log sender otherwise), type it with a password of their own, and
 * the record — history, points, tier, labels — is theirs. A code has six digits, works once, for
 * {@link #VALID_FOR} and {@link #MAX_ATTEMPTS} tries; a phone gets at most {@link #MAX_PER_WINDOW} codes per
 * {@link #WINDOW}. Only a salted hash of phone and code is stored. Asking for a code answers the same whether
 * or not the phone belongs to a claimable record.
 */
public final class PhoneClaims {

    private static final Logger log = LoggerFactory.getLogger("kindred.customers");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How long a code works. */
    public static final Duration VALID_FOR = Duration.ofMinutes(10);
    /** Wrong tries before a code stops working. */
    public static final int MAX_ATTEMPTS = 5;
    /** Codes one phone can be sent per {@link #WINDOW}. */
    public static final int MAX_PER_WINDOW = 3;
    public static final Duration WINDOW = Duration.ofHours(1);

    private final Database db;
    private final UserStore users;
    private final Services services;
    private final SmsSender fallback = new LogSmsSender();
    private final Clock clock;

    public PhoneClaims(Database db, UserStore users, Services services, Clock clock) {
        this.db = db;
        this.users = users;
        this.services = services;
        this.clock = clock;
    }

    /**
     * Sends a code to the phone if it belongs to an active member without a password.
     *
     * @param text builds the message from the code and the minutes it works, in the visitor's language
     * @throws KindredException 429 {@code too_many_attempts} after {@link #MAX_PER_WINDOW} codes in the window,
     *                          503 {@code sms_not_sent} when the SMS sender failed
     */
    public void request(String phone, BiFunction<String, Long, String> text) {
        String p = Accounts.normalisePhone(phone == null || phone.isBlank() ? missing() : phone);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        String salt = Tokens.secret(12);
        long now = clock.millis();
        boolean claimable = db.write(h -> {
            int recent = h.createQuery("SELECT COUNT(*) FROM phone_claim_codes WHERE phone = :p AND created_at > :since")
                    .bind("p", p).bind("since", now - WINDOW.toMillis()).mapTo(Integer.class).one();
            if (recent >= MAX_PER_WINDOW) {
                throw new KindredException(CoreError.TOO_MANY_ATTEMPTS,
                        "Too many codes were asked for this phone. Wait an hour and try again.");
            }
            // A row for every request, claimable or not: the limit then tells nobody whether the phone is known.
            h.createUpdate("""
                            INSERT INTO phone_claim_codes(phone, salt, code_hash, created_at, expires_at)
                            VALUES (:p, :salt, :hash, :now, :expires)""")
                    .bind("p", p).bind("salt", salt).bind("hash", hash(salt, p, code)).bind("now", now)
                    .bind("expires", now + VALID_FOR.toMillis()).execute();
            return claimable(users.byPhone(h, p)).isPresent();
        });
        if (!claimable) {
            return;
        }
        SmsSender sender = services.find(SmsSender.class).orElse(fallback);
        try {
            sender.send(p, text.apply(code, VALID_FOR.toMinutes()));
        } catch (RuntimeException e) {
            log.warn("The SMS sender failed to send a claim code to {}: {}", p, e.toString());
            throw new KindredException(CoreError.SMS_NOT_SENT, "The text message could not be sent. Try again in a few minutes.");
        }
    }

    /**
     * Checks the code and, when it is right, gives the record a password and hands it over.
     *
     * @throws KindredException 400 {@code invalid_field} for a password that is too short or long (the code
     *                          stays valid), 400 {@code claim_code_invalid} for a wrong, used, expired or
     *                          too often tried code
     */
    public UserRow confirm(String phone, String code, String password) {
        String p = Accounts.normalisePhone(phone == null || phone.isBlank() ? missing() : phone);
        String passwordHash = Passwords.hash(Accounts.checkPassword(password));
        String c = code == null ? "" : code.strip();
        long now = clock.millis();
        Optional<UserRow> claimed = db.write(h -> {
            Optional<long[]> open = h.createQuery("""
                            SELECT id, attempts FROM phone_claim_codes
                             WHERE phone = :p AND used_at IS NULL AND expires_at > :now
                             ORDER BY id DESC LIMIT 1""")
                    .bind("p", p).bind("now", now).map((rs, x) -> new long[]{rs.getLong(1), rs.getLong(2)}).findOne();
            if (open.isEmpty() || open.get()[1] >= MAX_ATTEMPTS) {
                return Optional.<UserRow>empty();
            }
            long id = open.get()[0];
            boolean right = c.matches("\\d{6}") && h.createQuery("SELECT salt, code_hash FROM phone_claim_codes WHERE id = :id")
                    .bind("id", id).map((rs, x) -> hash(rs.getString(1), p, c).equals(rs.getString(2))).one();
            if (!right) {
                h.createUpdate("UPDATE phone_claim_codes SET attempts = attempts + 1 WHERE id = :id").bind("id", id).execute();
                return Optional.<UserRow>empty();
            }
            h.createUpdate("UPDATE phone_claim_codes SET used_at = :now WHERE phone = :p AND used_at IS NULL")
                    .bind("now", now).bind("p", p).execute();
            Optional<UserRow> user = claimable(users.byPhone(h, p));
            user.ifPresent(u -> {
                users.cache().forgetUser(h, u.id());
                h.createUpdate("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                        .bind("hash", passwordHash).bind("now", now).bind("id", u.id()).execute();
            });
            return user;
        });
        UserRow user = claimed.orElseThrow(() -> new KindredException(CoreError.CLAIM_CODE_INVALID,
                "The code is wrong, was used, has expired or was tried too often. Ask for a new code."));
        log.info("Member {} claimed their record with a code sent to {}", user.id(), p);
        return user;
    }

    /** Forgets codes that ended more than a day ago. */
    public int purgeExpired() {
        long cutoff = clock.millis() - Duration.ofDays(1).toMillis();
        return db.write(h -> h.createUpdate("DELETE FROM phone_claim_codes WHERE expires_at < :cutoff")
                .bind("cutoff", cutoff).execute());
    }

    /** @return the member if they can still claim the record: active, without a password */
    static Optional<UserRow> claimable(Optional<UserRow> user) {
        return user.filter(u -> u.status().equals("active") && u.passwordHash() == null);
    }

    private static String hash(String salt, String phone, String code) {
        return Tokens.hash(salt + ":" + phone + ":" + code);
    }

    private static String missing() {
        throw KindredException.missingField("phone");
    }
}
