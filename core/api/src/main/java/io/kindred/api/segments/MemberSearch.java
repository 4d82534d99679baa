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
}
