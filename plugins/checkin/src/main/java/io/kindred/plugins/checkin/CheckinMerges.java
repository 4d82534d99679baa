package io.kindred.plugins.checkin;

import io.kindred.api.events.Event;
import org.jdbi.v3.core.Handle;

/**
 * {@code member.merged} {into, from}: the merged member's check-in history becomes the target's. A day both
 * checked in stays once (the target's row; the other stays with the merged member as history), challenge
 * entries likewise; the points those check-ins earned moved with the ledger already. Running it twice
 * changes nothing.
 */
final class CheckinMerges {

    void onMerged(Event e, Handle tx) {
        long into = e.longValue("into");
        long from = e.longValue("from");
        tx.createUpdate("""
                        UPDATE checkins SET user_id = :into
                         WHERE user_id = :from AND day NOT IN (SELECT c.day FROM checkins c WHERE c.user_id = :into)""")
                .bind("into", into).bind("from", from).execute();
        tx.createUpdate("UPDATE checkin_rewards SET user_id = :into WHERE user_id = :from")
                .bind("into", into).bind("from", from).execute();
        tx.createUpdate("""
                        UPDATE checkin_challenge_members SET user_id = :into
                         WHERE user_id = :from AND challenge_id NOT IN
                               (SELECT m.challenge_id FROM checkin_challenge_members m WHERE m.user_id = :into)""")
                .bind("into", into).bind("from", from).execute();
    }
}
