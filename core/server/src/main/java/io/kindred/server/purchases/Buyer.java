package io.kindred.server.purchases;

import io.kindred.api.KindredException;
import io.kindred.server.users.Accounts;

import java.util.Optional;

/**
 * Who bought, as the shop names them: Kindred's member id, or the shop's customer id, or an email or a phone.
 * At least one part is present; {@link Buyers#resolve} tries them in that order.
 *
 * @param userId     Kindred's member id
 * @param externalId the customer in another system, e.g. {@code shopify} / {@code 7781}
 * @param email      lower-cased email
 * @param phone      normalised phone (digits, optional leading +)
 * @param name       the customer's name as the shop knows it, used when a customer record is created
 */
public record Buyer(Optional<Long> userId, Optional<ExternalRef> externalId, Optional<String> email,
                    Optional<String> phone, Optional<String> name) {

    /** A customer id in another system. */
    public record ExternalRef(String system, String id) {

        public ExternalRef {
            system = system == null ? "" : system.trim().toLowerCase();
            id = id == null ? "" : id.trim();
            if (!system.matches("[a-z0-9_.-]{1,40}")) {
                throw KindredException.invalidField("The externalId.system is 1 to 40 lower-case letters, digits, . _ or -.");
            }
            if (id.isEmpty() || id.length() > 100) {
                throw KindredException.invalidField("The externalId.id is 1 to 100 characters.");
            }
        }
    }

    public Buyer {
        email = email.map(String::trim).filter(e -> !e.isEmpty()).map(String::toLowerCase);
        phone = phone.map(String::trim).filter(p -> !p.isEmpty()).map(Accounts::normalisePhone);
        name = name.map(String::trim).filter(n -> !n.isEmpty());
        if (userId.isEmpty() && externalId.isEmpty() && email.isEmpty() && phone.isEmpty()) {
            throw KindredException.missingField("userId");
        }
    }

    /** @return a buyer named only by Kindred's member id */
    public static Buyer member(long userId) {
        return new Buyer(Optional.of(userId), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @return how the caller named the buyer, for a "not found" message */
    public String describe() {
        if (userId.isPresent()) {
            return String.valueOf(userId.get());
        }
        if (externalId.isPresent()) {
            return "with the " + externalId.get().system() + " customer id " + externalId.get().id();
        }
        return email.map(e -> "with the email " + e).orElseGet(() -> "with the phone " + phone.orElseThrow());
    }
}
