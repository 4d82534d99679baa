package io.kindred.api.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One page of a list, as every list of the HTTP API answers it: {@code {"items":[...],"nextCursor":"..."}}.
 * {@code nextCursor} is null on the last page. Build it with {@link #of} from the rows a
 * {@link PageRequest} asked for; a list that is never paged answers {@link #all}.
 *
 * <pre>{@code
 * PageRequest page = x.page(50, 200);
 * x.json(Page.of(redemptions.ofMember(member, page.before(), page.limit()), page, Redemption::id).map(Redemption::json));
 * }</pre>
 *
 * @param items      the items of this page
 * @param nextCursor opaque cursor for the next page, or null
 * @param <T>        item type
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page of rows read for a request: when it is full, the next page starts after its last row.
     *
     * @param rows    the rows read with {@code LIMIT request.limit()}
     * @param request the request they were read for
     * @param id      a row's id, the one the list is ordered by
     * @param <T>     row type
     * @return the page
     */
    public static <T> Page<T> of(List<T> rows, PageRequest request, ToLongFunction<? super T> id) {
        String next = !rows.isEmpty() && rows.size() >= request.limit()
                ? String.valueOf(id.applyAsLong(rows.get(rows.size() - 1))) : null;
        return new Page<>(rows, next);
    }

    /**
     * @param items a whole list
     * @param <T>   item type
     * @return it as one page without a next one
     */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(items, null);
    }

    /**
     * @param mapper what each item becomes in the answer, e.g. {@code Row::json}
     * @param <U>    answer item type
     * @return the same page with its items mapped, the cursor unchanged
     */
    public <U> Page<U> map(Function<? super T, ? extends U> mapper) {
        return new Page<>(items.stream().<U>map(mapper).toList(), nextCursor);
    }
}
