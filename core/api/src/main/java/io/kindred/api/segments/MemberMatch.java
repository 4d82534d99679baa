package io.kindred.api.segments;

import java.util.Set;

/**
 * One member found by {@link MemberSearch}, with what screening looks at: RFM scores (1–5, 0 for a member who never
 * bought), purchases, spending and activity, and labels.
 *
 * <pre>{@code
 * MemberMatch m = search.find(Map.of("fMin", "3"), MemberSearch.SORT_RFM, PageRequest.of(null, "20", 20, 100)).items().get(0);
 * int total = m.rfm();
 * }</pre>
 *
 * @param id              the member's id
 * @param displayName     their display name (may be empty)
 * @param email           their email, or null
 * @param r               recency score 1–5, 0 when they never bought
 * @param f               frequency score 1–5, 0 when they never bought
 * @param m               monetary score 1–5, 0 when they never bought
 * @param purchaseCount   purchases not refunded
 * @param totalSpent      net spending in minor units
 * @param lastPurchaseDay the last purchase day (YYYY-MM-DD) or null
 * @param lastActiveDay   the last day they were active (YYYY-MM-DD) or null
 * @param labels          their labels
 */
public record MemberMatch(long id, String displayName, String email, int r, int f, int m, long purchaseCount,
                          long totalSpent, String lastPurchaseDay, String lastActiveDay, Set<String> labels) {

    /** Keeps an unmodifiable copy of the labels. */
    public MemberMatch {
        labels = Set.copyOf(labels == null ? Set.of() : labels);
    }

    /** @return R + F + M, from 3 to 15, or 0 for a member who never bought */
    public int rfm() {
        return r + f + m;
    }
}
