package io.kindred.server.purchases;

import io.kindred.server.users.Accounts;
import io.kindred.server.users.MemberIds;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Finds the member a purchase names, whatever channel it comes from: the admin API, a shop connector. One
 * resolution order for all of them: member id, then external id, then email, then phone. A member merged into
 * another one answers with that other one. The single entry point for every channel is {@link #resolve}.
 */
public final class Buyers {

    /** The setting that lets {@link #resolve} create a customer record when nobody matches. */
    public static final String CREATE_CUSTOMERS = "purchases.create-customers";

    private final UserStore users;
    private final Accounts accounts;
    private final BooleanSupplier createCustomers;
    private final Clock clock;

    /**
     * @param createCustomers whether an unknown buyer named by email, phone or external id becomes a new
     *                        password-less customer record (setting {@value #CREATE_CUSTOMERS})
     */
    public Buyers(UserStore users, Accounts accounts, BooleanSupplier createCustomers, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.createCustomers = createCustomers;
        this.clock = clock;
    }

    /** @return the member the buyer names, if one matches (the member it was merged into, if it was) */
    public Optional<Long> find(Handle h, Buyer buyer) {
        return match(h, buyer).map(u -> users.current(h, u.id()));
    }

    private Optional<UserRow> match(Handle h, Buyer buyer) {
        if (buyer.userId().isPresent()) {
            return users.byId(h, buyer.userId().get());
        }
        Optional<UserRow> found = buyer.externalId().flatMap(x -> users.byExternalId(h, x.system(), x.id()));
        if (found.isEmpty() && buyer.email().isPresent()) {
            found = users.byEmail(h, buyer.email().get());
        }
        if (found.isEmpty() && buyer.phone().isPresent()) {
            found = users.byPhone(h, buyer.phone().get());
        }
        return found;
    }

    /**
     * The member the buyer names, inside the caller's write transaction. When nobody matches and the setting
     * {@value #CREATE_CUSTOMERS} is on, a password-less customer record is created (email, phone, name,
     * external id) and emits {@code user.registered} with source {@code purchase}; the person claims it later.
     *
     * @param h a write transaction (the purchase is recorded in the same one)
     * @return the member's id; else a 404 {@code user_not_found}
     */
    public long resolve(Handle h, Buyer buyer) {
        Optional<Long> found = find(h, buyer);
        if (found.isPresent()) {
            return found.get();
        }
        if (buyer.userId().isPresent() || !createCustomers.getAsBoolean()) {
            throw MemberIds.notFound(buyer.describe());
        }
        long id = accounts.createCustomer(h, buyer.email().orElse(null), buyer.phone().orElse(null),
                buyer.name().orElse(null), "purchase");
        buyer.externalId().ifPresent(x -> users.linkExternalId(h, id, x.system(), x.id(), clock.millis()));
        return id;
    }
}
