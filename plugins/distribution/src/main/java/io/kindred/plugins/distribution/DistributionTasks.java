package io.kindred.plugins.distribution;

import io.kindred.api.tasks.TaskKind;
import io.kindred.api.tasks.TaskProgress;

import java.util.Optional;

/**
 * The kind of task distribution offers the task centre: "invite N friends", read from {@code referral.bound}; the
 * inviter's progress moves, and only a friend's first binding counts (a friend moved to another inviter does not
 * count twice).
 */
final class DistributionTasks {

    static final TaskKind INVITES = TaskKind.of("distribution.invites", "Invite {target} friends", "referral.bound",
                    (event, params) -> event.payload().containsKey("previousReferrerId") ? Optional.empty()
                            : Optional.of(TaskProgress.add(event.longValue("referrerId"), 1)))
            .named("zh", "邀请 {target} 位好友").namedForOne("en", "Invite a friend");

    private DistributionTasks() {
    }
}
