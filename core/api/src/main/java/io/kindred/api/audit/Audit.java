package io.kindred.api.audit;

import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

/**
 * The platform's audit log (运营日志): what operators did, one entry per act, never changed, listed at
 * {@code GET /api/v1/admin/audit} and in the console. A plugin records every act of an operator that changes what
 * members see or own (hiding a post, muting a member, re-binding a referral, approving a withdrawal), in the
 * transaction of the act when there is one, so that the entry exists exactly when the act does.
 *
 * <pre>{@code
 * ctx.audit().record(tx, operator, "community.post_hidden", "community:post:" + id, "Hidden: spam (report #12).");
 * }</pre>
 */
public interface Audit {

    /**
     * Records an act in a transaction of its own.
     *
     * @param actor  the operator (or member) who acted
     * @param action dotted action code, prefixed with the plugin id, e.g. {@code community.member_muted}
     * @param target what it was done to, e.g. {@code community:post:42} or {@code user:7}; lists filter by its prefix
     * @param detail one sentence an operator understands
     */
    void record(Member actor, String action, String target, String detail);

    /**
     * Records an act in the caller's write transaction: the entry is kept only if that commits.
     *
     * @param tx     the caller's write transaction
     * @param actor  the operator (or member) who acted
     * @param action dotted action code
     * @param target what it was done to
     * @param detail one sentence an operator understands
     */
    void record(Handle tx, Member actor, String action, String target, String detail);
}
