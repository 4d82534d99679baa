package io.kindred.plugins.creators.campaigns;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** SQL of {@code creator_campaigns}. */
final class CampaignStore {

    /** What a campaign is made of, as the operator gives it. */
    record Input(String title, String category, LocalDate startsOn, LocalDate endsOn, int quota, String description,
                 String status, List<FormField> form) {
    }

    private static final String SELECT = """
            SELECT c.*, (SELECT COUNT(*) FROM creator_applications a WHERE a.campaign_id = c.id) AS applied
            FROM creator_campaigns c
            """;

    long insert(Handle tx, Input in, long now) {
        return tx.createUpdate("""
                        INSERT INTO creator_campaigns(title, category, starts_on, ends_on, quota, description, status, form,
                                                      created_at, updated_at)
                        VALUES (:title, :category, :startsOn, :endsOn, :quota, :description, :status, :form, :now, :now)
                        """)
                .bind("title", in.title()).bind("category", in.category()).bind("startsOn", in.startsOn().toString())
                .bind("endsOn", in.endsOn().toString()).bind("quota", in.quota()).bind("description", in.description())
                .bind("status", in.status()).bind("form", FormField.toJson(in.form())).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    boolean update(Handle tx, long id, Input in, long now) {
        return tx.createUpdate("""
                        UPDATE creator_campaigns SET title = :title, category = :category, starts_on = :startsOn,
                            ends_on = :endsOn, quota = :quota, description = :description, status = :status, form = :form,
                            updated_at = :now
                        WHERE id = :id
                        """)
                .bind("id", id).bind("title", in.title()).bind("category", in.category())
                .bind("startsOn", in.startsOn().toString()).bind("endsOn", in.endsOn().toString())
                .bind("quota", in.quota()).bind("description", in.description()).bind("status", in.status())
                .bind("form", FormField.toJson(in.form())).bind("now", now).execute() == 1;
    }

    boolean delete(Handle tx, long id) {
        return tx.createUpdate("DELETE FROM creator_campaigns WHERE id = :id").bind("id", id).execute() == 1;
    }

    Optional<Campaign> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE c.id = :id").bind("id", id).map((rs, c) -> campaign(rs)).findOne();
    }

    /** @return campaigns of a status (all when null), newest first, below the cursor id */
    List<Campaign> list(Handle h, String status, long before, int limit) {
        var q = h.createQuery(SELECT + " WHERE c.id < :before" + (status == null ? "" : " AND c.status = :status")
                + " ORDER BY c.id DESC LIMIT :limit").bind("before", before).bind("limit", limit);
        if (status != null) {
            q.bind("status", status);
        }
        return q.map((rs, c) -> campaign(rs)).list();
    }

    /** @return open campaigns taking applications on {@code today}, ending soonest first */
    List<Campaign> open(Handle h, LocalDate today, int limit) {
        return h.createQuery(SELECT + """
                         WHERE c.status = 'open' AND c.starts_on <= :today AND c.ends_on >= :today
                        ORDER BY c.ends_on, c.id LIMIT :limit
                        """)
                .bind("today", today.toString()).bind("limit", limit).map((rs, c) -> campaign(rs)).list();
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("title"), rs.getString("category"),
                LocalDate.parse(rs.getString("starts_on")), LocalDate.parse(rs.getString("ends_on")), rs.getInt("quota"),
                rs.getString("description"), rs.getString("status"), FormField.fromJson(rs.getString("form")),
                rs.getInt("applied"), rs.getLong("created_at"), rs.getLong("updated_at"));
    }
}
