package io.kindred.plugins.checkin;

import io.kindred.api.tasks.TaskKind;
import io.kindred.api.tasks.TaskProgress;

import java.util.Optional;

/**
 * The kind of task check-ins offer the task centre: "check in N days in a row", read from {@code checkin.recorded}
 * (its payload carries the streak after the check-in, make-ups included, so the progress is set, not added).
 */
final class CheckinTasks {

    static final TaskKind STREAK = TaskKind.of("checkin.streak", "Check in {target} days in a row", "checkin.recorded",
                    (event, params) -> Optional.of(TaskProgress.set(event.longValue("userId"), event.longValue("streak"))))
            .named("zh", "连续签到 {target} 天").namedForOne("en", "Check in today");

    private CheckinTasks() {
    }
}
