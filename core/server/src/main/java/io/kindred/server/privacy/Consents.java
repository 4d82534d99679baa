package io.kindred.server.privacy;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which version of the terms and of the privacy notice each member accepted, when, and how (sign-up page, an app
 * through the API, an operator's import, a claimed customer record, a later version accepted on the site). Rows are
 * only added: a member's consent history stays complete.
 */
public final class Consents {

    /** One consent given. */
    public record Consent(String document, int version, String source, Instant givenAt) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("document", document);
            m.put("version", version);
            m.put("source", source);
            m.put("givenAt", givenAt);
            return m;
        }
    }

    private final Database db;
    private final LegalTexts texts;
    private final Clock clock;

    public Consents(Database db, LegalTexts texts, Clock clock) {
        this.db = db;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * Records that the member accepts the current version of both documents, in the caller's transaction.
     *
     * @param seen the versions the client showed ({@code terms}, {@code privacy}); empty when it does not say
     * @throws KindredException 409 {@code consent_outdated} when a version seen is not the current one
     */
    public void record(Handle h, long userId, String source, Map<String, Integer> seen) {
        for (String doc : LegalTexts.DOCUMENTS) {
            int version = texts.version(h, doc);
            Integer shown = seen.get(doc);
            if (shown != null && shown != version) {
                throw new KindredException(CoreError.CONSENT_OUTDATED, "The " + (doc.equals("terms") ? "terms" : "privacy notice")
                        + " changed: version " + version + " is current, version " + shown + " was shown.");
            }
            h.createUpdate("""
                            INSERT INTO consents(user_id, document, version, source, given_at) VALUES (:u, :d, :v, :s, :at)""")
                    .bind("u", userId).bind("d", doc).bind("v", version).bind("s", source).bind("at", clock.millis()).execute();
        }
    }

    /** @return the versions of the terms and the privacy notice a member accepts now */
    public Map<String, Integer> currentVersions() {
        return texts.versions();
    }

    /**
     * Records, in its own transaction, that the member accepts the current versions (on the site, later).
     *
     * @param seen the versions the client showed; empty when it does not say
     */
    public void accept(long userId, Map<String, Integer> seen) {
        db.write(h -> {
            record(h, userId, "accepted", seen);
            return null;
        });
    }

    /** @return the member's consents, newest first */
    public List<Consent> history(long userId) {
        return db.read(h -> of(h, userId));
    }

    /** @return the member's consents, newest first */
    public List<Consent> of(Handle h, long userId) {
        return h.createQuery("""
                        SELECT document, version, source, given_at FROM consents WHERE user_id = :u ORDER BY id DESC""")
                .bind("u", userId)
                .map((rs, c) -> new Consent(rs.getString("document"), rs.getInt("version"), rs.getString("source"),
                        Instant.ofEpochMilli(rs.getLong("given_at"))))
                .list();
    }

    /** @return how many members (not erased) accepted the current version of a document, and how many there are */
    public long[] acceptance(String document) {
        return db.read(h -> {
            int current = texts.version(h, document);
            long accepted = h.createQuery("""
                            SELECT COUNT(DISTINCT c.user_id) FROM consents c JOIN users u ON u.id = c.user_id
                             WHERE c.document = :d AND c.version >= :v AND u.status = 'active'""")
                    .bind("d", document).bind("v", current).mapTo(Long.class).one();
            long members = h.createQuery("SELECT COUNT(*) FROM users WHERE status = 'active'").mapTo(Long.class).one();
            return new long[]{accepted, members};
        });
    }

    /** @return whether the member has accepted the current version of both documents */
    public boolean upToDate(long userId) {
        return db.read(h -> {
            for (String doc : LegalTexts.DOCUMENTS) {
                int current = texts.version(h, doc);
                int given = h.createQuery("SELECT COALESCE(MAX(version), -1) FROM consents WHERE user_id = :u AND document = :d")
                        .bind("u", userId).bind("d", doc).mapTo(Integer.class).one();
                if (given < current) {
                    return false;
                }
            }
            return true;
        });
    }
}
