package io.kindred.plugins.community;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A comment on a post ({@code parentId} null) or a reply to a comment (one level). */
record Comment(long id, long postId, Long parentId, long userId, String body, String bodyHtml, long likeCount,
               Post.Status status, long createdAt) {

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("postId", postId);
        m.put("parentId", parentId);
        m.put("authorId", userId);
        m.put("body", body);
        m.put("bodyHtml", bodyHtml);
        m.put("likes", likeCount);
        m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        return m;
    }
}
