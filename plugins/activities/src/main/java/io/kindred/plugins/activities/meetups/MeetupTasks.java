package io.kindred.plugins.activities.meetups;

import io.kindred.api.tasks.TaskKind;
import io.kindred.api.tasks.TaskProgress;

import java.util.Optional;

/**
 * The kind of task offline events offer the task centre: "attend N events" — admitted at the door, read from
 * {@code activity.attended} — or one given event (parameter {@code event}: its id; blank for any).
 */
final class MeetupTasks {

    static final TaskKind ATTEND = TaskKind.of("activities.attend", "Attend {target} events", "activity.attended",
                    (event, params) -> {
                        String only = params.getOrDefault("event", "").strip();
                        long eventId = event.longValue("eventId");
                        if (!only.isEmpty() && !only.equals(String.valueOf(eventId))) {
                            return Optional.empty();
                        }
                        return Optional.of(TaskProgress.add(event.longValue("userId"), 1));
                    })
            .named("zh", "参加 {target} 场线下活动").namedForOne("en", "Attend an event").withParameters("event");

    private MeetupTasks() {
    }
}
