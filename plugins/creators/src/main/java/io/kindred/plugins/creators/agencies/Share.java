package io.kindred.plugins.creators.agencies;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agency's share of one released commission of a contracted creator.
 *
 * @param id               id
 * @param agencyId         the agency
 * @param contractId       the contract in force when the commission was earned
 * @param userId           the creator
 * @param commissionKey    the commission's stable key ({@code commission:<id>})
 * @param purchaseId       the purchase that earned it
 * @param commissionAmount the creator's commission, minor units
 * @param shareBp          the contract's share, basis points
 * @param amount           the agency's share, minor units
 * @param status           booked, or reversed after a refund
 * @param createdAt        epoch millis
 */
record Share(long id, long agencyId, long contractId, long userId, String commissionKey, long purchaseId,
             long commissionAmount, int shareBp, long amount, String status, long createdAt) {

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("agencyId", agencyId);
        m.put("contractId", contractId);
        m.put("userId", userId);
        m.put("commissionKey", commissionKey);
        m.put("purchaseId", purchaseId);
        m.put("commissionAmount", commissionAmount);
        m.put("shareBasisPoints", shareBp);
        m.put("amount", amount);
        m.put("status", status);
        m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        return m;
    }
}
