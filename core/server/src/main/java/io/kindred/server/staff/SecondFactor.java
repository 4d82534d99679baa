package io.kindred.server.staff;

import io.kindred.server.users.CredentialThrottle;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.crypto.Vault;
import io.kindred.api.db.Database;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;
import io.kindred.server.audit.AuditLog;
import io.kindred.server.config.SiteSettings;
import io.kindred.server.users.Passwords;
import io.kindred.server.users.Sessions;
import io.kindred.server.users.Tokens;
import io.kindred.server.users.UserRow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The TOTP second factor: set-up (a secret shown once as a QR code and as text, confirmed with a first code),
 * recovery codes (ten, shown once, stored as password hashes, each usable once), the check at sign-in, and
 * turning it off (password and code). Any account may turn it on; {@value #REQUIRED} requires it of staff.
 */
public final class SecondFactor {

    /** The setting that requires TOTP of every operator and administrator. */
    public static final String REQUIRED = "security.staff-totp-required";
    static final int RECOVERY_CODES = 10;

    /** What the account page and {@code GET /api/v1/me/second-factor} show. */
    public record Status(boolean on, int recoveryCodesLeft, boolean required) {
    }

    /** A set-up just started: the secret as text and the URI its QR code holds. */
    public record Enrolment(String secret, String uri) {
    }

    private final Database db;
    private final TotpStore store = new TotpStore();
    private final Vault vault;
    private final SiteSettings settings;
    private final CredentialThrottle throttle;
    private final Sessions sessions;
    private final Clock clock;
    private final AuditLog audit;

    public SecondFactor(Database db, Vault vault, SiteSettings settings, CredentialThrottle throttle, Sessions sessions,
                        Clock clock, AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.vault = vault;
        this.settings = settings;
        this.throttle = throttle;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** True when the member must give a TOTP code after the password. */
    public boolean isOn(long userId) {
        return db.read(h -> store.factor(h, userId)).filter(TotpStore.Factor::on).isPresent();
    }

    /** True when the setting requires TOTP of this member (an operator or administrator). */
    public boolean requiredFor(Member m) {
        return m.hasRole(Role.OPERATOR) && settings.boolValue(REQUIRED, false);
    }

    public Status status(Member m) {
        boolean on = isOn(m.id());
        int left = on ? db.read(h -> store.unusedRecoveryCodes(h, m.id())).size() : 0;
        return new Status(on, left, requiredFor(m));
    }

    /** Starts a set-up (again): a new secret, not in force until {@link #confirm} accepts a first code. */
    public Enrolment start(UserRow user) {
        if (isOn(user.id())) {
            throw new KindredException(SecurityError.TOTP_ALREADY_ON, "TOTP is on already; turn it off first to set it up again.");
        }
        String secret = Totp.newSecret();
        db.write(h -> {
            store.start(h, user.id(), vault.seal(secret), clock.millis());
            return null;
        });
        return enrolment(user, secret);
    }

    /** The set-up started and not confirmed yet, e.g. to show its QR code again. */
    public Optional<Enrolment> pendingEnrolment(UserRow user) {
        return db.read(h -> store.factor(h, user.id())).filter(f -> !f.on())
                .map(f -> enrolment(user, vault.open(f.sealedSecret())));
    }

    private Enrolment enrolment(UserRow user, String secret) {
        String account = user.email() != null ? user.email() : user.displayName();
        return new Enrolment(secret, Totp.uri(settings.siteName(), account, secret));
    }

    /**
     * Confirms the set-up with a first code: TOTP is on from now, every other session of the member ends, and
     * the recovery codes are returned (the only time they are shown).
     *
     * @param keptSessionId the public id of the session that stays signed in
     */
    public List<String> confirm(long userId, String code, String address, String keptSessionId) {
        TotpStore.Factor f = db.read(h -> store.factor(h, userId)).orElseThrow(() ->
                new KindredException(SecurityError.TOTP_NOT_ON, "Start the TOTP set-up first."));
        if (f.on()) {
            throw new KindredException(SecurityError.TOTP_ALREADY_ON, "TOTP is on already.");
        }
        String account = "totp:" + userId;
        CredentialThrottle.Attempt attempt = throttle.check(CredentialThrottle.Kind.TOTP, account, address);
        OptionalLong step = Totp.matchingStep(vault.open(f.sealedSecret()), normalise(code), clock.instant(), 0);
        if (step.isEmpty()) {
            throw new KindredException(SecurityError.INVALID_TOTP_CODE, "The code is wrong or expired: type the code the app shows now.");
        }
        attempt.succeeded();
        List<String> codes = recoveryCodes();
        List<String> hashes = codes.stream().map(c -> Passwords.hash(c.replace("-", ""))).toList();
        db.write(h -> {
            store.confirm(h, userId, step.getAsLong(), clock.millis());
            store.replaceRecoveryCodes(h, userId, hashes, clock.millis());
            audit.record(h, "user:" + userId, "security.totp.on", "user:" + userId, "Two-step sign-in turned on.");
            return null;
        });
        if (keptSessionId != null) {
            sessions.closeOthers(userId, keptSessionId);
        }
        return codes;
    }

    /** Replaces the recovery codes (e.g. when few are left) after a code; returns the new ones, shown this once. */
    public List<String> renewRecoveryCodes(long userId, String code, String address) {
        if (!isOn(userId)) {
            throw new KindredException(SecurityError.TOTP_NOT_ON, "TOTP is not on.");
        }
        verify(userId, code, address);
        List<String> codes = recoveryCodes();
        List<String> hashes = codes.stream().map(c -> Passwords.hash(c.replace("-", ""))).toList();
        db.write(h -> {
            store.replaceRecoveryCodes(h, userId, hashes, clock.millis());
            audit.record(h, "user:" + userId, "security.recovery-codes.renewed", "user:" + userId,
                    "New recovery codes; the old ones no longer work.");
            return null;
        });
        return codes;
    }

    private static List<String> recoveryCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String c = Tokens.code(10);
            codes.add(c.substring(0, 5) + "-" + c.substring(5));
        }
        return codes;
    }

    /**
     * Checks a TOTP code or an unused recovery code of a member whose TOTP is on; an accepted code is used up.
     *
     * @throws KindredException 401 {@code invalid_totp_code}, or 429 {@code too_many_attempts} while throttled
     */
    public void verify(long userId, String code, String address) {
        String account = "totp:" + userId;
        CredentialThrottle.Attempt attempt = throttle.check(CredentialThrottle.Kind.TOTP, account, address);
        if (!accepts(userId, normalise(code))) {
            throw new KindredException(SecurityError.INVALID_TOTP_CODE, "The code is wrong, expired or used already.");
        }
        attempt.succeeded();
    }

    private boolean accepts(long userId, String code) {
        Optional<TotpStore.Factor> f = db.read(h -> store.factor(h, userId)).filter(TotpStore.Factor::on);
        if (f.isEmpty() || code.isEmpty()) {
            return false;
        }
        if (code.matches("\\d{6}")) {
            OptionalLong step = Totp.matchingStep(vault.open(f.get().sealedSecret()), code, clock.instant(), f.get().lastStep());
            return step.isPresent() && db.write(h -> store.useStep(h, userId, step.getAsLong()));
        }
        String recovery = code.replace("-", "");
        if (!recovery.matches("[A-Z0-9]{10}")) {
            return false;
        }
        for (TotpStore.RecoveryCode r : db.read(h -> store.unusedRecoveryCodes(h, userId))) {
            if (Passwords.matches(recovery, r.hash())) {
                return db.write(h -> {
                    boolean used = store.useRecoveryCode(h, r.id(), clock.millis());
                    if (used) {
                        audit.record(h, "user:" + userId, "security.recovery-code.used", "user:" + userId,
                                "A recovery code was used in place of a TOTP code.");
                    }
                    return used;
                });
            }
        }
        return false;
    }

    /** Turns TOTP off; needs the password and a code, and is refused while the setting requires it of staff. */
    public void disable(UserRow user, String password, String code, String address) {
        if (!isOn(user.id())) {
            throw new KindredException(SecurityError.TOTP_NOT_ON, "TOTP is not on.");
        }
        if (requiredFor(user.toMember())) {
            throw new KindredException(SecurityError.TOTP_REQUIRED, "This site requires TOTP of operators and administrators.");
        }
        CredentialThrottle.Attempt attempt = throttle.check(CredentialThrottle.Kind.PASSWORD,
                CredentialThrottle.accountOf(user), address);
        if (password == null || !Passwords.matches(password, user.passwordHash())) {
            throw new KindredException(CoreError.INVALID_CREDENTIALS, "The password is wrong.");
        }
        attempt.succeeded();
        verify(user.id(), code, address);
        db.write(h -> {
            store.remove(h, user.id());
            audit.record(h, "user:" + user.id(), "security.totp.off", "user:" + user.id(), "Two-step sign-in turned off.");
            return null;
        });
    }

    /**
     * Removes a member's TOTP and recovery codes for them (a lost phone) and ends their sessions; they sign in
     * with the password again and, where it is required, set TOTP up anew.
     *
     * @param actor who asked, for the audit log
     */
    public void reset(long userId, String actor) {
        db.write(h -> {
            store.remove(h, userId);
            audit.record(h, actor, "security.totp.reset", "user:" + userId,
                    "Two-step sign-in removed by an administrator; the member's sessions ended.");
            return null;
        });
        sessions.closeAllOf(userId);
    }

    private static String normalise(String code) {
        return code == null ? "" : code.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
