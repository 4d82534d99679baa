package io.kindred.server.purchases;

import io.kindred.server.users.MemberIds;
import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import org.jdbi.v3.core.Handle;

import java.util.Optional;

/**
 * Finds the member a purchase names, whatever channel it comes from: the admin API, a shop connector. One
 * resolution order for all of them: member id, then external id, then email, then phone.
 */
public final class Buyers {

    private final UserStore users;

    public Buyers(UserStore users) {
        this.users = users;
    }

    /** @return the member the buyer names, if one matches */
    public Optional<Long> find(Handle h, Buyer buyer) {
        if (buyer.userId().isPresent()) {
            return users.byId(h, buyer.userId().get()).map(UserRow::id);
        }
        Optional<UserRow> found = buyer.externalId().flatMap(x -> users.byExternalId(h, x.system(), x.id()));
        if (found.isEmpty() && buyer.email().isPresent()) {
            found = users.byEmail(h, buyer.email().get());
        }
        if (found.isEmpty() && buyer.phone().isPresent()) {
            found = users.byPhone(h, buyer.phone().get());
        }
        return found.map(UserRow::id);
    }

    /** @return the member the buyer names; else a 404 {@code user_not_found} */
    public long resolve(Handle h, Buyer buyer) {
        return find(h, buyer).orElseThrow(() -> MemberIds.notFound(buyer.describe()));
    }
}
