-- A member's history reads each entry's lot by (transfer, account): without this index every entry of a page
-- scanned the account's lots, so paging a long history was quadratic (issue 21). Covering, so that the earliest
-- expiry of an entry's lots is read from the index alone.
CREATE INDEX ledger_lots_transfer ON ledger_lots(transfer_id, account_id, expires_at);
