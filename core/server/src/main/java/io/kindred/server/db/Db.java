package io.kindred.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kindred.api.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The platform's connection pool and its write discipline.
 *
 * <p>On SQLite every write transaction starts with {@code BEGIN IMMEDIATE} (so a read-then-write never
 * fails on a lock upgrade) and, inside this process, writers queue on one fair lock instead of spinning in
 * SQLite's busy handler. Another process (the {@code backup} command) is covered by the busy timeout.
 * A write started inside another write on the same thread joins it.
 */
public final class Db implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final String dialect;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ThreadLocal<Handle> currentWrite = new ThreadLocal<>();
    private final Jdbi coreJdbi;

    public Db(String url, String synchronous, int poolSize, int busyTimeoutMs) {
        this.dialect = dialectOf(url);
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("kindred-db");
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(30_000);
        if (dialect.equals("sqlite")) {
            SQLiteConfig sc = new SQLiteConfig();
            sc.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sc.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(synchronous.toUpperCase()));
            sc.enforceForeignKeys(true);
            sc.setBusyTimeout(busyTimeoutMs);
            sc.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            // Deleted and overwritten rows are zeroed, not left in free pages: an erased member's data leaves the file.
            sc.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
            SQLiteDataSource sds = new SQLiteDataSource(sc);
            sds.setUrl(url);
            hc.setDataSource(sds);
        } else {
            hc.setJdbcUrl(url);
        }
        this.dataSource = new HikariDataSource(hc);
        this.coreJdbi = Jdbi.create(dataSource);
    }

    public static String dialectOf(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return "sqlite";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        throw new IllegalArgumentException("unsupported database URL (jdbc:sqlite: or jdbc:postgresql:): " + url);
    }

    public String dialect() {
        return dialect;
    }

    /** @return the core's own database view */
    public Database core() {
        return view(coreJdbi);
    }

    /**
     * @return a database view with its own Jdbi instance (its own mapper caches), for one plugin run; drop
     * it when the plugin stops and its caches go with it
     */
    public Database forPlugin() {
        return view(Jdbi.create(dataSource));
    }

    public Jdbi coreJdbi() {
        return coreJdbi;
    }

    private Database view(Jdbi jdbi) {
        return new Database() {
            @Override
            public <R> R write(HandleCallback<R, RuntimeException> work) {
                return Db.this.write(jdbi, work);
            }

            @Override
            public <R> R read(HandleCallback<R, RuntimeException> work) {
                Handle joined = currentWrite.get();
                if (joined != null) {
                    return work.withHandle(joined);
                }
                return jdbi.withHandle(work);
            }

            @Override
            public String dialect() {
                return dialect;
            }
        };
    }

    private <R> R write(Jdbi jdbi, HandleCallback<R, RuntimeException> work) {
        Handle joined = currentWrite.get();
        if (joined != null) {
            return work.withHandle(joined);
        }
        boolean locked = false;
        if (dialect.equals("sqlite")) {
            try {
                locked = writeLock.tryLock(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to write", e);
            }
            if (!locked) {
                throw new IllegalStateException("database busy: no write slot within 60 s");
            }
        }
        try {
            return jdbi.inTransaction(h -> {
                currentWrite.set(h);
                try {
                    return work.withHandle(h);
                } finally {
                    currentWrite.remove();
                }
            });
        } finally {
            if (locked) {
                writeLock.unlock();
            }
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
