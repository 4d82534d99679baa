package io.kindred.server.users;

import io.kindred.api.db.Database;

import java.time.Clock;

/** The SQL of {@code member_uploads}: which stored file (by the name the server gave it) is which member's. */
final class MemberUploads {

    private final Database db;
    private final Clock clock;

    MemberUploads(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void add(String folder, String name, long userId) {
        db.write(h -> h.createUpdate("""
                        INSERT INTO member_uploads(name, folder, user_id, created_at) VALUES (:name, :folder, :user, :now)""")
                .bind("name", name).bind("folder", folder).bind("user", userId).bind("now", clock.millis()).execute());
    }

    boolean isOwnedBy(String folder, String name, long userId) {
        return db.read(h -> h.createQuery("""
                        SELECT COUNT(*) FROM member_uploads WHERE name = :name AND folder = :folder AND user_id = :user""")
                .bind("name", name).bind("folder", folder).bind("user", userId).mapTo(Long.class).one()) > 0;
    }

    /** @return whether the row was the member's and is gone (then, and only then, may the file go too) */
    boolean removeOwned(String folder, String name, long userId) {
        return db.write(h -> h.createUpdate("""
                        DELETE FROM member_uploads WHERE name = :name AND folder = :folder AND user_id = :user""")
                .bind("name", name).bind("folder", folder).bind("user", userId).execute()) > 0;
    }
}
