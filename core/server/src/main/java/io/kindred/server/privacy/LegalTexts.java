package io.kindred.server.privacy;

import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import org.jdbi.v3.core.Handle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The terms of service (用户协议) and the privacy notice (隐私政策), in published versions: the operator publishes a new
 * version from the console, never edits one in place, so a member's consent always names the exact text they saw.
 * A fresh site starts with version 1 of each, from templates the operator is asked to adapt.
 */
public final class LegalTexts {

    /** The two documents a member consents to. */
    public static final List<String> DOCUMENTS = List.of("terms", "privacy");
    /** The languages a text is written in; English is the fallback. */
    public static final List<String> LOCALES = List.of("en", "zh-CN");
    private static final int MAX_CHARS = 100_000;

    /** One published text. */
    public record Text(String document, int version, String locale, String body, String publishedBy, Instant publishedAt) {

        /** @return the body cut into paragraphs at blank lines, for the page */
        public List<String> paragraphs() {
            return java.util.Arrays.stream(body.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        }
    }

    private final Database db;
    private final Clock clock;
    private final io.kindred.server.audit.AuditLog audit;

    public LegalTexts(Database db, Clock clock, io.kindred.server.audit.AuditLog audit) {
        this.db = db;
        this.clock = clock;
        this.audit = audit;
    }

    /** Publishes version 1 of each document from the bundled templates when the site has none yet. */
    public void seedDefaults() {
        db.write(h -> {
            for (String doc : DOCUMENTS) {
                if (version(h, doc) == 0) {
                    Map<String, String> bodies = new LinkedHashMap<>();
                    LOCALES.forEach(l -> bodies.put(l, template(doc, l)));
                    insert(h, doc, 1, bodies, "Kindred (default text)");
                }
            }
            return null;
        });
    }

    /** @return the current version of a document, 0 when none is published */
    public int version(Handle h, String document) {
        return h.createQuery("SELECT COALESCE(MAX(version), 0) FROM legal_texts WHERE document = :d")
                .bind("d", document).mapTo(Integer.class).one();
    }

    /** @return the current version of each document */
    public Map<String, Integer> versions() {
        return db.read(h -> {
            Map<String, Integer> m = new LinkedHashMap<>();
            DOCUMENTS.forEach(d -> m.put(d, version(h, d)));
            return m;
        });
    }

    /** @return the current text of a document in the reader's language, else in English, else in any language */
    public Optional<Text> current(String document, Locale locale) {
        String wanted = locale.getLanguage().equals("zh") ? "zh-CN" : "en";
        return db.read(h -> h.createQuery("""
                        SELECT document, version, locale, body, published_by, published_at FROM legal_texts
                         WHERE document = :d AND version = (SELECT MAX(version) FROM legal_texts WHERE document = :d)
                         ORDER BY CASE locale WHEN :wanted THEN 0 WHEN 'en' THEN 1 ELSE 2 END LIMIT 1""")
                .bind("d", document).bind("wanted", wanted).map(LegalTexts::text).findOne());
    }

    /** @return every published version of a document in one language, newest first */
    public List<Text> history(String document, String locale) {
        return db.read(h -> h.createQuery("""
                        SELECT document, version, locale, body, published_by, published_at FROM legal_texts
                         WHERE document = :d AND locale = :l ORDER BY version DESC""")
                .bind("d", document).bind("l", locale).map(LegalTexts::text).list());
    }

    /**
     * Publishes a new version of a document.
     *
     * @param bodies the text per language ({@link #LOCALES}); English is required
     * @return the new version
     * @throws KindredException 400 {@code invalid_field} for an unknown document or language, a missing English text
     *                          or one longer than 100,000 characters
     */
    public int publish(String actor, String document, Map<String, String> bodies) {
        if (!DOCUMENTS.contains(document)) {
            throw KindredException.invalidField("The document is terms or privacy.");
        }
        Map<String, String> clean = new LinkedHashMap<>();
        bodies.forEach((locale, body) -> {
            if (!LOCALES.contains(locale)) {
                throw KindredException.invalidField("A text's language is en or zh-CN.");
            }
            if (body != null && !body.isBlank()) {
                if (body.length() > MAX_CHARS) {
                    throw KindredException.invalidField("A text has at most 100,000 characters.");
                }
                clean.put(locale, body.strip());
            }
        });
        if (!clean.containsKey("en")) {
            throw KindredException.missingField("en");
        }
        return db.write(h -> {
            int version = version(h, document) + 1;
            insert(h, document, version, clean, actor);
            audit.record(h, actor, "legal.published", "legal:" + document, "Published version " + version + " of the "
                    + (document.equals("terms") ? "terms" : "privacy notice") + ".", String.valueOf(version - 1), String.valueOf(version));
            return version;
        });
    }

    private void insert(Handle h, String document, int version, Map<String, String> bodies, String actor) {
        bodies.forEach((locale, body) -> h.createUpdate("""
                        INSERT INTO legal_texts(document, version, locale, body, published_by, published_at)
                        VALUES (:d, :v, :l, :b, :by, :at)""")
                .bind("d", document).bind("v", version).bind("l", locale).bind("b", body).bind("by", actor)
                .bind("at", clock.millis()).execute());
    }

    private static Text text(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c) throws java.sql.SQLException {
        return new Text(rs.getString("document"), rs.getInt("version"), rs.getString("locale"), rs.getString("body"),
                rs.getString("published_by"), Instant.ofEpochMilli(rs.getLong("published_at")));
    }

    private static String template(String document, String locale) {
        String name = "/legal/" + document + "_" + locale.replace('-', '_') + ".txt";
        try (InputStream in = LegalTexts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
