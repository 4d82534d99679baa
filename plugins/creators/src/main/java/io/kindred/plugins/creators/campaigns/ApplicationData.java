package io.kindred.plugins.creators.campaigns;

import io.kindred.api.crypto.Vault;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's applications to campaigns, for {@code CreatorsPersonalData}: exported with the identity number
 * masked; on erasure an undecided application is deleted with its history, a decided one keeps its status and
 * scores (what the campaign's quota and the roster rest on) but loses every answer and the reviewers' notes.
 */
public final class ApplicationData {

    private final Answers answers;

    public ApplicationData(Vault vault) {
        this.answers = new Answers(vault);
    }

    /**
     * @param h      a read connection
     * @param userId the member
     * @return the member's applications, newest last, answers masked
     */
    public List<Map<String, Object>> export(Handle h, long userId) {
        return h.createQuery("""
                        SELECT a.id, a.campaign_id, c.title, a.status, a.score, a.submitted_at, a.decided_at, a.answers
                        FROM creator_applications a JOIN creator_campaigns c ON c.id = a.campaign_id
                        WHERE a.user_id = :u ORDER BY a.id""")
                .bind("u", userId)
                .map((rs, c) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong("id"));
                    m.put("campaignId", rs.getLong("campaign_id"));
                    m.put("campaign", rs.getString("title"));
                    m.put("status", rs.getString("status"));
                    m.put("score", rs.getObject("score") == null ? null : rs.getLong("score"));
                    m.put("submittedAt", Instant.ofEpochMilli(rs.getLong("submitted_at")).toString());
                    long decided = rs.getLong("decided_at");
                    m.put("decidedAt", rs.wasNull() ? null : Instant.ofEpochMilli(decided).toString());
                    m.put("answers", answers.view(Json.readObject(rs.getString("answers")), false));
                    return m;
                })
                .list();
    }

    /**
     * @param tx     the erasure's transaction
     * @param userId the member
     */
    public void erase(Handle tx, long userId) {
        tx.createUpdate("""
                        DELETE FROM creator_application_history WHERE application_id IN (
                            SELECT id FROM creator_applications WHERE user_id = :u
                            AND status IN ('submitted', 'screening', 'interview'))""")
                .bind("u", userId).execute();
        tx.createUpdate("""
                        DELETE FROM creator_applications
                        WHERE user_id = :u AND status IN ('submitted', 'screening', 'interview')""")
                .bind("u", userId).execute();
        tx.createUpdate("""
                        UPDATE creator_application_history SET note = NULL
                        WHERE application_id IN (SELECT id FROM creator_applications WHERE user_id = :u)""")
                .bind("u", userId).execute();
        // The member's own steps (their submission) carry the display name they had then.
        tx.createUpdate("UPDATE creator_application_history SET actor_name = NULL WHERE actor_id = :u")
                .bind("u", userId).execute();
        tx.createUpdate("UPDATE creator_applications SET answers = '{}' WHERE user_id = :u")
                .bind("u", userId).execute();
    }
}
