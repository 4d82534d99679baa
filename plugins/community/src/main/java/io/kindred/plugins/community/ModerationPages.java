package io.kindred.plugins.community;

import io.kindred.api.web.Routes;
import io.kindred.api.web.Access;
import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;

import java.util.Optional;
import java.util.Set;

/**
 * The member pages' side of moderation: the report form under a post and each comment
 * ({@code templates/report-form.peb}), posted to {@code POST /community/report} without JavaScript; the member
 * comes back to the post with a notice saying what happened.
 */
final class ModerationPages {

    /** Errors with a notice of their own in the bundles ({@code community.moderation.notice.<code>}). */
    private static final Set<String> NOTICES = Set.of("own_content", "report_limit", "member_banned");

    private final Reports reports;
    private final Decisions decisions;

    ModerationPages(Reports reports, Decisions decisions) {
        this.reports = reports;
        this.decisions = decisions;
    }

    /** Form: {@code postId} or {@code commentId}, {@code reason}, {@code note}. */
    void report(Exchange x) {
        Optional<Long> post = id(x, "postId");
        Optional<Long> comment = id(x, "commentId");
        Report.Target target = comment.map(id -> new Report.Target(Report.TargetType.COMMENT, id))
                .or(() -> post.map(id -> new Report.Target(Report.TargetType.POST, id)))
                .orElseThrow(() -> KindredException.missingField("postId"));
        long back = decisions.find(target).postId();
        String notice;
        try {
            reports.report(x.requireMember(), target, Report.Reason.parse(x.formValue("reason").orElse("other")),
                    x.formValue("note").orElse(null));
            notice = "reported";
        } catch (KindredException e) {
            if (!NOTICES.contains(e.code())) {
                throw e;
            }
            notice = e.code();
        }
        x.redirect("/community/posts/" + back + "?notice=community.moderation.notice." + notice
                + (target.type() == Report.TargetType.COMMENT ? "#c" + target.id() : ""));
    }

    private static Optional<Long> id(Exchange x, String field) {
        return x.formValue(field).map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw KindredException.invalidField(field + " is a whole number.");
            }
        });
    }

    /** Registers this class's routes. */
    void register(Routes r) {
        r.post("/community/report", Access.MEMBER, this::report);
    }
}
