package io.kindred.api.tasks;

/**
 * What one event does to one member's progress on a task: adds to it (one more post, one more friend) or sets it
 * (a check-in streak that may also fall back). The task centre caps progress at the task's target and pays when
 * the target is reached, once.
 *
 * <pre>{@code
 * TaskProgress.add(event.longValue("referrerId"), 1);
 * TaskProgress.set(event.userId(), event.longValue("streak"));
 * }</pre>
 *
 * @param memberId whose progress moves (not always the event's member: an invitation counts for the inviter)
 * @param mode     add to the progress or set it
 * @param value    how much to add, or the new progress; not negative
 */
public record TaskProgress(long memberId, Mode mode, long value) {

    /** How {@code value} applies. */
    public enum Mode {
        /** progress = progress + value */
        ADD,
        /** progress = value */
        SET
    }

    /** Validates the value. */
    public TaskProgress {
        if (mode == null || value < 0) {
            throw new IllegalArgumentException("task progress needs a mode and a value >= 0");
        }
    }

    /** @param memberId the member @param k how much to add @return the progress step */
    public static TaskProgress add(long memberId, long k) {
        return new TaskProgress(memberId, Mode.ADD, k);
    }

    /** @param memberId the member @param v the new progress @return the progress step */
    public static TaskProgress set(long memberId, long v) {
        return new TaskProgress(memberId, Mode.SET, v);
    }
}
