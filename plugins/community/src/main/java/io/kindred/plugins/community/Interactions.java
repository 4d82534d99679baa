package io.kindred.plugins.community;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.notifications.Channel;
import io.kindred.api.notifications.NotificationType;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;

import java.util.List;
import java.util.Map;

/**
 * What members do to posts: comment and reply (one level), like and unlike posts and comments (one like per
 * member, exact counts under any concurrency), bookmark, share. The post's author hears of comments and likes,
 * a comment's author of replies.
 */
final class Interactions {

    static final NotificationType COMMENTED = NotificationType.of("community.comment");
    static final NotificationType REPLIED = NotificationType.of("community.reply");
    static final NotificationType LIKED = NotificationType.of("community.like").channels(Channel.IN_SITE);
    static final int MAX_COMMENT = 2_000;

    /** A comment with its author line. */
    record View(Comment comment, Authors.Author author) {
        Map<String, Object> json() {
            Map<String, Object> m = new java.util.LinkedHashMap<>(comment.json());
            m.put("author", author.json());
            return m;
        }
    }

    private final PluginContext ctx;
    private final PostStore posts;
    private final CommentStore comments;
    private final Posts writer;
    private final Authors authors;
    private final Mentions mentions;
    private final PostingGate gate;

    Interactions(PluginContext ctx, PostStore posts, CommentStore comments, Posts writer, Authors authors,
                 Mentions mentions, PostingGate gate) {
        this.ctx = ctx;
        this.posts = posts;
        this.comments = comments;
        this.writer = writer;
        this.authors = authors;
        this.mentions = mentions;
        this.gate = gate;
    }

    View comment(Member m, long postId, Long parentId, String text) {
        if (text == null) {
            throw KindredException.missingField("body");
        }
        String body = text.strip();
        if (body.isEmpty() || body.length() > MAX_COMMENT) {
            throw KindredException.invalidField("A comment is 1 to " + MAX_COMMENT + " characters.");
        }
        Post post = writer.visible(postId);
        gate.check(m, PostingGate.Act.COMMENT, new PostingGate.Content(body, Posts.links(body), 0));
        long now = ctx.clock().millis();
        Comment saved = ctx.db().write(h -> {
            gate.recheck(h, m, PostingGate.Act.COMMENT);
            Comment parent = parentId == null ? null : comments.find(h, parentId)
                    .filter(c -> c.postId() == postId && c.status() == Post.Status.PUBLISHED)
                    .orElseThrow(() -> new KindredException(CommunityError.COMMENT_NOT_FOUND, "No such comment on this post."));
            if (parent != null && parent.parentId() != null) {
                throw new KindredException(CommunityError.REPLY_DEPTH, "Reply to the comment, not to a reply.");
            }
            long id = comments.insert(h, postId, parentId, m.id(), body, Markdown.toHtml(body), now);
            posts.bump(h, postId, "comment_count", 1);
            String link = "/community/posts/" + postId + "#c" + id;
            Map<String, Object> params = Map.of("name", m.displayName(), "title", post.title());
            if (post.userId() != m.id()) {
                ctx.notifications().send(h, post.userId(), COMMENTED.code(), params, link, "community:comment:" + id);
            }
            if (parent != null && parent.userId() != m.id() && parent.userId() != post.userId()) {
                ctx.notifications().send(h, parent.userId(), REPLIED.code(), params, link, "community:reply:" + id);
            }
            mentions.notify(h, m, postId, post.title(), body);
            ctx.events().publish(h, "comment.created", m.id(), Map.of("commentId", id, "postId", postId));
            return comments.find(h, id).orElseThrow();
        });
        return new View(saved, authors.of(m.id()));
    }

    /** @return the post's published comments, oldest first */
    List<View> comments(long postId, long after, int limit) {
        writer.visible(postId);
        List<Comment> list = ctx.db().read(h -> comments.ofPost(h, postId, after, limit));
        Map<Long, Authors.Author> byId = authors.of(list.stream().map(Comment::userId).toList());
        return list.stream().map(c -> new View(c, byId.get(c.userId()))).toList();
    }

