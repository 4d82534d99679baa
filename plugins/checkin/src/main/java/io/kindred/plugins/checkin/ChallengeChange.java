package io.kindred.plugins.checkin;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A new challenge or an edit of one, as {@code POST} and {@code PUT /api/v1/admin/checkins/challenges} read it
 * and the console's challenge form builds it: a field not given keeps its value (for a new challenge:
 * no description, 1 day required, not consecutive, 0 points, no badge, not auto-joined). {@code title},
 * {@code startDay} and {@code endDay} are required for a new challenge.
 *
 * @param title        1 to 120 characters
 * @param description  at most 2000 characters
 * @param startDay     first day, {@code YYYY-MM-DD} in the site's time zone
 * @param endDay       last day, included; at most 366 days after the start
 * @param daysRequired check-in days needed, 1 to the days of the window
 * @param consecutive  whether the days must follow each other
 * @param rewardPoints 0 to 100,000,000
 * @param badge        at most 40 characters; blank for none
 * @param autoJoin     whether every member takes part without joining
 */
record ChallengeChange(Optional<String> title, Optional<String> description, Optional<LocalDate> startDay,
                       Optional<LocalDate> endDay, Optional<Integer> daysRequired, Optional<Boolean> consecutive,
                       Optional<Long> rewardPoints, Optional<String> badge, Optional<Boolean> autoJoin) {
}
