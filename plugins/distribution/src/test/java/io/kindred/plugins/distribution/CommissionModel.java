package io.kindred.plugins.distribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link DistributionPropertiesIT} expects of one team, written from the plugin's documentation
 * (docs/plugins/distribution.md): distributor 0 (A) has no referrer, distributor 1 (B) was invited by A; fans 0 and
 * 1 were invited by B (B earns 10%, A 3%), fan 2 by A (A earns 10%); everyone stays on Bronze. A refund cancels
 * a frozen commission and claws back a released one; a withdrawal takes its amount from the available balance at
 * once, a rejection returns it, paying moves it to withdrawn.
 */
final class CommissionModel {

    static final long MINIMUM = 10_00;
    static final long RELEASE_DAYS = 7;

    enum Status { FROZEN, RELEASED, CANCELLED, CLAWED_BACK }

    static final class Commission {
        final int beneficiary;
        final long amount;
        Status status = Status.FROZEN;

        Commission(int beneficiary, long amount) {
            this.beneficiary = beneficiary;
            this.amount = amount;
        }
    }

    record Purchase(long id, String order, Instant releaseAt, List<Commission> commissions) {
    }

    static final class Withdrawal {
        final long id;
        final int member;
        final long amount;
        String status = "requested";

        Withdrawal(long id, int member, long amount) {
            this.id = id;
            this.member = member;
            this.amount = amount;
        }
    }

    final List<Purchase> purchases = new ArrayList<>();
    final List<Withdrawal> withdrawals = new ArrayList<>();

    void bought(long id, String order, int fan, long amount, Instant at) {
        List<Commission> commissions = new ArrayList<>();
        if (fan < 2) {
            commissions.add(new Commission(1, amount * 1000 / 10_000));
            commissions.add(new Commission(0, amount * 300 / 10_000));
        } else {
            commissions.add(new Commission(0, amount * 1000 / 10_000));
        }
        commissions.removeIf(c -> c.amount == 0);
        purchases.add(new Purchase(id, order, at.plus(java.time.Duration.ofDays(RELEASE_DAYS)), commissions));
    }

    /** The refund rule; a second refund of the same purchase finds nothing left to do. */
    void refunded(Purchase p) {
        for (Commission c : p.commissions()) {
            if (c.status == Status.FROZEN) {
                c.status = Status.CANCELLED;
            } else if (c.status == Status.RELEASED) {
                c.status = Status.CLAWED_BACK;
            }
        }
    }

    /** The release job at {@code now}: every frozen commission past its refund window, once. */
    void released(Instant now) {
        for (Purchase p : purchases) {
            if (!p.releaseAt().isAfter(now)) {
                p.commissions().stream().filter(c -> c.status == Status.FROZEN).forEach(c -> c.status = Status.RELEASED);
            }
        }
    }

    /** @return how many parallel requests of {@code amount} the balance of {@code member} holds */
    int accepts(int member, long amount, int copies) {
        if (amount < MINIMUM) {
            return 0;
        }
        return (int) Math.max(0, Math.min(copies, available(member) / amount));
    }

    void requested(long id, int member, long amount) {
        withdrawals.add(new Withdrawal(id, member, amount));
    }

    /** @return whether {@code action} (approve, pay, reject) is allowed on {@code w} now */
    static boolean allows(Withdrawal w, String action) {
        return switch (action) {
            case "approve" -> w.status.equals("requested");
            case "pay" -> w.status.equals("approved");
            default -> w.status.equals("requested") || w.status.equals("approved");
        };
    }

    static void decided(Withdrawal w, String action) {
        w.status = switch (action) {
            case "approve" -> "approved";
            case "pay" -> "paid";
            default -> "rejected";
        };
    }

    long frozen(int member) {
        return commissions(member, Status.FROZEN);
    }

    /** Released and not clawed back, less every withdrawal asked for and not rejected (may be below zero). */
    long available(int member) {
        return commissions(member, Status.RELEASED) - withdrawals(member, "requested") - withdrawals(member, "approved")
                - withdrawals(member, "paid");
    }

    long withdrawn(int member) {
        return withdrawals(member, "paid");
    }

    long pending(int member) {
        return withdrawals(member, "requested") + withdrawals(member, "approved");
    }

    /** @return every commission ever released to {@code member}, including those clawed back since */
    long everReleased(int member) {
        return commissions(member, Status.RELEASED) + commissions(member, Status.CLAWED_BACK);
    }

    long clawedBack(int member) {
        return commissions(member, Status.CLAWED_BACK);
    }

    /** @return purchase id → expected status of {@code member}'s commission on it */
    Map<Long, String> statuses(int member) {
        Map<Long, String> all = new HashMap<>();
        for (Purchase p : purchases) {
            p.commissions().stream().filter(c -> c.beneficiary == member)
                    .forEach(c -> all.put(p.id(), c.status.name().toLowerCase()));
        }
        return all;
    }

    private long commissions(int member, Status status) {
        return purchases.stream().flatMap(p -> p.commissions().stream())
                .filter(c -> c.beneficiary == member && c.status == status).mapToLong(c -> c.amount).sum();
    }

    private long withdrawals(int member, String status) {
        return withdrawals.stream().filter(w -> w.member == member && w.status.equals(status)).mapToLong(w -> w.amount).sum();
    }
}
