package io.kindred.plugins.distribution;

import io.kindred.api.PluginContext;
import io.kindred.api.notifications.NotificationType;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;

/** What a distributor is told, in-site and by email: a fan bound, commission earned and released, withdrawals. */
final class Notices {

    static final NotificationType FAN_BOUND = NotificationType.of("distribution.fan_bound");
    static final NotificationType EARNED = NotificationType.of("distribution.earned");
    static final NotificationType RELEASED = NotificationType.of("distribution.released");
    static final NotificationType WITHDRAWAL_REQUESTED = NotificationType.of("distribution.withdrawal_requested");
    static final NotificationType WITHDRAWAL_APPROVED = NotificationType.of("distribution.withdrawal_approved");
    static final NotificationType WITHDRAWAL_PAID = NotificationType.of("distribution.withdrawal_paid");
    static final NotificationType WITHDRAWAL_REJECTED = NotificationType.of("distribution.withdrawal_rejected");

    static final List<NotificationType> ALL = List.of(FAN_BOUND, EARNED, RELEASED, WITHDRAWAL_REQUESTED,
            WITHDRAWAL_APPROVED, WITHDRAWAL_PAID, WITHDRAWAL_REJECTED);

    private final PluginContext ctx;

    Notices(PluginContext ctx) {
        this.ctx = ctx;
    }

    void fanBound(Handle tx, long referrerId, long fanId) {
        String name = ctx.members().find(fanId).map(m -> Masking.name(m.displayName())).orElse("?");
        ctx.notifications().send(tx, referrerId, FAN_BOUND.code(), Map.of("fan", name), "/invite/team",
                "distribution:fan:" + fanId + ":" + referrerId);
    }

    void earned(Handle tx, Commission c) {
        ctx.notifications().send(tx, c.beneficiaryId(), EARNED.code(), Map.of("amount", Money.format(c.amount(),
                c.currency())), "/invite/earnings", "distribution:earned:" + c.id());
    }

    void released(Handle tx, Commission c) {
        ctx.notifications().send(tx, c.beneficiaryId(), RELEASED.code(), Map.of("amount", Money.format(c.amount(),
                c.currency())), "/invite/earnings", "distribution:released:" + c.id());
    }

    void withdrawal(Handle tx, Withdrawal w, String currency) {
        NotificationType type = switch (w.status()) {
            case REQUESTED -> WITHDRAWAL_REQUESTED;
            case APPROVED -> WITHDRAWAL_APPROVED;
            case PAID -> WITHDRAWAL_PAID;
            case REJECTED -> WITHDRAWAL_REJECTED;
        };
        ctx.notifications().send(tx, w.userId(), type.code(), Map.of("amount", Money.format(w.amount(), currency),
                        "reference", w.reference() == null ? "" : w.reference(), "note", w.note() == null ? "" : w.note()),
                "/invite/withdraw", "distribution:withdrawal:" + w.id() + ":" + w.status().code());
    }
}
