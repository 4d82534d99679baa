package io.kindred.plugins.membership;

import java.util.List;
import java.util.Optional;

/**
 * An edit of a plan (or a new plan), as {@code PUT /api/v1/admin/membership/plans/{code}} reads it and the
 * console's plan form builds it: every field optional, an absent one keeps its value (or the default of a
 * new plan: 1 month, no trial, price 0 CNY, no sku, no benefits, on sale).
 *
 * @param name      shown to members (English, the default), 1 to 60 characters; required for a new plan
 * @param nameZh    the Simplified Chinese name, up to 60 characters; blank removes it
 * @param months    0 to 120, 0 = lifetime
 * @param trialDays 0 to 365
 * @param price     minor units, 0 to 10^12
 * @param currency  an ISO 4217 code such as {@code CNY}
 * @param sku       the brand shop's sku that sells it; blank removes it
 * @param benefits  benefit codes, replacing the plan's
 * @param active    whether it is on sale
 */
record PlanChange(Optional<String> name, Optional<String> nameZh, Optional<Integer> months, Optional<Integer> trialDays, Optional<Long> price,
                  Optional<String> currency, Optional<String> sku, Optional<List<String>> benefits,
                  Optional<Boolean> active) {
}
