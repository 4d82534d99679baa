package io.kindred.plugins.membership;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of plans, holdings, activations and activation codes ({@code V2__plans.sql}). */
final class PlanStore {

    /** A member's holding of one plan. @param endsAt epoch ms, or null for lifetime */
    record Holding(long userId, String planCode, long startsAt, Long endsAt, String status) {
        boolean activeAt(long now) {
            return status.equals("active") && (endsAt == null || endsAt > now);
        }
    }

    private static final String PLAN_COLUMNS = "code, name, months, trial_days, price, currency, sku, benefits, active, name_zh";

    List<Plan> plans(Handle h, boolean activeOnly) {
        return h.createQuery("SELECT " + PLAN_COLUMNS + " FROM membership_plans"
                        + (activeOnly ? " WHERE active = 1" : "") + " ORDER BY sort, id")
                .map((rs, c) -> plan(rs)).list();
    }

    Optional<Plan> plan(Handle h, String code) {
        return h.createQuery("SELECT " + PLAN_COLUMNS + " FROM membership_plans WHERE code = :code")
                .bind("code", code).map((rs, c) -> plan(rs)).findOne();
    }

    Optional<Plan> planBySku(Handle h, String sku) {
        return h.createQuery("SELECT " + PLAN_COLUMNS + " FROM membership_plans WHERE sku = :sku")
                .bind("sku", sku).map((rs, c) -> plan(rs)).findOne();
    }

    /** Creates the plan (last in the catalog's order) or changes it. */
    void savePlan(Handle tx, Plan p) {
        tx.createUpdate("""
                        INSERT INTO membership_plans(code, name, name_zh, months, trial_days, price, currency, sku, benefits, active, sort)
                        VALUES (:code, :name, :nameZh, :months, :trial, :price, :currency, :sku, :benefits, :active,
                                (SELECT COALESCE(MAX(sort), 0) + 1 FROM membership_plans))
                        ON CONFLICT (code) DO UPDATE SET name = :name, name_zh = :nameZh, months = :months, trial_days = :trial,
                            price = :price, currency = :currency, sku = :sku, benefits = :benefits, active = :active""")
                .bind("code", p.code()).bind("name", p.name()).bind("nameZh", p.nameZh()).bind("months", p.months()).bind("trial", p.trialDays())
                .bind("price", p.price()).bind("currency", p.currency()).bind("sku", p.sku())
                .bind("benefits", String.join(",", p.benefits())).bind("active", p.active() ? 1 : 0).execute();
    }

    /** @return holdings active at {@code now}, soonest end first (lifetime last), at most {@code limit} */
    List<Holding> currentHoldings(Handle h, long now, int limit) {
        return h.createQuery("""
                        SELECT user_id, plan_code, starts_at, ends_at, status FROM membership_holdings
                         WHERE status = 'active' AND (ends_at IS NULL OR ends_at > :now)
                         ORDER BY ends_at IS NULL, ends_at, user_id LIMIT :limit""")
                .bind("now", now).bind("limit", limit).map((rs, c) -> holding(rs)).list();
    }

    Optional<Holding> holding(Handle h, long userId, String planCode) {
        return h.createQuery("""
                        SELECT user_id, plan_code, starts_at, ends_at, status FROM membership_holdings
                         WHERE user_id = :u AND plan_code = :plan""")
                .bind("u", userId).bind("plan", planCode).map((rs, c) -> holding(rs)).findOne();
    }

    /** @return the member's holdings that are active at {@code now}, by end date */
    List<Holding> activeHoldings(Handle h, long userId, long now) {
        return h.createQuery("""
                        SELECT user_id, plan_code, starts_at, ends_at, status FROM membership_holdings
                         WHERE user_id = :u AND status = 'active' AND (ends_at IS NULL OR ends_at > :now)
                         ORDER BY plan_code""")
                .bind("u", userId).bind("now", now).map((rs, c) -> holding(rs)).list();
    }

