package io.kindred.server.ledger;

import io.kindred.api.db.Database;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the ledger's invariants: each asset sums to zero, each balance equals the sum of its entries and
 * its last entry, each transfer has two balancing entries, no member balance is negative unless its asset
 * allows it, and open lots add up to the spendable balance.
 */
public final class Invariants {

    private final Database db;

    public Invariants(Database db) {
        this.db = db;
    }

    /** @return one sentence per problem; empty when the ledger is sound */
    public List<String> check() {
        return db.read(h -> {
            List<String> problems = new ArrayList<>();
            h.createQuery("SELECT asset, SUM(balance) FROM ledger_accounts GROUP BY asset HAVING SUM(balance) <> 0")
                    .map((rs, c) -> "asset " + rs.getString(1) + " sums to " + rs.getLong(2) + " instead of 0")
                    .forEach(problems::add);
            h.createQuery("""
                            SELECT a.id, a.balance, COALESCE(SUM(e.amount), 0) FROM ledger_accounts a
                              LEFT JOIN ledger_entries e ON e.account_id = a.id
                             GROUP BY a.id, a.balance HAVING a.balance <> COALESCE(SUM(e.amount), 0)""")
                    .map((rs, c) -> "account " + rs.getLong(1) + " has balance " + rs.getLong(2)
                            + " but its entries add up to " + rs.getLong(3))
                    .forEach(problems::add);
            h.createQuery("""
                            SELECT a.id, a.balance, e.balance_after FROM ledger_accounts a
                              JOIN ledger_entries e ON e.id = (SELECT MAX(id) FROM ledger_entries WHERE account_id = a.id)
                             WHERE e.balance_after <> a.balance""")
                    .map((rs, c) -> "account " + rs.getLong(1) + " has balance " + rs.getLong(2)
                            + " but its last entry says " + rs.getLong(3))
                    .forEach(problems::add);
            h.createQuery("""
                            SELECT t.id, COUNT(e.id), COALESCE(SUM(e.amount), 0) FROM ledger_transfers t
                              LEFT JOIN ledger_entries e ON e.transfer_id = t.id
                             GROUP BY t.id HAVING COUNT(e.id) <> 2 OR COALESCE(SUM(e.amount), 0) <> 0""")
                    .map((rs, c) -> "transfer " + rs.getLong(1) + " has " + rs.getLong(2) + " entries adding up to " + rs.getLong(3))
                    .forEach(problems::add);
            h.createQuery("""
                            SELECT a.id, a.asset, a.user_id, a.balance FROM ledger_accounts a
                              JOIN ledger_assets s ON s.code = a.asset
                             WHERE a.user_id IS NOT NULL AND s.allow_negative = 0 AND a.balance < 0""")
                    .map((rs, c) -> "member " + rs.getLong(3) + " has a negative " + rs.getString(2) + " balance of " + rs.getLong(4))
                    .forEach(problems::add);
            h.createQuery("""
                            SELECT a.id, a.user_id, a.asset, a.balance, COALESCE(SUM(l.remaining), 0) FROM ledger_accounts a
                              LEFT JOIN ledger_lots l ON l.account_id = a.id
                             WHERE a.user_id IS NOT NULL
                             GROUP BY a.id, a.user_id, a.asset, a.balance
                            HAVING COALESCE(SUM(l.remaining), 0) <> CASE WHEN a.balance > 0 THEN a.balance ELSE 0 END""")
                    .map((rs, c) -> "member " + rs.getLong(2) + " has " + rs.getLong(5) + " " + rs.getString(3)
                            + " in open lots but a balance of " + rs.getLong(4))
                    .forEach(problems::add);
            return problems;
        });
    }
}
