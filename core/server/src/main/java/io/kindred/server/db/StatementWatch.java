package io.kindred.server.db;

import io.kindred.api.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Lets tests see the statements plugins run: plugins' databases each have their own Jdbi (see {@link Db#forPlugin()}),
 * so a logger on the core's Jdbi misses them. When a logger is set, every handle a watched database passes to a
 * plugin's work gets it. Unset (production) it costs one volatile read per unit of work.
 */
public final class StatementWatch {

    private volatile SqlLogger logger;

    /** @param logger the logger for plugins' statements from now on, or null to stop watching */
    public void set(SqlLogger logger) {
        this.logger = logger;
    }

    public Database watch(Database plugin) {
        return new Database() {
            @Override
            public <R> R write(HandleCallback<R, RuntimeException> work) {
                return plugin.write(h -> work.withHandle(observed(h)));
            }

            @Override
            public <R> R read(HandleCallback<R, RuntimeException> work) {
                return plugin.read(h -> work.withHandle(observed(h)));
            }

            @Override
            public String dialect() {
                return plugin.dialect();
            }

            @Override
            public void afterCommit(Runnable action) {
                plugin.afterCommit(action);
            }
        };
    }

    private Handle observed(Handle h) {
        SqlLogger l = logger;
        if (l != null) {
            h.getConfig(SqlStatements.class).setSqlLogger(l);
        }
        return h;
    }
}
