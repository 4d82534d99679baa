package io.kindred.api.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * The platform's database, through Jdbi. Write in {@link #write}: it is a transaction that is safe under
 * many concurrent writers (on SQLite it starts with {@code BEGIN IMMEDIATE}), and ledger transfers and
 * events passed the same {@link Handle} commit or roll back with it. Keep to SQL that SQLite and
 * PostgreSQL both run.
 *
 * <pre>{@code
 * long id = ctx.db().write(h -> h.createUpdate("INSERT INTO welcome_grants(user_id) VALUES (:u)")
 *         .bind("u", userId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
 * }</pre>
 */
public interface Database {

    /**
     * Runs {@code work} in a write transaction; commits if it returns, rolls back if it throws.
     *
     * @param work the transaction's work
     * @param <R>  result type
     * @return what {@code work} returned
     */
    <R> R write(HandleCallback<R, RuntimeException> work);

    /**
     * Runs {@code work} with a connection for reading (autocommit, no write lock).
     *
     * @param work the reads
     * @param <R>  result type
     * @return what {@code work} returned
     */
    <R> R read(HandleCallback<R, RuntimeException> work);

    /** @return {@code "sqlite"} or {@code "postgresql"} */
    String dialect();

    /**
     * Runs {@code action} once the write in hand on this thread has committed, or at once when called outside a
     * write; never when that write rolls back. For what must follow the commit and only it: putting a row that is
     * now durable into a cache, waking a background loop that reads the row on another connection. Keep it short
     * and do not write in it.
     *
     * @param action what to run after the commit
     */
    default void afterCommit(Runnable action) {
        action.run();
    }
}
