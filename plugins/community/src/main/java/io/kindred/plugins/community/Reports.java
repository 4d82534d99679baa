package io.kindred.plugins.community;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.users.Role;

import java.time.ZonedDateTime;

/**
 * Members report posts and comments: one open report per member and target (a repeat answers the first), never their
 * own, at most {@code reportsPerDay} a day. When {@code autoHideReports} members have reported the same post or
 * comment, it is hidden at once until an operator decides (never an operator's own).
 */
final class Reports {

    static final int MAX_NOTE = 500;

    /** A report as the member gets it back: {@code created} false when they had already reported the target. */
    record Filed(Report report, boolean created) {
    }

    private final PluginContext ctx;
    private final ReportStore store;
    private final ActivityStore activity;
    private final PostingGate gate;
    private final Decisions decisions;

    Reports(PluginContext ctx, ReportStore store, ActivityStore activity, PostingGate gate, Decisions decisions) {
        this.ctx = ctx;
        this.store = store;
        this.activity = activity;
        this.gate = gate;
        this.decisions = decisions;
    }

    Filed report(Member m, Report.Target target, Report.Reason reason, String note) {
        String text = note(note);
        Decisions.Content content = decisions.visible(target);
        if (content.authorId() == m.id()) {
            throw new KindredException(ModerationError.OWN_CONTENT, "You cannot report your own " + target.type().code() + ".");
        }
        var existing = ctx.db().read(h -> store.openBy(h, target, m.id()));
        if (existing.isPresent()) {
            return new Filed(existing.get(), false);
        }
        gate.check(m, PostingGate.Act.REPORT, PostingGate.Content.NONE);
        ModerationRules rules = ModerationRules.current(ctx.settings());
        long now = ctx.clock().millis();
        long dayStart = ZonedDateTime.now(ctx.clock().withZone(ctx.siteZone())).toLocalDate()
                .atStartOfDay(ctx.siteZone()).toInstant().toEpochMilli();
        record Outcome(Report report, boolean created, int open) {
        }
        Outcome o = ctx.db().write(h -> {
            if (activity.reportsSince(h, m.id(), dayStart) >= rules.reportsPerDay()) {
                throw new KindredException(ModerationError.REPORT_LIMIT, "You may file " + rules.reportsPerDay()
                        + " reports a day; thank you, the team will look at them.");
            }
            boolean created = store.insert(h, target, content.postId(), m.id(), reason, text, now);
            return new Outcome(store.openBy(h, target, m.id()).orElseThrow(), created, store.openCount(h, target));
        });
        if (o.created() && rules.autoHideReports() > 0 && o.open() >= rules.autoHideReports() && !authorIsOperator(content)) {
            decisions.autoHide(m, target, o.open());
        }
        return new Filed(o.report(), o.created());
    }

    private boolean authorIsOperator(Decisions.Content content) {
        return ctx.members().find(content.authorId()).map(a -> a.hasRole(Role.OPERATOR)).orElse(false);
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String n = note.strip().replaceAll("\\p{Cntrl}", " ");
        if (n.length() > MAX_NOTE) {
            throw KindredException.invalidField("A note is at most " + MAX_NOTE + " characters.");
        }
        return n;
    }
}
