package io.kindred.server.audit;

import io.kindred.api.db.Database;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of what operators did to the platform: one row per act, written once (triggers refuse UPDATE and
 * DELETE), also logged in one line. While a request is handled ({@link #begin}), every entry also names how its
 * caller was known (API key id or session short id) and the client address; a change can carry what it replaced
 * and what it became.
 *
 * <pre>{@code
 * audit.record("admin@brand.example (#1)", "plugin.installed", "plugin:badges", "Installed badges 1.0.0.");
 * audit.change(tx, "setting.changed", "setting:site.name", "Changed site.name.", "Kindred", "Brand");
 * }</pre>
 */
public final class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("kindred.audit");

    /** One act; {@code via}, {@code address}, {@code before} and {@code after} may be null. */
    public record Entry(long id, Instant at, String actor, String action, String target, String detail, String via,
                        String address, String before, String after) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("at", at.toString());
            m.put("actor", actor);
            m.put("action", action);
            m.put("target", target);
            m.put("detail", detail);
            m.put("via", via);
            m.put("address", address);
            m.put("before", before);
            m.put("after", after);
            return m;
        }
    }

    /**
     * Who acts in the request being handled.
     *
     * @param actor   as entries name actors: {@code admin@brand.example (#1)} or {@code API key shop-sync}
     * @param via     {@code key:<id>} or {@code session:<short id>}, never a secret
     * @param address the client address
     */
    public record Caller(String actor, String via, String address) {
    }

    /** The request being handled on this thread, and whether an entry was recorded for it. */
    private static final class Request {
        final Caller caller;
        boolean recorded;

        Request(Caller caller) {
            this.caller = caller;
        }
    }

    static final String COLUMNS = "id, at, actor, action, target, detail, via, address, before_value, after_value ";

    private final Database db;
    private final Clock clock;
    // Core types only (no plugin class), set and cleared by the HTTP layer around each request.
    private final ThreadLocal<Request> request = new ThreadLocal<>();

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Starts a request on this thread: entries recorded until {@link #end} name its caller's key or session and address. */
    public void begin(Caller caller) {
        request.set(new Request(caller));
    }

    /** @return whether an entry was recorded since {@link #begin}; forgets the request */
    public boolean end() {
        Request r = request.get();
        request.remove();
        return r != null && r.recorded;
    }

    /** @return the caller of the request being handled on this thread */
    public Optional<Caller> caller() {
        return Optional.ofNullable(request.get()).map(r -> r.caller);
    }

    public void record(String actor, String action, String target, String detail) {
        db.write(h -> {
            record(h, actor, action, target, detail, null, null);
            return null;
        });
    }

    /** Records an act in a transaction of its own, with what it replaced and what it became. */
    public void record(String actor, String action, String target, String detail, String before, String after) {
        db.write(h -> {
            record(h, actor, action, target, detail, before, after);
            return null;
        });
    }

    /** Records an act in the caller's transaction (logged at once; the row stays only if it commits). */
    public void record(Handle tx, String actor, String action, String target, String detail) {
        record(tx, actor, action, target, detail, null, null);
    }

    /**
     * Records a change made by the current request's caller ({@code system} outside a request), in the caller's
     * transaction, with what it replaced and what it became.
     */
    public void change(Handle tx, String action, String target, String detail, String before, String after) {
        record(tx, caller().map(Caller::actor).orElse("system"), action, target, detail, before, after);
    }

    /** Records an act with what it replaced and what it became (JSON or plain text, null when none). */
    public void record(Handle tx, String actor, String action, String target, String detail, String before, String after) {
        Request r = request.get();
        Caller c = r == null ? null : r.caller;
        tx.createUpdate("""
                        INSERT INTO audit_log(at, actor, action, target, detail, via, address, before_value, after_value)
                        VALUES (:at, :actor, :action, :target, :detail, :via, :address, :before, :after)""")
                .bind("at", clock.millis()).bind("actor", actor).bind("action", action).bind("target", target)
                .bind("detail", detail).bind("via", c == null ? null : c.via()).bind("address", c == null ? null : c.address())
                .bind("before", before).bind("after", after).execute();
        if (r != null) {
            r.recorded = true;
        }
        log.info("{} by {}: {}", action, actor, detail);
    }

    /** @return the audit log as kindred-api offers it to plugins, naming members as the console does */
    public io.kindred.api.audit.Audit forPlugins() {
        return new io.kindred.api.audit.Audit() {
            @Override
            public void record(io.kindred.api.users.Member actor, String action, String target, String detail) {
                AuditLog.this.record(label(actor), action, target, detail);
            }

            @Override
            public void record(Handle tx, io.kindred.api.users.Member actor, String action, String target, String detail) {
                AuditLog.this.record(tx, label(actor), action, target, detail);
            }
        };
    }

    private static String label(io.kindred.api.users.Member m) {
        if (m.id() == 0) {
            return m.displayName(); // an API key, as Exchange.actor() names it: "API key shop-sync"
        }
        if (m.roles().stream().allMatch(r -> r == io.kindred.api.users.Role.MEMBER)) {
            // A member is named by number only: the log is append-only, and erasing the member must leave nothing.
            return "member #" + m.id();
        }
        return (m.email() == null ? m.displayName() : m.email()) + " (#" + m.id() + ")";
    }

    /**
     * @param targetPrefix e.g. {@code plugin:} for every plugin act, or {@code plugin:badges} for one plugin
     * @param beforeId     entries older than this id ({@link Long#MAX_VALUE} for the newest)
     * @param limit        how many
     * @return the newest first
     */
    public List<Entry> list(String targetPrefix, long beforeId, int limit) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM audit_log WHERE target LIKE :prefix ESCAPE '!' AND id < :before
                         ORDER BY id DESC LIMIT :limit""")
                .bind("prefix", AuditSearch.like(targetPrefix) + "%")
                .bind("before", beforeId).bind("limit", limit)
                .map(AuditLog::row)
                .list());
    }

    static Entry row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext c) throws SQLException {
        return new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }
}
