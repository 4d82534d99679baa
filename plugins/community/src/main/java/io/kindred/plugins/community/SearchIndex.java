package io.kindred.plugins.community;

import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.List;

/**
 * Full-text search of posts: title, body text and tags. On SQLite an FTS5 table with the trigram tokenizer
 * (words are found inside Chinese text too; a word of one or two characters is looked up by a scan of the same
 * table); on PostgreSQL a GIN index on a tsvector. The posts service keeps it in step, in its transactions.
 */
final class SearchIndex {

    private final String dialect;

    SearchIndex(String dialect) {
        this.dialect = dialect;
    }

    void put(Handle h, long postId, String title, String text, List<String> tags) {
        remove(h, postId);
        h.createUpdate("INSERT INTO community_search(rowid, title, body, tags) VALUES (:id, :title, :body, :tags)")
                .bind("id", postId).bind("title", title).bind("body", text).bind("tags", String.join(" ", tags)).execute();
    }

    void remove(Handle h, long postId) {
        h.createUpdate("DELETE FROM community_search WHERE rowid = :id").bind("id", postId).execute();
    }

    /**
     * Takes posts out of the index for good (a member's erasure): on SQLite the FTS5 table is then optimized, which
     * merges its segments so that no token of the removed text stays behind in the index.
     */
    void purge(Handle h, List<Long> postIds) {
        for (long id : postIds) {
            remove(h, id);
        }
        if (!postIds.isEmpty() && !dialect.equals("postgresql")) {
            h.execute("INSERT INTO community_search(community_search) VALUES ('optimize')");
        }
    }

    /** @return ids of published posts matching every word of {@code query}, best match first */
    List<Long> search(Handle h, String query, int offset, int limit) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        return dialect.equals("postgresql") ? postgres(h, words, offset, limit) : sqlite(h, words, offset, limit);
    }

    private List<Long> sqlite(Handle h, List<String> words, int offset, int limit) {
        List<String> match = new ArrayList<>();
        List<String> scan = new ArrayList<>();
        for (String w : words) {
            (w.codePointCount(0, w.length()) >= 3 ? match : scan).add(w);
        }
        StringBuilder sql = new StringBuilder("""
                SELECT s.rowid FROM community_search s JOIN community_posts p ON p.id = s.rowid
                WHERE p.status = 'published'""");
        if (!match.isEmpty()) {
            sql.append(" AND community_search MATCH :match");
        }
        for (int i = 0; i < scan.size(); i++) {
            sql.append(" AND (s.title LIKE :w").append(i).append(" OR s.body LIKE :w").append(i)
                    .append(" OR s.tags LIKE :w").append(i).append(")");
        }
        sql.append(match.isEmpty() ? " ORDER BY p.id DESC" : " ORDER BY s.rank, p.id DESC");
        sql.append(" LIMIT :limit OFFSET :offset");
        var q = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
        if (!match.isEmpty()) {
            // each word quoted: what members type is never FTS5 syntax
            q.bind("match", String.join(" ", match.stream().map(w -> "\"" + w.replace("\"", "\"\"") + "\"").toList()));
        }
        for (int i = 0; i < scan.size(); i++) {
            q.bind("w" + i, "%" + scan.get(i).replace("%", "").replace("_", "") + "%");
        }
        return q.mapTo(Long.class).list();
    }

    private List<Long> postgres(Handle h, List<String> words, int offset, int limit) {
        return h.createQuery("""
                        SELECT s.rowid FROM community_search s JOIN community_posts p ON p.id = s.rowid
                        WHERE p.status = 'published'
                          AND to_tsvector('simple', s.title || ' ' || s.body || ' ' || s.tags) @@ plainto_tsquery('simple', :q)
                        ORDER BY p.id DESC LIMIT :limit OFFSET :offset""")
                .bind("q", String.join(" ", words)).bind("limit", limit).bind("offset", offset).mapTo(Long.class).list();
    }

    private static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        for (String w : (query == null ? "" : query).strip().split("\\s+")) {
            if (!w.isBlank() && words.size() < 8) {
                words.add(w.length() > 60 ? w.substring(0, 60) : w);
            }
        }
        return words;
    }
}
