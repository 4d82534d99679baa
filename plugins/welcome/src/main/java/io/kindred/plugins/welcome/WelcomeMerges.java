package io.kindred.plugins.welcome;

import io.kindred.api.events.Event;
import org.jdbi.v3.core.Handle;

/**
 * {@code member.merged} {into, from}: the merged member's welcome gift (whose points moved with the ledger) is
 * recorded as the target's when the target has none, so the person is known to have had theirs. Running it
 * twice changes nothing.
 */
final class WelcomeMerges {

    void onMerged(Event e, Handle tx) {
        tx.createUpdate("""
                        UPDATE welcome_gifts SET user_id = :into
                         WHERE user_id = :from AND NOT EXISTS (SELECT 1 FROM welcome_gifts g WHERE g.user_id = :into)""")
                .bind("into", e.longValue("into")).bind("from", e.longValue("from")).execute();
    }
}