    Comment findComment(long id) {
        return ctx.db().read(h -> comments.find(h, id))
                .orElseThrow(() -> new KindredException(CommunityError.COMMENT_NOT_FOUND, "No such comment."));
    }

    void deleteComment(Member who, long commentId) {
        Comment c = findComment(commentId);
        if (c.status() != Post.Status.PUBLISHED) {
            throw new KindredException(CommunityError.COMMENT_NOT_FOUND, "No such comment.");
        }
        if (c.userId() != who.id() && !who.hasRole(Role.OPERATOR)) {
            throw new KindredException(CommunityError.NOT_AUTHOR, "Only the author may delete this comment.");
        }
        setCommentStatus(commentId, Post.Status.DELETED);
    }

    /** @return whether it changed; the post's comment count follows what is shown */
    boolean setCommentStatus(long commentId, Post.Status status) {
        Comment c = findComment(commentId);
        return ctx.db().write(h -> setCommentStatus(h, c, status));
    }

    /** The same in the caller's write transaction (moderation audits the act in it). */
    boolean setCommentStatus(org.jdbi.v3.core.Handle h, Comment c, Post.Status status) {
        boolean changed = comments.setStatus(h, c.id(), status);
        if (changed && (c.status() == Post.Status.PUBLISHED || status == Post.Status.PUBLISHED)) {
            posts.bump(h, c.postId(), "comment_count", status == Post.Status.PUBLISHED ? 1 : -1);
        }
        return changed;
    }

    /** @return the post's like count after the like (a repeat changes nothing) */
    long like(Member m, long postId) {
        Post post = writer.visible(postId);
        gate.check(m, PostingGate.Act.LIKE, PostingGate.Content.NONE);
        return ctx.db().write(h -> {
            if (posts.like(h, postId, m.id(), ctx.clock().millis()) && post.userId() != m.id()) {
                ctx.notifications().send(h, post.userId(), LIKED.code(), Map.of("name", m.displayName(), "title", post.title()),
                        "/community/posts/" + postId, "community:like:" + postId + ":" + m.id());
            }
            return posts.find(h, postId).orElseThrow().likeCount();
        });
    }

    long unlike(Member m, long postId) {
        writer.visible(postId);
        return ctx.db().write(h -> {
            posts.unlike(h, postId, m.id());
            return posts.find(h, postId).orElseThrow().likeCount();
        });
    }

    long likeComment(Member m, long commentId, boolean like) {
        Comment c = findComment(commentId);
        writer.visible(c.postId());
        if (c.status() != Post.Status.PUBLISHED) {
            throw new KindredException(CommunityError.COMMENT_NOT_FOUND, "No such comment.");
        }
        if (like) {
            gate.check(m, PostingGate.Act.LIKE, PostingGate.Content.NONE);
        }
        return ctx.db().write(h -> {
            if (like) {
                comments.like(h, commentId, m.id(), ctx.clock().millis());
            } else {
                comments.unlike(h, commentId, m.id());
            }
            return comments.find(h, commentId).orElseThrow().likeCount();
        });
    }

    boolean bookmark(Member m, long postId, boolean on) {
        writer.visible(postId);
        return ctx.db().write(h -> on ? posts.bookmark(h, postId, m.id(), ctx.clock().millis())
                : posts.unbookmark(h, postId, m.id()));
    }

    /** Counts a share (once per member and post, for the hot score) and emits {@code post.shared}. */
    void share(Member m, long postId) {
        writer.visible(postId);
        ctx.db().write(h -> {
            if (posts.share(h, postId, m.id(), ctx.clock().millis())) {
                ctx.events().publish(h, "post.shared", m.id(), Map.of("postId", postId, "userId", m.id()));
            }
            return null;
        });
    }
}
