/**
 * Task kinds (任务类型): what a plugin lets the task centre (任务中心) of the activities plugin turn into tasks with
 * points rewards, and how a member's progress on such a task is read from the plugin's own events.
 *
 * <pre>{@code
 * ctx.taskKind(TaskKind.of("checkin.streak", "Check in {target} days in a row", "checkin.recorded",
 *         (event, params) -> Optional.of(TaskProgress.set(event.userId(), event.longValue("streak")))));
 * }</pre>
 */
package io.kindred.api.tasks;
