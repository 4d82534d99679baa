package io.kindred.api.users;

import java.util.Optional;
import java.util.Set;

/**
 * Read access to members for plugins.
 *
 * <pre>{@code
 * ctx.members().find(event.userId()).map(Member::displayName).orElse("?");
 * }</pre>
 */
public interface Members {

    /** @param id member id @return the member, if they exist */
    Optional<Member> find(long id);

    /** @param email an email, case-insensitive @return the member, if any */
    Optional<Member> findByEmail(String email);

    /** @param id member id @return the member's labels (tags set by operators or rules) */
    Set<String> labels(long id);

    /**
     * @param id         member id
     * @param preference a preference some plugin declared
     * @return the member's choice, or the preference's default when they never chose
     */
    boolean preference(long id, MemberPreference preference);

    /**
     * The member's shipping address from their profile, e.g. to prefill the address of a physical
     * redemption. Fields (each present only when filled in): {@code name, phone, country, province, city,
     * district, line1, line2, postalCode}, in that order.
     *
     * <pre>{@code
     * String text = String.join(", ", ctx.members().shippingAddress(userId).orElse(Map.of()).values());
     * }</pre>
     *
     * @param id member id
     * @return the address fields in the order above, or empty when the member has none (or does not exist)
     */
    default Optional<java.util.Map<String, String>> shippingAddress(long id) {
        return Optional.empty();
    }
}
