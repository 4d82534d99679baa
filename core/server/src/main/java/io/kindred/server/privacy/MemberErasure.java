package io.kindred.server.privacy;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.events.Events;
import io.kindred.api.privacy.PersonalData;
import io.kindred.api.users.Role;
import io.kindred.server.audit.AuditLog;
import io.kindred.server.ui.UiRegistry;
import io.kindred.server.users.MemberIds;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes a member's account (注销) the way the books allow: in one transaction the core and every started plugin
 * erase or pseudonymise what identifies the person, while ledger entries, purchases and redemptions stay, anonymous,
 * so every balance and invariant still holds. The member is signed out everywhere and can no longer sign in. The
 * uploaded pictures go after the commit, the write-ahead log is emptied into the database file (whose freed pages
 * SQLite zeroes), {@code member.erased} is published once and the operator's act is audited. Asking again re-runs
 * every part (after a plugin that was off is on again) and changes nothing else.
 */
public final class MemberErasure {

    private static final Logger log = LoggerFactory.getLogger(MemberErasure.class);

    /** What an erasure did. */
    public record Erasure(long userId, Instant erasedAt, List<String> parts, int filesDeleted, boolean repeated) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("userId", userId);
            m.put("erasedAt", erasedAt);
            m.put("parts", parts);
            m.put("filesDeleted", filesDeleted);
            m.put("repeated", repeated);
            return m;
        }
    }

    private final Database db;
    private final UserStore users;
    private final UiRegistry register;
    private final Events events;
    private final AuditLog audit;
    private final Clock clock;
    private final Path uploadsDir;
    private final CorePersonalData core = new CorePersonalData();

    public MemberErasure(Database db, UserStore users, UiRegistry register, Events events, AuditLog audit, Clock clock,
                         Path uploadsDir) {
        this.db = db;
        this.users = users;
        this.register = register;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.uploadsDir = uploadsDir.toAbsolutePath().normalize();
    }

    /**
     * @param actor  who erases, for the audit log (the member themself, or an operator acting on their request)
     * @param reason why, for the audit log (an operator's note of the request); may be empty
     * @throws KindredException 404 {@code user_not_found}; 409 {@code erase_refused} for a staff account
     */
    public Erasure erase(String actor, long userId, String reason) {
        long now = clock.millis();
        List<String> files = new ArrayList<>();
        List<String> parts = new ArrayList<>(List.of("core"));
        boolean repeated = db.write(h -> {
            UserRow user = users.byId(h, userId).orElseThrow(() -> MemberIds.notFound(userId));
            if (user.roles().stream().anyMatch(r -> r != Role.MEMBER)) {
                throw new KindredException(CoreError.ERASE_REFUSED,
                        "Member " + userId + " is staff: an administrator removes their staff roles first.");
            }
            boolean again = "erased".equals(user.status());
            core.erase(h, userId, core.identifiers(h, userId), now, users.cache()).forEach(f -> files.add("/uploads/" + f));
            for (UiRegistry.Owned<PersonalData> part : register.personalData()) {
                files.addAll(part.value().erase(h, userId).files());
                parts.add(part.value().section());
            }
            audit.record(h, actor, "member.erased", "user:" + userId, "Erased the personal data of member #" + userId
                    + (again ? " again" : "") + (reason == null || reason.isBlank() ? "." : ": " + reason.strip()));
            if (!again) {
                events.publish(h, "member.erased", userId, Map.of("userId", userId));
            }
            return again;
        });
        int deleted = (int) files.stream().filter(this::deleteFile).count();
        checkpoint();
        Instant erasedAt = Instant.ofEpochMilli(now);
        log.info("Erased the personal data of member #{} ({} parts, {} files deleted{}).", userId, parts.size(), deleted,
                repeated ? ", again" : "");
        return new Erasure(userId, erasedAt, parts, deleted, repeated);
    }

    /** Deletes an uploaded file given its {@code /uploads/...} address; anything outside the uploads folder is refused. */
    private boolean deleteFile(String address) {
        if (address == null || !address.startsWith("/uploads/")) {
            return false;
        }
        Path file = uploadsDir.resolve(address.substring("/uploads/".length())).normalize();
        if (!file.startsWith(uploadsDir) || file.equals(uploadsDir)) {
            return false;
        }
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the erased member's file {}: {}", address, e.toString());
            return false;
        }
    }

    /** Moves the write-ahead log into the database file and empties it, so old copies of the rows leave the disk too. */
    private void checkpoint() {
        if (db.dialect().equals("sqlite")) {
            try {
                db.read(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list());
            } catch (RuntimeException e) {
                log.warn("Could not empty the write-ahead log after an erasure (it empties at the next checkpoint): {}",
                        e.toString());
            }
        }
    }
}
