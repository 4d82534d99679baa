package io.kindred.server.audit;

import io.kindred.api.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of what operators did to the platform: one row per act, written once, also logged in one line.
 *
 * <pre>{@code
 * audit.record("admin@brand.example (#1)", "plugin.installed", "plugin:badges", "Installed badges 1.0.0.");
 * }</pre>
 */
public final class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("kindred.audit");

    /** One act. */
    public record Entry(long id, Instant at, String actor, String action, String target, String detail) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("at", at.toString());
            m.put("actor", actor);
            m.put("action", action);
            m.put("target", target);
            m.put("detail", detail);
            return m;
        }
    }

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String detail) {
        db.write(h -> {
            insert(h, actor, action, target, detail);
            return null;
        });
        log.info("{} by {}: {}", action, actor, detail);
    }

    /** Records an act in the caller's transaction (logged at once; the row stays only if it commits). */
    public void record(org.jdbi.v3.core.Handle tx, String actor, String action, String target, String detail) {
        insert(tx, actor, action, target, detail);
        log.info("{} by {}: {}", action, actor, detail);
    }

    private void insert(org.jdbi.v3.core.Handle h, String actor, String action, String target, String detail) {
        h.createUpdate("""
                        INSERT INTO audit_log(at, actor, action, target, detail) VALUES (:at, :actor, :action, :target, :detail)""")
                .bind("at", clock.millis()).bind("actor", actor).bind("action", action).bind("target", target)
                .bind("detail", detail).execute();
    }

    /** @return the audit log as kindred-api offers it to plugins, naming members as the console does */
    public io.kindred.api.audit.Audit forPlugins() {
        return new io.kindred.api.audit.Audit() {
            @Override
            public void record(io.kindred.api.users.Member actor, String action, String target, String detail) {
                AuditLog.this.record(label(actor), action, target, detail);
            }

            @Override
            public void record(org.jdbi.v3.core.Handle tx, io.kindred.api.users.Member actor, String action, String target,
                               String detail) {
                AuditLog.this.record(tx, label(actor), action, target, detail);
            }
        };
    }

    private static String label(io.kindred.api.users.Member m) {
        if (m.id() == 0) {
            return m.displayName(); // an API key, as Exchange.actor() names it: "API key shop-sync"
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
        return db.read(h -> h.createQuery("""
                        SELECT id, at, actor, action, target, detail FROM audit_log
                         WHERE target LIKE :prefix ESCAPE '!' AND id < :before
                         ORDER BY id DESC LIMIT :limit""")
                .bind("prefix", targetPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .bind("before", beforeId).bind("limit", limit)
                .map((rs, c) -> new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list());
    }
}
