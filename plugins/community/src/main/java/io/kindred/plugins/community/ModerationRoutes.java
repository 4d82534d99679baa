package io.kindred.plugins.community;

import io.kindred.api.web.Routes;
import io.kindred.api.web.Access;
import io.kindred.api.KindredException;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;

import java.util.Map;
import java.util.Optional;

/**
 * The JSON API of moderation and trust: members report and read their standing under {@code /api/v1/community},
 * operators work the queue and sanction members under {@code /api/v1/admin/community}.
 */
final class ModerationRoutes {

    /** {@code POST /api/v1/community/reports}: exactly one of {@code postId} and {@code commentId}. */
    record ReportBody(Optional<Long> postId, Optional<Long> commentId, String reason, Optional<String> note) {
        Report.Target target() {
            if (postId.isPresent() == commentId.isPresent()) {
                throw KindredException.invalidField("Give either postId or commentId.");
            }
            return postId.map(id -> new Report.Target(Report.TargetType.POST, id))
                    .orElseGet(() -> new Report.Target(Report.TargetType.COMMENT, commentId.get()));
        }
    }

    /** {@code POST /api/v1/admin/community/posts/{id}/moderate} and {@code .../comments/{id}/moderate}. */
    record DecisionBody(String action, Optional<String> reason) {
    }

    /** {@code POST /api/v1/admin/community/members/{id}/sanctions}: {@code days} only for a mute. */
    record SanctionBody(String kind, Optional<Integer> days, Optional<String> reason) {
    }

    /** {@code POST /api/v1/admin/community/members/{id}/lift}. */
    record LiftBody(Optional<String> reason) {
    }

    private final Reports reports;
    private final ReportQueue queue;
    private final Decisions decisions;
    private final Sanctions sanctions;
    private final Standings standings;

    ModerationRoutes(Reports reports, ReportQueue queue, Decisions decisions, Sanctions sanctions, Standings standings) {
        this.reports = reports;
        this.queue = queue;
        this.decisions = decisions;
        this.sanctions = sanctions;
        this.standings = standings;
    }

    /** {@code POST /api/v1/community/reports} → 201 {@code {"report"}}; a repeat → 200 with the first report. */
    void report(Exchange x) {
        ReportBody body = x.body(ReportBody.class);
        Report.Target target = body.target();
        Reports.Filed filed = reports.report(x.requireMember(), target, Report.Reason.parse(body.reason()),
                body.note().orElse(null));
        x.json(filed.created() ? 201 : 200, Map.of("report", filed.report().json()));
    }

    /** {@code GET /api/v1/community/standing}: the member's trust level, limits and any mute or ban. */
    void standing(Exchange x) {
        x.json(Map.of("standing", standings.standing(x.requireMember())));
    }

    /** {@code GET /api/v1/admin/community/reports}: the queue. */
    void queue(Exchange x) {
        x.json(queue.page(x.page(20, 100)).map(ReportQueue.Entry::json));
    }

    void moderatePost(Exchange x) {
        decide(x, Report.TargetType.POST);
    }

    void moderateComment(Exchange x) {
        decide(x, Report.TargetType.COMMENT);
    }

    /** {@code GET /api/v1/admin/community/members/{id}}: standing, sanction in force and history. */
    void member(Exchange x) {
        x.json(Map.of("member", standings.member(standings.find(x.pathParamAsId("id")))));
    }

    /** {@code POST /api/v1/admin/community/members/{id}/sanctions} → 201 {@code {"sanction"}}. */
    void sanction(Exchange x) {
        long id = x.pathParamAsId("id");
        SanctionBody body = x.body(SanctionBody.class);
        Member operator = x.actor();
        String reason = body.reason().orElse(null);
        Sanction s = switch (body.kind()) {
            case "warn" -> sanctions.warn(operator, id, reason);
            case "mute" -> sanctions.mute(operator, id, body.days().orElseThrow(() -> KindredException.missingField("days")), reason);
            case "ban" -> sanctions.ban(operator, id, reason);
            default -> throw KindredException.invalidField("kind is one of warn, mute, ban.");
        };
        x.json(201, Map.of("sanction", s.json()));
    }

    /** {@code POST /api/v1/admin/community/members/{id}/lift} → 200 {@code {"member"}}. */
    void lift(Exchange x) {
        long id = x.pathParamAsId("id");
        sanctions.lift(x.actor(), id, x.body(LiftBody.class).reason().orElse(null));
        x.json(Map.of("member", standings.member(standings.find(id))));
    }

    /** {@code GET /api/v1/admin/community/sanctions}: mutes and bans in force. */
    void inForce(Exchange x) {
        x.json(Page.all(sanctions.allInForce().stream().map(Sanction::json).toList()));
    }

    private void decide(Exchange x, Report.TargetType type) {
        Report.Target target = new Report.Target(type, x.pathParamAsId("id"));
        DecisionBody body = x.body(DecisionBody.class);
        Decisions.Content after = decisions.decide(x.actor(), target, Decisions.Action.parse(body.action()),
                body.reason().orElse(null));
        x.json(Map.of("target", after.json()));
    }

    /** Registers this class's routes. */
    void register(Routes r) {
        r.group("/api/v1/community", Access.MEMBER, g -> {
            g.post("/reports", this::report);
            g.get("/standing", this::standing);
        });
        r.group("/api/v1/admin/community", Access.OPERATOR, g -> {
            g.get("/reports", this::queue);
            g.post("/posts/{id}/moderate", this::moderatePost);
            g.post("/comments/{id}/moderate", this::moderateComment);
            g.get("/sanctions", this::inForce);
            g.get("/members/{id}", this::member);
            g.post("/members/{id}/sanctions", this::sanction);
            g.post("/members/{id}/lift", this::lift);
        });
    }
}
