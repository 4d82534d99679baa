package io.kindred.plugins.community;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A post as stored, with its pictures and tags. */
record Post(long id, long userId, long categoryId, String title, String body, String bodyHtml, String excerpt, String productUrl,
            boolean official, Status status, long likeCount, long commentCount, long shareCount, double hotScore,
            Long featuredAt, boolean pinnedHome, long createdAt, long updatedAt, Long editedAt,
            List<Image> images, List<String> tags) {

    /** Where a post is in its life. */
    enum Status {
        /** shown in lists */
        PUBLISHED,
        /** taken out of every list and the API by a moderator; can be restored */
        HIDDEN,
        /** deleted by its author or an operator (kept, never shown) */
        DELETED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status parse(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** A picture of a post, with its thumbnail and the file name the member gave it. */
    record Image(String url, String thumbUrl, String name) {
        Map<String, Object> json() {
            return Map.of("url", url, "thumbUrl", thumbUrl, "name", name);
        }
    }

    Post with(List<Image> images, List<String> tags) {
        return new Post(id, userId, categoryId, title, body, bodyHtml, excerpt, productUrl, official, status, likeCount,
                commentCount, shareCount, hotScore, featuredAt, pinnedHome, createdAt, updatedAt, editedAt, images, tags);
    }

    boolean featured() {
        return featuredAt != null;
    }

    /** @return the words of {@code markdown} without mark-up, shortened for a list (stored with the post) */
    static String excerptOf(String markdown) {
        return Markdown.excerpt(Markdown.toText(markdown), 140);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("categoryId", categoryId);
        m.put("authorId", userId);
        m.put("title", title);
        m.put("body", body);
        m.put("bodyHtml", bodyHtml);
        m.put("excerpt", excerpt());
        m.put("productUrl", productUrl);
        m.put("official", official);
        m.put("images", images.stream().map(Image::json).toList());
        m.put("tags", tags);
        m.put("likes", likeCount);
        m.put("comments", commentCount);
        m.put("shares", shareCount);
        m.put("hotScore", hotScore);
        m.put("featured", featured());
        m.put("pinnedHome", pinnedHome);
        m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        m.put("editedAt", editedAt == null ? null : Instant.ofEpochMilli(editedAt).toString());
        return m;
    }
}
