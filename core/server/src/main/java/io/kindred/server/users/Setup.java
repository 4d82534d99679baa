package io.kindred.server.users;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.users.Role;
import io.kindred.server.config.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The first administrator: created from {@code KINDRED_ADMIN_EMAIL} and {@code KINDRED_ADMIN_PASSWORD} when
 * set, otherwise claimed at {@code /setup} with a one-time token printed to the log.
 */
public final class Setup {

    private static final Logger log = LoggerFactory.getLogger("kindred");

    private final Database db;
    private final UserStore users;
    private final Accounts accounts;
    private final Clock clock;

    public Setup(Database db, UserStore users, Accounts accounts, Clock clock) {
        this.db = db;
        this.users = users;
        this.accounts = accounts;
        this.clock = clock;
    }

    public boolean hasAdmin() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM user_roles WHERE role = 'admin'").mapTo(Long.class).one()) > 0;
    }

    /**
     * {@link #bootstrap} on a thread of its own (the first hash on a cold JIT takes seconds): start-up opens the port
     * meanwhile. A failure is logged; Kindred runs on without that administrator.
     */
    public CompletableFuture<Void> bootstrapInBackground(Optional<String> email, Optional<String> password, String baseUrl) {
        return CompletableFuture.runAsync(() -> {
            try {
                bootstrap(email, password, baseUrl);
            } catch (RuntimeException e) {
                log.error("The administrator from KINDRED_ADMIN_EMAIL could not be created: {}", e.getMessage(), e);
            }
        }, work -> {
            Thread t = new Thread(work, "kindred-setup");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Runs at start-up: makes sure there is an administrator or a way to create one. */
    public void bootstrap(Optional<String> email, Optional<String> password, String baseUrl) {
        if (hasAdmin()) {
            return;
        }
        if (email.isPresent() && password.isPresent()) {
            Optional<UserRow> existing = users.byEmail(email.get());
            if (existing.isPresent()) {
                db.write(h -> {
                    EnumSet<Role> roles = EnumSet.copyOf(existing.get().roles());
                    roles.add(Role.ADMIN);
                    users.setRoles(h, existing.get().id(), roles);
                    return null;
                });
                accounts.changePassword(existing.get().id(), password.get());
            } else {
                accounts.register(email.get(), password.get(), "Administrator", null, "setup", Role.ADMIN);
            }
            log.info("Administrator {} created from KINDRED_ADMIN_EMAIL", email.get().trim().toLowerCase());
            return;
        }
        String token = Tokens.code(6) + "-" + Tokens.code(6);
        db.write(h -> {
            h.execute("DELETE FROM setup_tokens WHERE used_at IS NULL");
            return h.createUpdate("INSERT INTO setup_tokens(token_hash, created_at) VALUES (:hash, :now)")
                    .bind("hash", Tokens.hash(token)).bind("now", clock.millis()).execute();
        });
        log.warn("No administrator yet: open {}/setup and enter the one-time setup token {}", baseUrl, token);
    }

    /** Claims the setup token and creates the first administrator. */
    public UserRow claim(String token, String email, String password, String displayName) {
        if (hasAdmin()) {
            throw new KindredException(CoreError.SETUP_DONE, "Kindred already has an administrator; sign in instead.");
        }
        if (token == null || token.isBlank()) {
            throw KindredException.missingField("token");
        }
        String hash = Tokens.hash(token.trim().toUpperCase());
        int claimed = db.write(h -> h.createUpdate("UPDATE setup_tokens SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
                .bind("now", clock.millis()).bind("hash", hash).execute());
        if (claimed == 0) {
            throw new KindredException(CoreError.INVALID_SETUP_TOKEN, "The setup token is wrong or was already used; see the server log.");
        }
        try {
            return accounts.register(email, password, displayName == null || displayName.isBlank() ? "Administrator" : displayName,
                    null, "setup", Role.ADMIN);
        } catch (KindredException e) {
            db.write(h -> h.createUpdate("UPDATE setup_tokens SET used_at = NULL WHERE token_hash = :hash").bind("hash", hash).execute());
            throw e;
        }
    }
}
