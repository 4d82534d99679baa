package io.kindred.server.users;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * "Forgot your password": a random token, sent as a link by email, lets its holder choose a new password
 * once within an hour. Only the token's hash is stored. Members imported from the brand's customer list
 * have no password at all; this is how they set their first one.
 */
public final class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger("kindred.users");

    /** How long a link works. */
    public static final Duration VALID_FOR = Duration.ofHours(1);
    /** Links one account can be sent per {@link #VALID_FOR}: enough for a lost mail, too few to flood an inbox. */
    static final int MAX_PER_WINDOW = 3;

    private final Database db;
    private final UserStore users;
    private final Sessions sessions;
    private final Mailer mailer;
    private final Clock clock;

    public PasswordResets(Database db, UserStore users, Sessions sessions, Mailer mailer, Clock clock) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.mailer = mailer;
        this.clock = clock;
    }

    /**
     * Sends a reset link to the account with this email, if there is an active one; otherwise does nothing,
     * so that the caller's answer is the same either way.
     *
     * @param email   the address typed by the visitor (already checked to be an email address)
     * @param baseUrl the site's address, e.g. {@code https://club.example.com}
     * @param compose builds the message for the member and the link (their language, the site's name)
     */
    public void request(String email, String baseUrl, BiFunction<UserRow, String, Mailer.Mail> compose) {
        Optional<UserRow> user = users.byEmail(Accounts.normaliseEmail(email)).filter(u -> u.status().equals("active"));
        if (user.isEmpty()) {
            return;
        }
        Optional<String> token = issue(user.get().id());
        if (token.isEmpty()) {
            log.info("Password reset for {} not sent: {} links were already sent in the last hour",
                    user.get().email(), MAX_PER_WINDOW);
            return;
        }
        String link = baseUrl + "/reset?token=" + token.get();
        if (mailer.configured()) {
            mailer.sendLater(compose.apply(user.get(), link));
        } else {
            log.info("Password reset link for {} (no SMTP configured): {}", user.get().email(), link);
        }
    }

    /**
     * Sends an imported (password-less) member a one-time link to claim their record: the same tokens, limit
     * and expiry as a reset, a link to {@code /claim/email}. Redeeming it with {@link #reset} sets the first
     * password, which proves the email and makes the record the member's.
     *
     * @return whether a link was sent (false: {@link #MAX_PER_WINDOW} links went out in the last hour)
     */
    public boolean requestClaim(UserRow user, String baseUrl, BiFunction<UserRow, String, Mailer.Mail> compose) {
        Optional<String> token = issue(user.id());
        if (token.isEmpty()) {
            log.info("Claim link for {} not sent: {} links were already sent in the last hour", user.email(), MAX_PER_WINDOW);
            return false;
        }
        String link = baseUrl + "/claim/email?token=" + token.get();
        if (mailer.configured()) {
            mailer.sendLater(compose.apply(user, link));
        } else {
            log.info("Claim link for {} (no SMTP configured): {}", user.email(), link);
        }
        return true;
    }

    /** Stores a new token for the member, unless they already got {@link #MAX_PER_WINDOW} in the window. */
    Optional<String> issue(long userId) {
        String token = Tokens.secret(32);
        long now = clock.millis();
        return db.write(h -> {
            int recent = h.createQuery("""
                            SELECT COUNT(*) FROM password_resets WHERE user_id = :user AND created_at > :since""")
                    .bind("user", userId).bind("since", now - VALID_FOR.toMillis()).mapTo(Integer.class).one();
            if (recent >= MAX_PER_WINDOW) {
                return Optional.empty();
            }
            h.createUpdate("""
                            INSERT INTO password_resets(token_hash, user_id, created_at, expires_at)
                            VALUES (:hash, :user, :now, :expires)""")
                    .bind("hash", Tokens.hash(token)).bind("user", userId).bind("now", now)
                    .bind("expires", now + VALID_FOR.toMillis()).execute();
            return Optional.of(token);
        });
    }

    /** @return whether the token can still be redeemed (unused, not expired, its member active) */
    public boolean isValid(String token) {
        if (!wellFormed(token)) {
            return false;
        }
        return db.read(h -> h.createQuery("""
                        SELECT COUNT(*) FROM password_resets r JOIN users u ON u.id = r.user_id
                         WHERE r.token_hash = :hash AND r.used_at IS NULL AND r.expires_at > :now AND u.status = 'active'""")
                .bind("hash", Tokens.hash(token)).bind("now", clock.millis()).mapTo(Integer.class).one() > 0);
    }

    /**
     * Sets a new password with a token and uses the token up, along with every other open link of the
     * member; signs the member out everywhere.
     *
     * @throws KindredException {@code invalid_field} for a password that is too short or long (the token
     *                          stays valid), {@code reset_link_invalid} for a used, expired or unknown token
     */
    public UserRow reset(String token, String newPassword) {
        String hash = Passwords.hash(Accounts.checkPassword(newPassword));
        if (!wellFormed(token)) {
            throw invalidLink();
        }
        long now = clock.millis();
        UserRow user = db.write(h -> {
            Optional<Long> userId = h.createQuery("""
                            UPDATE password_resets SET used_at = :now
                             WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                            RETURNING user_id""")
                    .bind("hash", Tokens.hash(token)).bind("now", now).mapTo(Long.class).findOne();
            UserRow u = userId.flatMap(id -> users.byId(h, id)).filter(r -> r.status().equals("active"))
                    .orElseThrow(PasswordResets::invalidLink);
            users.cache().forgetUser(h, u.id());
            h.createUpdate("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                    .bind("hash", hash).bind("now", now).bind("id", u.id()).execute();
            h.createUpdate("UPDATE password_resets SET used_at = :now WHERE user_id = :id AND used_at IS NULL")
                    .bind("now", now).bind("id", u.id()).execute();
            return u;
        });
        sessions.closeAllOf(user.id());
        log.info("Password of {} was reset through an emailed link; their sessions were closed", user.email());
        return user;
    }

    /** Forgets links that ended more than a day ago. */
    public int purgeExpired() {
        long cutoff = clock.millis() - Duration.ofDays(1).toMillis();
        return db.write(h -> h.createUpdate("DELETE FROM password_resets WHERE expires_at < :cutoff")
                .bind("cutoff", cutoff).execute());
    }

    private static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{20,100}");
    }

    private static KindredException invalidLink() {
        return new KindredException(CoreError.RESET_LINK_INVALID,
                "This password reset link was already used, has expired or is not valid.");
    }
}
