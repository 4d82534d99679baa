package io.kindred.plugins.community;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What operators decide about a reported (or any) post or comment: hide it, restore it, delete it, or dismiss its
 * reports and keep it. Every decision closes the target's open reports, is audited and tells the author, all in one
 * transaction with the change.
 */
final class Decisions {

    /** An operator's decision on a post or comment. */
    enum Action {
        HIDE, RESTORE, DELETE, DISMISS;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Action parse(String code) {
            for (Action a : values()) {
                if (a.code().equals(code)) {
                    return a;
                }
            }
            throw KindredException.invalidField("action is one of hide, restore, delete, dismiss.");
        }

        /** @return the resolution its reports are closed with, and the audit action's suffix */
        String past() {
            return switch (this) {
                case HIDE -> "hidden";
                case RESTORE -> "restored";
                case DELETE -> "deleted";
                case DISMISS -> "dismissed";
            };
        }
    }

    /**
     * A post or comment as moderation sees it.
     *
     * @param postId the post itself, or the comment's post
     * @param title  the post's title, or the start of the comment
     */
    record Content(Report.Target target, long postId, long authorId, String title, String excerpt, Post.Status status) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>(target.json());
            m.put("postId", postId);
            m.put("authorId", authorId);
            m.put("title", title);
            m.put("excerpt", excerpt);
            m.put("status", status.code());
            return m;
        }
    }

    private final PluginContext ctx;
    private final Posts posts;
    private final Interactions interactions;
    private final ReportStore reports;

    Decisions(PluginContext ctx, Posts posts, Interactions interactions, ReportStore reports) {
        this.ctx = ctx;
        this.posts = posts;
        this.interactions = interactions;
        this.reports = reports;
    }

    /** @return the target whatever its status, or 404 */
    Content find(Report.Target t) {
        if (t.type() == Report.TargetType.POST) {
            Post p = posts.find(t.id());
            return new Content(t, p.id(), p.userId(), p.title(), p.excerpt(), p.status());
        }
        Comment c = interactions.findComment(t.id());
        String text = Markdown.excerpt(Markdown.toText(c.body()), 140);
        return new Content(t, c.postId(), c.userId(), Markdown.excerpt(text, 40), text, c.status());
    }

    /** @return a target members can see (a published post, or a published comment of one), or 404 */
    Content visible(Report.Target t) {
        Content c = find(t);
        if (c.status() != Post.Status.PUBLISHED) {
            throw notFound(t);
        }
        if (t.type() == Report.TargetType.COMMENT) {
            posts.visible(c.postId());
        }
        return c;
    }

    /** Carries out an operator's decision. @return the target after it */
    Content decide(Member operator, Report.Target t, Action action, String reason) {
        String why = Sanctions.reason(reason);
        Content before = find(t);
        Function<Handle, Boolean> change = statusChange(t, action);
        long now = ctx.clock().millis();
        ctx.db().write(h -> {
            boolean changed = change.apply(h);
            int closed = reports.resolve(h, t, action.past(), operator.id(), now);
            ctx.audit().record(h, operator, "community." + auditAction(t, action), t.ref(),
                    detail(before, action, closed) + Sanctions.sentence(why));
            if (changed) {
                notifyAuthor(h, before, action, why, now);
            }
            return null;
        });
        return find(t);
    }

    /** Hides a target that enough members reported; the report that tipped it is the act's author in the audit. */
    void autoHide(Member reporter, Report.Target t, int openReports) {
        Content before = find(t);
        if (before.status() != Post.Status.PUBLISHED) {
            return;
        }
        Function<Handle, Boolean> change = statusChange(t, Action.HIDE);
        long now = ctx.clock().millis();
        ctx.db().write(h -> {
            if (change.apply(h)) { // two last reports at once hide it once
                ctx.audit().record(h, reporter, "community." + t.type().code() + "_auto_hidden", t.ref(),
                        "Hidden automatically after " + openReports + " open reports, until an operator decides.");
                notifyAuthor(h, before, Action.HIDE, "", now);
            }
            return null;
        });
    }

    /** @return the status change an action makes (read before its transaction), true when it changed something */
    private Function<Handle, Boolean> statusChange(Report.Target t, Action action) {
        Post.Status to = switch (action) {
            case HIDE -> Post.Status.HIDDEN;
            case RESTORE -> Post.Status.PUBLISHED;
            case DELETE -> Post.Status.DELETED;
            case DISMISS -> null;
        };
        if (to == null) {
            return h -> false;
        }
        if (t.type() == Report.TargetType.POST) {
            Post post = posts.find(t.id());
            return h -> posts.setStatus(h, post, to);
        }
        Comment comment = interactions.findComment(t.id());
        return h -> interactions.setCommentStatus(h, comment, to);
    }

    private void notifyAuthor(Handle h, Content c, Action action, String reason, long now) {
        var type = action == Action.RESTORE ? ModerationNotices.RESTORED : ModerationNotices.REMOVED;
        String link = action == Action.RESTORE ? "/community/posts/" + c.postId() : "/community";
        ctx.notifications().send(h, c.authorId(), type.code(), Map.of("title", c.title(), "reason", reason), link,
                "community:decision:" + c.target().ref() + ":" + action.code() + ":" + now);
    }

    private static String auditAction(Report.Target t, Action action) {
        return action == Action.DISMISS ? "reports_dismissed" : t.type().code() + "_" + action.past();
    }

    private static String detail(Content c, Action action, int closed) {
        String what = c.target().type().code() + " #" + c.target().id() + " \"" + c.title() + "\"";
        String verb = switch (action) {
            case HIDE -> "Hid ";
            case RESTORE -> "Restored ";
            case DELETE -> "Deleted ";
            case DISMISS -> "Kept ";
        };
        return verb + what + (closed > 0 ? ", closing " + closed + " report" + (closed == 1 ? "" : "s") : "");
    }

    private static KindredException notFound(Report.Target t) {
        return t.type() == Report.TargetType.POST
                ? new KindredException(CommunityError.POST_NOT_FOUND, "No such post.")
                : new KindredException(CommunityError.COMMENT_NOT_FOUND, "No such comment.");
    }
}
