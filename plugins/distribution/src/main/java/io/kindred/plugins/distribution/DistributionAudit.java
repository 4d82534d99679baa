package io.kindred.plugins.distribution;

import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The plugin's entries in the platform's audit log: every operator act, one sentence, written in the act's transaction
 * so the entry exists exactly when the act does. Actions are {@code distribution.<act>}; targets {@code user:<id>},
 * {@code distribution:application:<id>}, {@code distribution:withdrawal:<id>} or {@code distribution:levels}.
 * Amounts are in currency units with the currency; payout accounts are masked.
 */
final class DistributionAudit {

    private final PluginContext ctx;

    DistributionAudit(PluginContext ctx) {
        this.ctx = ctx;
    }

    void rightsGranted(Handle tx, Member operator, long userId, String note) {
        record(tx, operator, "rights_granted", user(userId), "Granted distribution rights to " + name(userId) + because(note));
    }

    void rightsRevoked(Handle tx, Member operator, long userId, String source) {
        record(tx, operator, "rights_revoked", user(userId), "Revoked the distribution rights " + name(userId)
                + " held by the '" + source + "' grant.");
    }

    void applicationDecided(Handle tx, Member operator, RightsStore.Application a) {
        boolean approved = "approved".equals(a.status());
        record(tx, operator, "application_" + a.status(), "distribution:application:" + a.id(),
                (approved ? "Approved" : "Rejected") + " the application #" + a.id() + " of " + name(a.userId())
                        + " for distribution rights" + (approved ? " (rights granted)" : "") + because(a.note()));
    }

    void rebound(Handle tx, Member operator, long userId, Long oldReferrerId, long newReferrerId, String reason) {
        String from = oldReferrerId == null ? "no referrer" : name(oldReferrerId);
        record(tx, operator, "member_rebound", user(userId), "Re-bound " + name(userId) + " from " + from + " to "
                + name(newReferrerId) + because(reason));
    }

    void levelsReplaced(Handle tx, Member operator, List<Level> levels) {
        String ladder = levels.stream().map(l -> l.name() + " (" + l.code() + ", from " + l.minFans() + " fans and "
                        + Money.format(l.minTeamSales(), currency()) + " team sales: " + Money.percent(l.rate1()) + " / "
                        + Money.percent(l.rate2()) + ")")
                .collect(Collectors.joining("; "));
        record(tx, operator, "levels_changed", "distribution:levels", "Set the distributor levels to " + ladder + ".");
    }

    void withdrawalMoved(Handle tx, Member operator, Withdrawal w) {
        String what = "withdrawal #" + w.id() + " of " + name(w.userId()) + ": " + Money.format(w.amount(), currency());
        String detail = switch (w.status()) {
            case APPROVED -> "Approved " + what + " to " + w.method() + " " + w.accountMasked() + ".";
            case PAID -> "Marked paid " + what + " (" + Money.format(w.amount() - w.fee(), currency()) + " after the fee) to "
                    + w.method() + " " + w.accountMasked() + ", payout reference " + w.reference() + ".";
            case REJECTED -> "Rejected " + what + ", returned to their available commission" + because(w.note());
            case REQUESTED -> throw new IllegalArgumentException("a withdrawal is requested by its member, not an operator");
        };
        record(tx, operator, "withdrawal_" + w.status().code(), "distribution:withdrawal:" + w.id(), detail);
    }

    private void record(Handle tx, Member operator, String act, String target, String detail) {
        ctx.audit().record(tx, operator, "distribution." + act, target, detail);
    }

    private String name(long userId) {
        return ctx.members().find(userId).map(Member::displayName).orElse("member") + " (#" + userId + ")";
    }

    private String currency() {
        return DistributionSettings.currency(ctx);
    }

    private static String user(long userId) {
        return "user:" + userId;
    }

    /** @return the end of a sentence: {@code ": <why>."}, or {@code "."} without a note */
    private static String because(String note) {
        if (note == null || note.isBlank()) {
            return ".";
        }
        String n = note.strip();
        return ": " + n + (n.matches(".*[.!?。！？]$") ? "" : ".");
    }
}
