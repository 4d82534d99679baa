package io.kindred.plugins.creators.agencies;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A contract between an agency and a creator: from {@code startsOn} to {@code endsOn} (both days included, in the
 * site's zone) the agency takes {@code shareBp} basis points of the creator's commission.
 *
 * @param id                id
 * @param agencyId          the agency
 * @param userId            the creator
 * @param startsOn          first day
 * @param endsOn            last day
 * @param shareBp           the agency's share, basis points 0..10000 (12.5% = 1250)
 * @param status            active, ended or terminated, as stored (see {@link #statusOn})
 * @param renewedFrom       the contract this one continues, or null
 * @param terminatedAt      when it was terminated, or null
 * @param terminationReason why, or null
 * @param createdAt         epoch millis
 * @param hasTerms          whether a terms file is stored
 */
record Contract(long id, long agencyId, long userId, LocalDate startsOn, LocalDate endsOn, int shareBp, String status,
                Long renewedFrom, Long terminatedAt, String terminationReason, long createdAt, boolean hasTerms) {

    /** @return the status on a day: an active contract past its last day has ended, whether the job ran or not */
    String statusOn(LocalDate today) {
        return "active".equals(status) && endsOn.isBefore(today) ? "ended" : status;
    }

    /** @return whether it gives the agency a share of commission earned at {@code at} on {@code day} */
    boolean inForce(LocalDate day, long at) {
        boolean withinDates = !day.isBefore(startsOn) && !day.isAfter(endsOn);
        return withinDates && (terminatedAt == null || at < terminatedAt);
    }

    /** @return the share in percent, e.g. 12.5 */
    BigDecimal sharePercent() {
        BigDecimal percent = BigDecimal.valueOf(shareBp, 2).stripTrailingZeros();
        return percent.scale() < 0 ? percent.setScale(0) : percent;
    }

    Map<String, Object> json(LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("agencyId", agencyId);
        m.put("userId", userId);
        m.put("startsOn", startsOn.toString());
        m.put("endsOn", endsOn.toString());
        m.put("sharePercent", sharePercent());
        m.put("shareBasisPoints", shareBp);
        m.put("status", statusOn(today));
        m.put("renewedFrom", renewedFrom);
        m.put("terminatedAt", terminatedAt == null ? null : Instant.ofEpochMilli(terminatedAt).toString());
        m.put("terminationReason", terminationReason);
        m.put("hasTerms", hasTerms);
        m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        return m;
    }
}
