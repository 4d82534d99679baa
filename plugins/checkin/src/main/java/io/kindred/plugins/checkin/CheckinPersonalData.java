package io.kindred.plugins.checkin;

import static io.kindred.api.privacy.MemberRows.rows;
import io.kindred.api.privacy.PersonalData;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The member's check-ins in their export (section {@code checkin}) and in the erasure of their account: check-ins
 * and rewards credited points, so they stay (they hold no name, address or text); the caller's idempotency keys
 * are cleared, challenges joined but not completed and the reminders sent are deleted. Safe to run twice.
 */
final class CheckinPersonalData implements PersonalData {

    /** Reminder keys of {@link Reminders}: {@code checkin:challenge-starts:<challenge>:<user>}, {@code checkin:streak-at-risk:<user>:<day>}. */
    private static final String REMINDERS_OF = """
            (reminder_key LIKE 'checkin:challenge-starts:%:' || :u
             OR reminder_key LIKE 'checkin:streak-at-risk:' || :u || ':%')""";

    @Override
    public String section() {
        return "checkin";
    }

    @Override
    public Object export(Handle h, long userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("checkins", rows(h, userId, """
                SELECT day, CASE makeup WHEN 1 THEN 'makeup' ELSE 'daily' END AS kind, streak,
                       run_length AS "consecutiveDays", awarded AS "pointsAwarded", cost AS "makeupCostPoints",
                       created_at AS "checkedInAt"
                  FROM checkins WHERE user_id = :u ORDER BY day"""));
        out.put("rewards", rows(h, userId, """
                SELECT day, kind, milestone, points, created_at AS "paidAt"
                  FROM checkin_rewards WHERE user_id = :u ORDER BY day, id"""));
        out.put("challenges", rows(h, userId, """
                SELECT m.challenge_id AS "challengeId", c.title, m.joined_at AS "joinedAt",
                       m.completed_day AS "completedDay", m.completed_at AS "completedAt"
                  FROM checkin_challenge_members m JOIN checkin_challenges c ON c.id = m.challenge_id
                 WHERE m.user_id = :u ORDER BY m.joined_at"""));
        out.put("reminders", rows(h, userId, """
                SELECT CASE WHEN reminder_key LIKE 'checkin:challenge-starts:%' THEN 'challenge-starts'
                            ELSE 'streak-at-risk' END AS type, sent_at AS "sentAt"
                  FROM checkin_reminders WHERE""" + " " + REMINDERS_OF + " ORDER BY sent_at"));
        return out;
    }

    @Override
    public Erased erase(Handle tx, long userId) {
        tx.createUpdate("UPDATE checkins SET request_key = NULL WHERE user_id = :u AND request_key IS NOT NULL")
                .bind("u", userId).execute();
        tx.createUpdate("DELETE FROM checkin_challenge_members WHERE user_id = :u AND completed_at IS NULL")
                .bind("u", userId).execute();
        tx.createUpdate("DELETE FROM checkin_reminders WHERE " + REMINDERS_OF).bind("u", userId).execute();
        return Erased.nothing();
    }


}
