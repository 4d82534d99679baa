package io.kindred.api.segments;

import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Member search for plugins over the core's segments engine (分层): the same filters as
 * {@code GET /api/v1/admin/users} and saved segments — the core's ({@code label}, {@code minSpent}, {@code rMin}, …)
 * and those of started plugins ({@link MemberFilter}) — with a ranking. The core provides it as a service:
 *
 * <pre>{@code
 * MemberSearch search = ctx.services().find(MemberSearch.class).orElseThrow();
 * Page<MemberMatch> top = search.find(Map.of("minPosts", "3"), MemberSearch.SORT_RFM, PageRequest.of(null, "20", 20, 100));
 * }</pre>
 *
 * <p>The RFM ranking ({@link #SORT_RFM}): members by R + F + M descending (the scores of the core's RFM rule, see
 * {@code docs/operator-guide.md}; a member who never bought counts 0 and comes after every buyer), ties by net
 * spending (monetary value) descending, then by id ascending. An unknown filter, a filter of a stopped plugin or a
 * bad value is a {@code KindredException} with code {@code invalid_field}, as in the admin API.
 */
public interface MemberSearch {

    /** Sort by R + F + M descending, then net spending descending, then id ascending. */
    String SORT_RFM = "rfm";
    /** Sort newest member first (id descending). */
    String SORT_NEWEST = "newest";

    /** A filter that can be used now: its name, its label in a language and the plugin that adds it ({@code core} for the core's). */
    record Field(String name, String label, String owner) {
    }

    /**
     * @param filters filter name to value, blank values ignored; every filter is ANDed
     * @param sort    {@link #SORT_RFM} or {@link #SORT_NEWEST} (null: newest)
     * @param page    the page; its cursor is the one the previous page gave out (an offset)
     * @return the members passing every filter, in the order asked
     */
    Page<MemberMatch> find(Map<String, String> filters, String sort, PageRequest page);

    /**
     * @param filters filter name to value
     * @return how many members pass every filter
     */
    long count(Map<String, String> filters);

    /**
     * @param locale the language of the labels
     * @return the filters that can be used now: the core's, then those of started plugins
     */
    List<Field> filters(Locale locale);

    /**
     * The members of a saved segment (分层) now, as SQL a plugin can put into its own queries: "is member X in segment
     * S" ({@code SELECT 1 WHERE :me IN (<sql>)}) or "only the answers of segment S" ({@code user_id IN (<sql>)}). The
     * parameters are named {@code s0}, {@code s1}, …; bind them all and avoid those names for your own. The SQL is
     * built from the segment's filters at the time of the call, so it follows later edits of the segment only when
     * asked again.
     *
     * <pre>{@code
     * MemberIds ids = search.segmentMembers(segmentId).orElseThrow();
     * boolean in = h.createQuery("SELECT COUNT(*) FROM users WHERE id = :me AND id IN (" + ids.sql() + ")")
     *         .bindMap(ids.params()).bind("me", userId).mapTo(Integer.class).one() > 0;
     * }</pre>
     *
     * @param segmentId a saved segment's id
     * @return the SELECT of its members' ids; empty when there is no such segment (or the host does not say)
     * @throws io.kindred.api.KindredException {@code invalid_field} when a filter of the segment belongs to a stopped
     *                                          plugin
     */
    default java.util.Optional<MemberIds> segmentMembers(long segmentId) {
        return java.util.Optional.empty();
    }
}
