package io.kindred.server.ledger;

import io.kindred.api.db.Database;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A member's ledger history, newest first, a page at a time. Each of the member's accounts (one per asset) is read
 * along its own index {@code ledger_entries(account_id, id)} from the cursor down, at most one page per account, and
 * the few rows are merged here: a page costs the same for a member with ten entries or a million, at any depth.
 */
final class LedgerHistory {

    private final Database db;

    LedgerHistory(Database db) {
        this.db = db;
    }

    List<LedgerService.HistoryItem> page(long userId, String asset, boolean spendableOnly, long beforeId, int limit) {
        return db.read(h -> {
            List<LedgerService.HistoryItem> rows = new ArrayList<>();
            for (long account : accounts(h, userId, asset, spendableOnly)) {
                rows.addAll(accountPage(h, account, beforeId, limit));
            }
            rows.sort(Comparator.comparingLong(LedgerService.HistoryItem::id).reversed());
            return List.copyOf(rows.subList(0, Math.min(limit, rows.size())));
        });
    }

    private static List<Long> accounts(Handle h, long userId, String asset, boolean spendableOnly) {
        return h.createQuery("""
                        SELECT a.id FROM ledger_accounts a JOIN ledger_assets s ON s.code = a.asset
                         WHERE a.user_id = :user AND (CAST(:asset AS TEXT) IS NULL OR a.asset = :asset)
                           AND (:spendableOnly = 0 OR s.spendable = 1)""")
                .bind("user", userId).bind("asset", asset).bind("spendableOnly", spendableOnly ? 1 : 0)
                .mapTo(Long.class).list();
    }

    /** One account's entries below the cursor; a merge of two members may have split an entry's lot, the earliest expiry shows. */
    private static List<LedgerService.HistoryItem> accountPage(Handle h, long account, long beforeId, int limit) {
        return h.createQuery("""
                        SELECT e.id, a.asset, e.amount, e.balance_after, t.reason, t.reference, e.created_at,
                               (SELECT MIN(l.expires_at) FROM ledger_lots l
                                 WHERE l.transfer_id = e.transfer_id AND l.account_id = e.account_id) AS expires_at
                          FROM ledger_entries e
                          JOIN ledger_accounts a ON a.id = e.account_id
                          JOIN ledger_transfers t ON t.id = e.transfer_id
                         WHERE e.account_id = :account AND e.id < :cursor
                         ORDER BY e.id DESC LIMIT :limit""")
                .bind("account", account).bind("cursor", beforeId).bind("limit", limit)
                .map((rs, c) -> new LedgerService.HistoryItem(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)),
                        rs.getObject(8) == null ? null : Instant.ofEpochMilli(rs.getLong(8))))
                .list();
    }
}
