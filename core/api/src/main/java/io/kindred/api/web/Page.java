package io.kindred.api.web;

import java.util.List;

/**
 * One page of a list, as every list of the HTTP API answers it: {@code {"items":[...],"nextCursor":"..."}}.
 * {@code nextCursor} is null on the last page.
 *
 * <pre>{@code
 * x.json(new Page<>(items, items.size() == limit ? String.valueOf(lastId) : null));
 * }</pre>
 *
 * @param items      the items of this page
 * @param nextCursor opaque cursor for the next page, or null
 * @param <T>        item type
 */
public record Page<T>(List<T> items, String nextCursor) {
}