    /** @return members with at least one plan active at {@code now}, ascending */
    List<Long> holders(Handle h, long now) {
        return h.createQuery("""
                        SELECT DISTINCT user_id FROM membership_holdings
                         WHERE status = 'active' AND (ends_at IS NULL OR ends_at > :now) ORDER BY user_id""")
                .bind("now", now).mapTo(Long.class).list();
    }

    /** @return false when {@code sourceKey} was already used (a repeat) */
    boolean insertActivation(Handle tx, long userId, String planCode, String sourceKey, Long endsAt, long now) {
        return tx.createUpdate("""
                        INSERT INTO membership_activations(user_id, plan_code, source_key, ends_at, created_at)
                        VALUES (:u, :plan, :key, :ends, :now) ON CONFLICT (source_key) DO NOTHING""")
                .bind("u", userId).bind("plan", planCode).bind("key", sourceKey).bind("ends", endsAt)
                .bind("now", now).execute() == 1;
    }

    void upsertHolding(Handle tx, long userId, String planCode, long startsAt, Long endsAt, long now) {
        tx.createUpdate("""
                        INSERT INTO membership_holdings(user_id, plan_code, starts_at, ends_at, status, updated_at)
                        VALUES (:u, :plan, :starts, :ends, 'active', :now)
                        ON CONFLICT (user_id, plan_code)
                        DO UPDATE SET starts_at = :starts, ends_at = :ends, status = 'active', updated_at = :now""")
                .bind("u", userId).bind("plan", planCode).bind("starts", startsAt).bind("ends", endsAt)
                .bind("now", now).execute();
    }

    /** @return the activation of a source key, as {@code [userId, planCode]}, if there was one */
    Optional<Map.Entry<Long, String>> activation(Handle h, String sourceKey) {
        return h.createQuery("SELECT user_id, plan_code FROM membership_activations WHERE source_key = :key")
                .bind("key", sourceKey).map((rs, c) -> Map.entry(rs.getLong(1), rs.getString(2))).findOne();
    }

    void setEnd(Handle tx, long userId, String planCode, Long endsAt, String status, long now) {
        tx.createUpdate("""
                        UPDATE membership_holdings SET ends_at = :ends, status = :status, updated_at = :now
                         WHERE user_id = :u AND plan_code = :plan""")
                .bind("ends", endsAt).bind("status", status).bind("now", now).bind("u", userId).bind("plan", planCode)
                .execute();
    }

    /** @return true when an active holding was revoked */
    boolean revoke(Handle tx, long userId, String planCode, long now) {
        return tx.createUpdate("""
                        UPDATE membership_holdings SET status = 'revoked', updated_at = :now
                         WHERE user_id = :u AND plan_code = :plan AND status = 'active'""")
                .bind("now", now).bind("u", userId).bind("plan", planCode).execute() == 1;
    }

    /** Marks every holding that ended by {@code now} expired. @return the holdings it marked */
    List<Holding> expire(Handle tx, long now) {
        return tx.createQuery("""
                        UPDATE membership_holdings SET status = 'expired', updated_at = :now
                         WHERE status = 'active' AND ends_at IS NOT NULL AND ends_at <= :now
                        RETURNING user_id, plan_code, starts_at, ends_at, status""")
                .bind("now", now).map((rs, c) -> holding(rs)).list();
    }

    /** @return active holdings that end after {@code from} and at or before {@code to} */
    List<Holding> ending(Handle h, long from, long to) {
        return h.createQuery("""
                        SELECT user_id, plan_code, starts_at, ends_at, status FROM membership_holdings
                         WHERE status = 'active' AND ends_at > :from AND ends_at <= :to""")
                .bind("from", from).bind("to", to).map((rs, c) -> holding(rs)).list();
    }

