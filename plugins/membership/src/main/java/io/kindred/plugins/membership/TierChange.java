package io.kindred.plugins.membership;

import java.util.List;
import java.util.Optional;

/**
 * An edit of a tier, as {@code PUT /api/v1/admin/membership/tiers/{code}} reads it and the console's tier form
 * builds it: every field optional, an absent one keeps its value.
 *
 * @param name       shown to members (English, the default), 1 to 40 characters
 * @param nameZh     the Simplified Chinese name, up to 40 characters; blank removes it
 * @param threshold  growth needed, 0 to 10^12
 * @param multiplier points multiplier, 0 to 100 (e.g. 1.5)
 * @param colour     a hex colour such as {@code #ff9800}
 * @param icon       1 to 8 characters, e.g. an emoji
 * @param benefits   benefit codes, replacing the tier's
 */
record TierChange(Optional<String> name, Optional<String> nameZh, Optional<Long> threshold, Optional<Double> multiplier,
                  Optional<String> colour, Optional<String> icon, Optional<List<String>> benefits) {
}
