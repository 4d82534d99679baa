package io.kindred.server.users;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.events.Events;
import io.kindred.api.users.Role;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Signing up, signing in and keeping a profile. */
public final class Accounts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,19}");

    private final Database db;
    private volatile java.util.concurrent.CompletableFuture<?> signInReady = java.util.concurrent.CompletableFuture.completedFuture(null);
    private final UserStore users;
    private final Events events;
    private final Clock clock;
    private final java.util.function.BooleanSupplier inviteOnly;
    private final io.kindred.server.privacy.Consents consents;

    /** A sign-up: who, through what ({@code source} of {@code user.registered}), and the consent given. */
    public record SignUp(String email, String password, String displayName, String referralCode, String source,
                         String signupIp, String consentSource, Map<String, Integer> consentSeen) {
    }

    /**
     * @param inviteOnly whether sign-up needs a valid invite code (setting {@code site.registration=invite-only});
     *                   accounts made at setup or by import never do
     * @param consents   where each new account's consent to the terms and the privacy notice is recorded
     */
    public Accounts(Database db, UserStore users, Events events, Clock clock, java.util.function.BooleanSupplier inviteOnly,
                    io.kindred.server.privacy.Consents consents) {
        this.consents = consents;
        this.db = db;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.inviteOnly = inviteOnly;
    }

    public static String normaliseEmail(String email) {
        if (email == null || email.isBlank()) {
            throw KindredException.missingField("email");
        }
        String e = email.trim().toLowerCase();
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw KindredException.invalidField("The email address is not valid.");
        }
        return e;
    }

    public static String normalisePhone(String phone) {
        String p = phone.trim();
        if (!PHONE.matcher(p).matches()) {
            throw KindredException.invalidField("The phone number is not valid.");
        }
        return p.replace(" ", "").replace("-", "");
    }

    public static String checkPassword(String password) {
        if (password == null || password.isEmpty()) {
            throw KindredException.missingField("password");
        }
        if (password.length() < 8 || password.length() > 200) {
            throw KindredException.invalidField("The password must be 8 to 200 characters long.");
        }
        return password;
    }

    public static String checkDisplayName(String name) {
        if (name == null || name.isBlank()) {
            throw KindredException.missingField("displayName");
        }
        String n = name.strip();
        if (n.codePointCount(0, n.length()) > 50) {
            throw KindredException.invalidField("The display name must be at most 50 characters.");
        }
        return n;
    }

    /** Creates a member and emits {@code user.registered}; the referral code of an inviter is carried along. */
    public UserRow register(String email, String password, String displayName, String referralCode, Role... roles) {
        return register(email, password, displayName, referralCode, "signup", roles);
    }

    /** As above, with the registration's source in {@code user.registered} ("signup", "setup", "import"). */
    public UserRow register(String email, String password, String displayName, String referralCode, String source,
                            Role... roles) {
        return register(email, password, displayName, referralCode, source, null, roles);
    }

    /** As above, with the address the sign-up came from ({@code signupIp} in {@code user.registered}, e.g. to spot mass sign-ups). */
    public UserRow register(String email, String password, String displayName, String referralCode, String source,
                            String signupIp, Role... roles) {
        return register(new SignUp(email, password, displayName, referralCode, source, signupIp, source, Map.of()), roles);
    }

    /**
     * Creates a member, records their consent to the current terms and privacy notice, and emits
     * {@code user.registered}, in one transaction.
     *
     * @throws KindredException 409 {@code consent_outdated} when the versions the client showed are not the current ones
     */
    public UserRow register(SignUp s, Role... roles) {
        String e = normaliseEmail(s.email());
        String pw = checkPassword(s.password());
        String name = checkDisplayName(s.displayName());
        String hash = Passwords.hash(pw);
        String referralCode = s.referralCode();
        return db.write(h -> {
            if (users.byEmail(h, e).isPresent()) {
                throw new KindredException(CoreError.EMAIL_TAKEN, "An account with this email already exists.");
            }
            Optional<Long> referrer = referralCode == null || referralCode.isBlank()
                    ? Optional.empty() : users.idByReferralCode(h, referralCode);
            if (referrer.isEmpty() && "signup".equals(s.source()) && inviteOnly.getAsBoolean()) {
                throw new KindredException(CoreError.REGISTRATION_CLOSED,
                        "Sign-up is by invitation only: open a member's invite link.");
            }
            String ref = referrer.isPresent() ? referralCode.trim().toUpperCase() : null;
            long id = users.insert(h, e, null, hash, name, ref, clock.millis());
            EnumSet<Role> set = EnumSet.of(Role.MEMBER);
            set.addAll(java.util.List.of(roles));
            users.setRoles(h, id, set);
            consents.record(h, id, s.consentSource(), s.consentSeen());
            publishRegistered(h, id, e, name, ref, referrer.orElse(null), s.source(), s.signupIp());
            return users.byId(h, id).orElseThrow();
        });
    }

    /** @return the versions of the terms and the privacy notice a sign-up accepts now */
    public Map<String, Integer> consentVersions() {
        return consents.currentVersions();
    }

    /** @return whether the member accepted the current versions of the terms and the privacy notice */
    public boolean consentUpToDate(long userId) {
        return consents.upToDate(userId);
    }

    /** Records, in the caller's transaction, that a customer record made by an import or a claim has the member's consent. */
    public void recordConsent(Handle h, long userId, String source) {
        consents.record(h, userId, source, Map.of());
    }

    /**
     * Creates a password-less customer record inside the caller's transaction, as an import does, and emits
     * {@code user.registered} with the given source. The caller has checked that email and phone are free.
     * The person claims it later by proving the email or the phone.
     *
     * @param name the customer's name as another system knows it; cut to 50 characters, or made up from the
     *             email or the phone's last digits when absent
     */
    public long createCustomer(Handle h, String email, String phone, String name, String source) {
        String n = name != null && !name.isBlank() ? name.strip()
                : email != null ? email.substring(0, email.indexOf('@'))
                : phone != null ? "Member " + phone.substring(Math.max(0, phone.length() - 4)) : "Member";
        if (n.codePointCount(0, n.length()) > 50) {
            n = n.substring(0, n.offsetByCodePoints(0, 50));
        }
        long id = users.insert(h, email, phone, null, n, null, clock.millis());
        publishRegistered(h, id, email, n, null, null, source);
        return id;
    }

    void publishRegistered(Handle h, long id, String email, String name, String referralCode, Long referrerId, String source) {
        publishRegistered(h, id, email, name, referralCode, referrerId, source, null);
    }

    void publishRegistered(Handle h, long id, String email, String name, String referralCode, Long referrerId, String source,
                           String signupIp) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("userId", id);
        payload.put("email", email);
        payload.put("displayName", name);
        payload.put("referralCode", referralCode);
        payload.put("referrerId", referrerId);
        payload.put("source", source);
        if (signupIp != null) {
            payload.put("signupIp", signupIp);
        }
        events.publish(h, "user.registered", id, payload);
    }

    /**
     * @return whether the member joined in the last 24 hours: the home page greets them "Welcome", not
     * "Welcome back"
     */
    public boolean isNewcomer(long userId) {
        java.time.Instant dayAgo = clock.instant().minus(java.time.Duration.ofDays(1));
        return db.read(h -> users.byId(h, userId)).map(u -> u.createdAt().isAfter(dayAgo)).orElse(false);
    }

    /** Sign-in waits (at most a minute) until the administrator from the environment is stored: see Setup. */
    public void holdSignInUntil(java.util.concurrent.CompletableFuture<?> ready) {
        this.signInReady = ready;
    }

    private void awaitSignInReady() {
        try {
            signInReady.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Setup logged its failure; sign-in answers as it would without that administrator.
        }
    }

    /** @return the member when the password is right; always spends the time of one hash check */
    public Optional<UserRow> authenticate(String email, String password) {
        awaitSignInReady();
        if (email == null || password == null || email.isBlank() || password.length() > 200) {
            Passwords.matches("x", Passwords.DUMMY);
            return Optional.empty();
        }
        Optional<UserRow> user = byEmailOrPhone(email);
        if (user.isEmpty() || user.get().passwordHash() == null || !user.get().status().equals("active")) {
            Passwords.matches(password, Passwords.DUMMY);
            return Optional.empty();
        }
        return Passwords.matches(password, user.get().passwordHash()) ? user : Optional.empty();
    }

    /** A member signs in with their email or, when they have none (a claimed phone-only customer), their phone. */
    private Optional<UserRow> byEmailOrPhone(String identifier) {
        String id = identifier.trim();
        if (id.contains("@")) {
            return users.byEmail(id);
        }
        if (!PHONE.matcher(id).matches()) {
            return Optional.empty();
        }
        String phone = normalisePhone(id);
        return db.read(h -> users.byPhone(h, phone));
    }

    public void changePassword(long userId, String newPassword) {
        String hash = Passwords.hash(checkPassword(newPassword));
        db.write(h -> {
            users.cache().forgetUser(h, userId);
            return h.createUpdate("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                    .bind("hash", hash).bind("now", clock.millis()).bind("id", userId).execute();
        });
    }

    /** Fields a member may change on their own profile; null leaves a field as it is. */
    public record ProfileChange(String displayName, String avatar, String birthday, String phone,
                                Map<String, Object> shippingAddress, String locale) {
    }

    public UserRow updateProfile(long userId, ProfileChange c) {
        Map<String, Object> set = new LinkedHashMap<>();
        if (c.displayName() != null) {
            set.put("display_name", checkDisplayName(c.displayName()));
        }
        if (c.avatar() != null) {
            String a = c.avatar().trim();
            if (!a.isEmpty() && !a.matches("/uploads/avatars/[A-Za-z0-9_-]{1,100}\\.(png|jpg|gif|webp)")) {
                throw KindredException.invalidField("The avatar must be an uploaded picture (/uploads/avatars/...).");
            }
            set.put("avatar", a.isEmpty() ? null : a);
        }
        if (c.birthday() != null) {
            String b = c.birthday().trim();
            if (!b.isEmpty()) {
                try {
                    java.time.LocalDate d = java.time.LocalDate.parse(b);
                    if (d.isAfter(java.time.LocalDate.now(clock)) || d.getYear() < 1900) {
                        throw KindredException.invalidField("The birthday must be a past date.");
                    }
                } catch (java.time.format.DateTimeParseException ex) {
                    throw KindredException.invalidField("The birthday must be a date like 1990-05-17.");
                }
            }
            set.put("birthday", b.isEmpty() ? null : b);
        }
        if (c.phone() != null) {
            set.put("phone", c.phone().isBlank() ? null : normalisePhone(c.phone()));
        }
        if (c.shippingAddress() != null) {
            set.put("shipping_address", c.shippingAddress().isEmpty() ? null : ShippingAddress.normalise(c.shippingAddress()));
        }
        if (c.locale() != null) {
            String l = c.locale().trim();
            if (!l.isEmpty() && !l.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                throw KindredException.invalidField("The language must be a tag like en or zh-CN.");
            }
            set.put("locale", l.isEmpty() ? null : l);
        }
        return db.write(h -> {
            if (set.get("phone") != null) {
                users.byPhone(h, (String) set.get("phone")).filter(u -> u.id() != userId).ifPresent(u -> {
                    throw new KindredException(CoreError.PHONE_TAKEN, "Another account uses this phone number.");
                });
            }
            if (!set.isEmpty()) {
                users.cache().forgetUser(h, userId);
                StringBuilder sql = new StringBuilder("UPDATE users SET updated_at = :now");
                set.keySet().forEach(k -> sql.append(", ").append(k).append(" = :").append(k));
                var update = h.createUpdate(sql + " WHERE id = :id").bind("now", clock.millis()).bind("id", userId);
                set.forEach(update::bind);
                update.execute();
            }
            return users.byId(h, userId).orElseThrow(() -> KindredException.notFound("No such member."));
        });
    }
}