    long insertBatch(Handle tx, String planCode, int size, String note, Long createdBy, long now) {
        return tx.createQuery("""
                        INSERT INTO membership_code_batches(plan_code, size, note, created_by, created_at)
                        VALUES (:plan, :size, :note, :by, :now) RETURNING id""")
                .bind("plan", planCode).bind("size", size).bind("note", note).bind("by", createdBy)
                .bind("now", now).mapTo(Long.class).one();
    }

    /** @return the batches, newest first, as {@code {id, planCode, size, used, note, createdAt}} */
    List<java.util.Map<String, Object>> batches(Handle h, int limit) {
        return h.createQuery(BATCHES + " ORDER BY b.id DESC LIMIT :limit").bind("limit", limit).map(PlanStore::batchRow).list();
    }

    /** @return one batch as {@link #batches} shows it */
    Optional<java.util.Map<String, Object>> batch(Handle h, long id) {
        return h.createQuery(BATCHES + " WHERE b.id = :id").bind("id", id).map(PlanStore::batchRow).findOne();
    }

    private static final String BATCHES = """
            SELECT b.id, b.plan_code, b.size, b.note, b.created_at,
                   (SELECT COUNT(*) FROM membership_codes c WHERE c.batch_id = b.id AND c.redeemed_by IS NOT NULL)
              FROM membership_code_batches b""";

    private static java.util.Map<String, Object> batchRow(ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
            throws SQLException {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", rs.getLong(1));
        m.put("planCode", rs.getString(2));
        m.put("size", rs.getInt(3));
        m.put("used", rs.getInt(6));
        m.put("note", rs.getString(4));
        m.put("createdAt", java.time.Instant.ofEpochMilli(rs.getLong(5)).toString());
        return m;
    }

    /** @return the batch's codes, sorted, as {@code {code, redeemedBy, redeemedAt}} */
    List<java.util.Map<String, Object>> batchCodes(Handle h, long batchId) {
        return h.createQuery("""
                        SELECT code, redeemed_by, redeemed_at FROM membership_codes WHERE batch_id = :b ORDER BY code""")
                .bind("b", batchId).map((rs, c) -> {
                    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("code", rs.getString(1));
                    long by = rs.getLong(2);
                    m.put("redeemedBy", rs.wasNull() ? null : by);
                    long at = rs.getLong(3);
                    m.put("redeemedAt", rs.wasNull() ? null : java.time.Instant.ofEpochMilli(at).toString());
                    return m;
                }).list();
    }

    /** @return false when the code already exists (a random collision; the caller draws another) */
    boolean insertCode(Handle tx, String code, long batchId, String planCode) {
        return tx.createUpdate("""
                        INSERT INTO membership_codes(code, batch_id, plan_code) VALUES (:code, :batch, :plan)
                        ON CONFLICT (code) DO NOTHING""")
                .bind("code", code).bind("batch", batchId).bind("plan", planCode).execute() == 1;
    }

    /** Claims an unused code for a member. @return true for the one caller that claimed it */
    boolean claimCode(Handle tx, String code, long userId, long now) {
        return tx.createUpdate("""
                        UPDATE membership_codes SET redeemed_by = :u, redeemed_at = :now
                         WHERE code = :code AND redeemed_by IS NULL""")
                .bind("u", userId).bind("now", now).bind("code", code).execute() == 1;
    }

    /** @return the plan of a code, whether used or not */
    Optional<String> codePlan(Handle h, String code) {
        return h.createQuery("SELECT plan_code FROM membership_codes WHERE code = :code")
                .bind("code", code).mapTo(String.class).findOne();
    }

    private static Plan plan(ResultSet rs) throws SQLException {
        String benefits = rs.getString(8);
        return new Plan(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), codes(benefits), rs.getInt(9) == 1, rs.getString(10));
    }

    static List<String> codes(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Holding holding(ResultSet rs) throws SQLException {
        long ends = rs.getLong(4);
        Long endsAt = rs.wasNull() ? null : ends;
        return new Holding(rs.getLong(1), rs.getString(2), rs.getLong(3), endsAt, rs.getString(5));
    }
}
