package io.kindred.plugins.distribution;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One commission (佣金): what a purchase earns one beneficiary at depth 1 (the buyer's referrer) or 2 (the
 * referrer's referrer).
 *
 * @param id             id
 * @param purchaseId     the core's purchase id
 * @param beneficiaryId  who earns
 * @param buyerId        who bought
 * @param depth          1 or 2
 * @param levelCode      the beneficiary's level when it was booked
 * @param rate           basis points
 * @param purchaseAmount the purchase, minor units
 * @param amount         the commission, minor units
 * @param currency       currency code
 * @param status         frozen, released, cancelled (refund before release) or clawed_back (refund after)
 * @param releaseAt      when the refund window ends
 * @param createdAt      when it was booked
 */
record Commission(long id, long purchaseId, long beneficiaryId, long buyerId, int depth, String levelCode, int rate,
                  long purchaseAmount, long amount, String currency, String status, long releaseAt, long createdAt) {

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("purchaseId", purchaseId);
        m.put("beneficiaryId", beneficiaryId);
        m.put("buyerId", buyerId);
        m.put("depth", depth);
        m.put("level", levelCode);
        m.put("rate", rate);
        m.put("purchaseAmount", purchaseAmount);
        m.put("amount", amount);
        m.put("currency", currency);
        m.put("status", status);
        m.put("releaseAt", Instant.ofEpochMilli(releaseAt).toString());
        m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        return m;
    }
}
