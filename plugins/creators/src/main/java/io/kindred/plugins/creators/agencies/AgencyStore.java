package io.kindred.plugins.creators.agencies;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** The SQL of agencies and their managers. */
final class AgencyStore {

    private static final RowMapper<Agency> MAPPER = (rs, c) -> new Agency(rs.getLong("id"), rs.getString("name"),
            rs.getString("contact_person"), rs.getString("contact_phone"), rs.getString("contact_email"),
            rs.getString("status"), rs.getString("notes"), rs.getLong("created_at"), rs.getLong("updated_at"));

    /** What an operator sets of an agency. */
    record Fields(String name, String contactPerson, String contactPhone, String contactEmail, String status, String notes) {
    }

    long insert(Handle tx, Fields f, long now) {
        return tx.createUpdate("""
                        INSERT INTO creator_agencies(name, contact_person, contact_phone, contact_email, status, notes,
                               created_at, updated_at)
                        VALUES (:name, :person, :phone, :email, :status, :notes, :now, :now)""")
                .bind("name", f.name()).bind("status", f.status()).bind("notes", f.notes()).bind("person", f.contactPerson()).bind("phone", f.contactPhone())
                .bind("email", f.contactEmail()).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void update(Handle tx, long id, Fields f, long now) {
        tx.createUpdate("""
                        UPDATE creator_agencies SET name = :name, contact_person = :person, contact_phone = :phone,
                               contact_email = :email, status = :status, notes = :notes, updated_at = :now WHERE id = :id""")
                .bind("name", f.name()).bind("status", f.status()).bind("notes", f.notes()).bind("person", f.contactPerson()).bind("phone", f.contactPhone())
                .bind("email", f.contactEmail()).bind("now", now).bind("id", id).execute();
    }

    Optional<Agency> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM creator_agencies WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    Optional<Agency> byName(Handle h, String name) {
        return h.createQuery("SELECT * FROM creator_agencies WHERE name = :name").bind("name", name).map(MAPPER).findOne();
    }

    /** @return agencies newest first, below the cursor id */
    List<Agency> list(Handle h, long before, int limit) {
        return h.createQuery("SELECT * FROM creator_agencies WHERE id < :before ORDER BY id DESC LIMIT :limit")
                .bind("before", before).bind("limit", limit).map(MAPPER).list();
    }

    /** @return the agency the member manages, if any */
    Optional<Long> managedBy(Handle h, long userId) {
        return h.createQuery("SELECT agency_id FROM creator_agency_managers WHERE user_id = :u").bind("u", userId)
                .mapTo(Long.class).findOne();
    }

    List<Long> managers(Handle h, long agencyId) {
        return h.createQuery("SELECT user_id FROM creator_agency_managers WHERE agency_id = :a ORDER BY created_at, user_id")
                .bind("a", agencyId).mapTo(Long.class).list();
    }

    /** @return whether the member became a manager (false: they manage an agency already) */
    boolean addManager(Handle tx, long agencyId, long userId, long now) {
        return tx.createUpdate("""
                        INSERT INTO creator_agency_managers(user_id, agency_id, created_at) VALUES (:u, :a, :now)
                        ON CONFLICT (user_id) DO NOTHING""")
                .bind("u", userId).bind("a", agencyId).bind("now", now).execute() == 1;
    }

    boolean removeManager(Handle tx, long agencyId, long userId) {
        return tx.createUpdate("DELETE FROM creator_agency_managers WHERE user_id = :u AND agency_id = :a")
                .bind("u", userId).bind("a", agencyId).execute() == 1;
    }
}
