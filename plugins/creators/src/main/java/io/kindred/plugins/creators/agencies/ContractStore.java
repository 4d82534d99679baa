package io.kindred.plugins.creators.agencies;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The SQL of contracts and their terms files. */
final class ContractStore {

    private static final String SELECT = """
            SELECT c.*, (SELECT COUNT(*) FROM creator_contract_terms t WHERE t.contract_id = c.id) AS has_terms
              FROM creator_contracts c
            """;

    private static final RowMapper<Contract> MAPPER = (rs, ctx) -> new Contract(rs.getLong("id"), rs.getLong("agency_id"),
            rs.getLong("user_id"), LocalDate.parse(rs.getString("starts_on")), LocalDate.parse(rs.getString("ends_on")),
            rs.getInt("share_bp"), rs.getString("status"), nullableLong(rs, "renewed_from"),
            nullableLong(rs, "terminated_at"), rs.getString("termination_reason"),
            rs.getLong("created_at"), rs.getInt("has_terms") > 0);

    /** A terms file as stored. */
    record Terms(long contractId, String fileName, String contentType, byte[] bytes) {
    }

    long insert(Handle tx, long agencyId, long userId, LocalDate startsOn, LocalDate endsOn, int shareBp, Long renewedFrom,
                long now) {
        return tx.createUpdate("""
                        INSERT INTO creator_contracts(agency_id, user_id, starts_on, ends_on, share_bp, status, renewed_from,
                               created_at, updated_at)
                        VALUES (:a, :u, :s, :e, :bp, 'active', :from, :now, :now)""")
                .bind("a", agencyId).bind("u", userId).bind("s", startsOn.toString()).bind("e", endsOn.toString())
                .bind("bp", shareBp).bind("from", renewedFrom).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<Contract> find(Handle h, long id) {
        return h.createQuery(SELECT + "WHERE c.id = :id").bind("id", id).map(MAPPER).findOne();
    }

    /** @return the creator's contracts not terminated whose days meet [from, to] */
    List<Contract> overlapping(Handle h, long userId, LocalDate from, LocalDate to) {
        return h.createQuery(SELECT + """
                         WHERE c.user_id = :u AND c.status <> 'terminated' AND c.starts_on <= :to AND c.ends_on >= :from""")
                .bind("u", userId).bind("from", from.toString()).bind("to", to.toString()).map(MAPPER).list();
    }

    /** @return the creator's contracts whose dates hold the day, terminated ones included, newest first */
    List<Contract> coveringDay(Handle h, long userId, LocalDate day) {
        return h.createQuery(SELECT + "WHERE c.user_id = :u AND c.starts_on <= :d AND c.ends_on >= :d ORDER BY c.id DESC")
                .bind("u", userId).bind("d", day.toString()).map(MAPPER).list();
    }

    /** @return the creator's contracts, newest first */
    List<Contract> ofCreator(Handle h, long userId) {
        return h.createQuery(SELECT + "WHERE c.user_id = :u ORDER BY c.id DESC").bind("u", userId).map(MAPPER).list();
    }

    /** @return the agency's contracts, newest first, below the cursor id */
    List<Contract> ofAgency(Handle h, long agencyId, long before, int limit) {
        return h.createQuery(SELECT + "WHERE c.agency_id = :a AND c.id < :before ORDER BY c.id DESC LIMIT :limit")
                .bind("a", agencyId).bind("before", before).bind("limit", limit).map(MAPPER).list();
    }

    /** @return the creators under a contract of the agency on the day (not terminated, within dates) */
    List<Contract> inForce(Handle h, long agencyId, LocalDate day) {
        return h.createQuery(SELECT + """
                         WHERE c.agency_id = :a AND c.status <> 'terminated' AND c.starts_on <= :d AND c.ends_on >= :d
                         ORDER BY c.user_id""")
                .bind("a", agencyId).bind("d", day.toString()).map(MAPPER).list();
    }

    boolean terminate(Handle tx, long id, String reason, long now) {
        return tx.createUpdate("""
                        UPDATE creator_contracts SET status = 'terminated', terminated_at = :now, termination_reason = :r,
                               updated_at = :now WHERE id = :id AND status = 'active'""")
                .bind("id", id).bind("r", reason).bind("now", now).execute() == 1;
    }

    /** @return how many active contracts past their last day became ended */
    int endPast(Handle tx, LocalDate today, long now) {
        return tx.createUpdate("UPDATE creator_contracts SET status = 'ended', updated_at = :now WHERE status = 'active' AND ends_on < :d")
                .bind("d", today.toString()).bind("now", now).execute();
    }

    void saveTerms(Handle tx, Terms t, String base64, long now) {
        tx.createUpdate("DELETE FROM creator_contract_terms WHERE contract_id = :id").bind("id", t.contractId()).execute();
        tx.createUpdate("""
                        INSERT INTO creator_contract_terms(contract_id, file_name, content_type, size, data, uploaded_at)
                        VALUES (:id, :name, :type, :size, :data, :now)""")
                .bind("id", t.contractId()).bind("name", t.fileName()).bind("type", t.contentType())
                .bind("size", t.bytes().length).bind("data", base64).bind("now", now).execute();
    }

    Optional<Terms> terms(Handle h, long contractId) {
        return h.createQuery("SELECT * FROM creator_contract_terms WHERE contract_id = :id").bind("id", contractId)
                .map((rs, c) -> new Terms(contractId, rs.getString("file_name"), rs.getString("content_type"),
                        java.util.Base64.getDecoder().decode(rs.getString("data")))).findOne();
    }

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
