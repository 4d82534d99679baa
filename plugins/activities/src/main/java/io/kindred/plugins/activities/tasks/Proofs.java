package io.kindred.plugins.activities.tasks;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.notifications.NotificationType;
import io.kindred.api.users.Member;
import io.kindred.api.web.UploadedFile;

import java.util.Map;
import java.util.Optional;

/**
 * Proofs of "follow the brand" tasks: a member sends a screenshot (stored with {@code ctx.images()}) or a handle;
 * an operator approves (the task completes and pays once) or rejects with a reason (the member may send another).
 * Decisions are audited and the member is notified.
 */
final class Proofs {

    static final NotificationType APPROVED = NotificationType.of("activities.task_proof_approved");
    static final NotificationType REJECTED = NotificationType.of("activities.task_proof_rejected");

    private final PluginContext ctx;
    private final ProofStore store;
    private final Tasks tasks;
    private final ProgressStore progress;
    private final Completions completions;

    Proofs(PluginContext ctx, ProofStore store, Tasks tasks, ProgressStore progress, Completions completions) {
        this.ctx = ctx;
        this.store = store;
        this.tasks = tasks;
        this.progress = progress;
        this.completions = completions;
    }

    /** The member sends a proof. */
    Proof submit(Member member, long taskId, Optional<UploadedFile> screenshot, Optional<String> handle) {
        Task task = tasks.visible(taskId);
        if (BuiltInKind.of(task.kind()).orElse(null) != BuiltInKind.FOLLOW) {
            throw new KindredException(TasksError.WRONG_KIND, "This task takes no proof.");
        }
        String text = handle.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (screenshot.isEmpty() && text == null) {
            throw KindredException.missingField("screenshot");
        }
        if (text != null && text.length() > 100) {
            throw KindredException.invalidField("A handle has at most 100 characters.");
        }
        String image = screenshot.map(f -> ctx.images().store(f, "tasks")).orElse(null);
        return ctx.db().write(tx -> {
            if (progress.find(tx, taskId, member.id(), "").map(ProgressStore.Row::completed).orElse(false)) {
                throw new KindredException(TasksError.ALREADY_COMPLETED, "You have completed this task already.");
            }
            if (store.latest(tx, taskId, member.id()).map(p -> p.status() == Proof.Status.PENDING).orElse(false)) {
                throw new KindredException(TasksError.PROOF_PENDING, "Your proof is waiting for review.");
            }
            long id = store.insert(tx, taskId, member.id(), image, text, ctx.clock().millis());
            return store.find(tx, id).orElseThrow();
        });
    }

    /** An operator approves or rejects a pending proof; a second decision is refused with 409 proof_decided. */
    Proof decide(Member operator, long proofId, boolean approve, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (!approve && why.isEmpty()) {
            throw KindredException.missingField("reason");
        }
        return ctx.db().write(tx -> {
            Proof p = store.find(tx, proofId).orElseThrow(() ->
                    new KindredException(TasksError.PROOF_NOT_FOUND, "There is no proof " + proofId + "."));
            Proof.Status status = approve ? Proof.Status.APPROVED : Proof.Status.REJECTED;
            if (!store.decide(tx, proofId, status, why.isEmpty() ? null : why, operator.id(), ctx.clock().millis())) {
                throw new KindredException(TasksError.PROOF_DECIDED, "This proof was " + p.status().code() + " already.");
            }
            Task task = tasks.find(p.taskId());
            if (approve) {
                completions.completeNow(tx, task, p.userId(), "");
            }
            ctx.audit().record(tx, operator, "tasks.proof_" + status.code(), "tasks:proof:" + proofId, why);
            ctx.notifications().send(tx, p.userId(), (approve ? APPROVED : REJECTED).code(),
                    Map.of("reward", task.reward(), "reason", why), "/activities/tasks", "tasks:proof:" + proofId);
            return store.find(tx, proofId).orElseThrow();
        });
    }
}
