package io.kindred.server.ledger;

import io.kindred.api.db.Database;
import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.TransferRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Expires what is left of lots whose time has come, each with an ordinary transfer to the asset's
 * {@code expired} system account (reason {@code expired}, key {@code expire:lot:<id>}), so running it twice,
 * or on two nodes, expires each lot once.
 */
public final class Expiry {

    private static final Logger log = LoggerFactory.getLogger("kindred.ledger");

    private record DueLot(long id, long userId, String asset) {
    }

    private final Database db;
    private final LedgerService ledger;

    public Expiry(Database db, LedgerService ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    /** @return how many lots were expired */
    public int expireDue(long nowMillis) {
        int expired = 0;
        long total = 0;
        while (true) {
            List<DueLot> due = db.read(h -> h.createQuery("""
                            SELECT l.id, a.user_id, a.asset FROM ledger_lots l JOIN ledger_accounts a ON a.id = l.account_id
                             WHERE l.expires_at <= :now AND l.remaining > 0
                             ORDER BY l.id LIMIT 500""")
                    .bind("now", nowMillis)
                    .map((rs, c) -> new DueLot(rs.getLong(1), rs.getLong(2), rs.getString(3))).list());
            if (due.isEmpty()) {
                break;
            }
            for (DueLot lot : due) {
                long amount = db.write(h -> {
                    long remaining = h.createQuery("SELECT remaining FROM ledger_lots WHERE id = :id")
                            .bind("id", lot.id()).mapTo(Long.class).one();
                    if (remaining <= 0) {
                        return 0L;
                    }
                    ledger.post(h, new TransferRequest(lot.asset(), AccountRef.member(lot.userId()),
                            AccountRef.system("expired"), remaining, "expired", "lot:" + lot.id(),
                            "expire:lot:" + lot.id()), lot.id());
                    return remaining;
                });
                if (amount > 0) {
                    expired++;
                    total += amount;
                }
            }
        }
        if (expired > 0) {
            log.info("Expired {} lots ({} units in all)", expired, total);
        }
        return expired;
    }
}
