package io.kindred.plugins.community;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of members' reports and the operators' queue of reported posts and comments. */
final class ReportStore {

    /** A reported post or comment in the queue: how many open reports, and since when. */
    record Queued(Report.Target target, int reports, long firstAt, long lastAt) {
    }

    private static final String COLUMNS = "id, target_type, target_id, post_id, reporter_id, reason, note, status, resolution, created_at";

    /** @return whether a new report was stored (false: the member already has an open one on the target) */
    boolean insert(Handle h, Report.Target t, long postId, long reporterId, Report.Reason reason, String note, long now) {
        return h.createUpdate("""
                        INSERT INTO community_reports(target_type, target_id, post_id, reporter_id, reason, note, status, created_at)
                        VALUES (:type, :target, :post, :reporter, :reason, :note, 'open', :now)
                        ON CONFLICT DO NOTHING""")
                .bind("type", t.type().code()).bind("target", t.id()).bind("post", postId).bind("reporter", reporterId)
                .bind("reason", reason.code()).bind("note", note).bind("now", now).execute() == 1;
    }

    Optional<Report> openBy(Handle h, Report.Target t, long reporterId) {
        return h.createQuery("SELECT " + COLUMNS + """
                         FROM community_reports
                        WHERE target_type = :type AND target_id = :target AND reporter_id = :reporter AND status = 'open'""")
                .bind("type", t.type().code()).bind("target", t.id()).bind("reporter", reporterId)
                .map((rs, c) -> map(rs)).findOne();
    }

    int openCount(Handle h, Report.Target t) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM community_reports
                        WHERE target_type = :type AND target_id = :target AND status = 'open'""")
                .bind("type", t.type().code()).bind("target", t.id()).mapTo(Integer.class).one();
    }

    /** @return the open reports of a target, oldest first */
    List<Report> open(Handle h, Report.Target t) {
        return h.createQuery("SELECT " + COLUMNS + """
                         FROM community_reports
                        WHERE target_type = :type AND target_id = :target AND status = 'open' ORDER BY id""")
                .bind("type", t.type().code()).bind("target", t.id()).map((rs, c) -> map(rs)).list();
    }

    /** @return reported targets with open reports, most reported first, then the longest waiting */
    List<Queued> queue(Handle h, int limit, long offset) {
        return h.createQuery("""
                        SELECT target_type, target_id, COUNT(*) AS reports, MIN(created_at) AS first_at,
                               MAX(created_at) AS last_at
                          FROM community_reports WHERE status = 'open'
                         GROUP BY target_type, target_id
                         ORDER BY COUNT(*) DESC, MIN(created_at), target_type, target_id
                         LIMIT :limit OFFSET :offset""")
                .bind("limit", limit).bind("offset", offset)
                .map((rs, c) -> new Queued(new Report.Target(Report.TargetType.parse(rs.getString("target_type")),
                        rs.getLong("target_id")), rs.getInt("reports"), rs.getLong("first_at"), rs.getLong("last_at")))
                .list();
    }

    /** Closes the target's open reports with the operator's decision. @return how many */
    int resolve(Handle h, Report.Target t, String resolution, long by, long now) {
        return h.createUpdate("""
                        UPDATE community_reports SET status = 'resolved', resolution = :resolution, resolved_by = :by,
                               resolved_at = :now
                        WHERE target_type = :type AND target_id = :target AND status = 'open'""")
                .bind("type", t.type().code()).bind("target", t.id()).bind("resolution", resolution).bind("by", by)
                .bind("now", now).execute();
    }

    private static Report map(ResultSet rs) throws SQLException {
        return new Report(rs.getLong("id"), new Report.Target(Report.TargetType.parse(rs.getString("target_type")),
                rs.getLong("target_id")), rs.getLong("post_id"), rs.getLong("reporter_id"),
                Report.Reason.parse(rs.getString("reason")), rs.getString("note"), "open".equals(rs.getString("status")),
                rs.getString("resolution"), rs.getLong("created_at"));
    }
}
