package io.kindred.plugins.community;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A new contest or an edit of one, as {@code POST} and {@code PATCH /api/v1/admin/community/contests} read it and
 * the console's form builds it: a field not given keeps its value. {@code title}, {@code startDay}, {@code endDay}
 * and a category or a tag are required for a new contest.
 *
 * @param title            1 to 120 characters
 * @param rules            the rules in Markdown, at most 20,000 characters
 * @param categoryId       entries are posts in this category (or its sub-categories); 0 for none
 * @param tag              entries carry this tag; blank for none
 * @param startDay         first day, {@code YYYY-MM-DD} in the site's time zone
 * @param endDay           last day, included
 * @param entriesInWindow  whether an entry must be published between the start and the end (default true)
 * @param voting           whether members vote (default false)
 * @param votingStartDay   first day of voting (default: the start day)
 * @param votingEndDay     last day of voting, included (default: the end day)
 * @param votesPerMember   votes a member has in the contest, one per entry at most (1 to 1000, default 3)
 * @param prizes           the prize of each rank, replacing all of them
 * @param ended            true ends the contest now (edits only): no new entries, winners may be picked
 */
record ContestChange(Optional<String> title, Optional<String> rules, Optional<Long> categoryId, Optional<String> tag,
                     Optional<LocalDate> startDay, Optional<LocalDate> endDay, Optional<Boolean> entriesInWindow,
                     Optional<Boolean> voting, Optional<LocalDate> votingStartDay, Optional<LocalDate> votingEndDay,
                     Optional<Integer> votesPerMember, Optional<List<PrizeBody>> prizes, Optional<Boolean> ended) {

    /**
     * A prize as given.
     *
     * @param rank   1 to 20
     * @param points points paid to the winner of that rank, 0 to 100,000,000
     * @param title  a title shown with the winner, at most 40 characters (default: the badge's name)
     * @param badge  the code of a badge to grant, one of the points shop's badge items ({@code shop:<itemId>})
     */
    record PrizeBody(int rank, Optional<Long> points, Optional<String> title, Optional<String> badge) {
    }
}
