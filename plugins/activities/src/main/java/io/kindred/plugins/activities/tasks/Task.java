package io.kindred.plugins.activities.tasks;

import java.time.LocalDate;
import java.util.Map;

/**
 * A task of the task centre as the operator made it.
 *
 * @param kind      a built-in kind ({@link BuiltInKind#code()}) or a plugin-declared kind's code
 * @param eventType the event type a plugin kind reads, or null for a built-in kind
 * @param title     the operator's title; blank = the kind's title
 * @param params    the kind's parameters by name
 * @param target    how much progress completes the task (days, posts, visits, …)
 * @param reward    points paid once on completion (per day for a daily task)
 */
record Task(long id, String kind, String eventType, String title, Map<String, String> params, long target, long reward,
            Period period, LocalDate startsOn, LocalDate endsOn, Status status, long createdAt) {

    /** How often a member can complete the task. */
    enum Period {
        ONCE, DAILY;

        String code() {
            return name().toLowerCase();
        }

        /** @throws io.kindred.api.KindredException 400 invalid_field for anything but once or daily */
        static Period of(String code) {
            return switch (code) {
                case "once" -> ONCE;
                case "daily" -> DAILY;
                default -> throw io.kindred.api.KindredException.invalidField("The period is once or daily.");
            };
        }
    }

    /** Whether members see the task. */
    enum Status {
        ACTIVE, PAUSED;

        String code() {
            return name().toLowerCase();
        }

        /** @throws io.kindred.api.KindredException 400 invalid_field for anything but active or paused */
        static Status of(String code) {
            return switch (code) {
                case "active" -> ACTIVE;
                case "paused" -> PAUSED;
                default -> throw io.kindred.api.KindredException.invalidField("The status is active or paused.");
            };
        }
    }

    /** @return whether members can work on it on {@code day} (active, within its dates) */
    boolean runsOn(LocalDate day) {
        return status == Status.ACTIVE && (startsOn == null || !day.isBefore(startsOn))
                && (endsOn == null || !day.isAfter(endsOn));
    }

    /** @return the period a progress made on {@code day} counts in: '' for a one-off task, the day for a daily one */
    String periodKey(LocalDate day) {
        return period == Period.DAILY ? day.toString() : "";
    }
}
