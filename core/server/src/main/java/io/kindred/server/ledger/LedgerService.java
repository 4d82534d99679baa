package io.kindred.server.ledger;

import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.ExpiryPolicy;
import io.kindred.api.ledger.InsufficientBalanceException;
import io.kindred.api.ledger.Ledger;
import io.kindred.api.ledger.Transfer;
import io.kindred.api.ledger.TransferRequest;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The double-entry ledger. A transfer debits one account and credits another of the same asset, writes
 * two immutable entries, and keeps lots for expiry: a credit to a member opens a lot, a debit from a
 * member consumes lots oldest first.
 */
public final class LedgerService implements Ledger {

    private final Database db;
    private final boolean postgresql;
    private final Assets assets;
    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private final LedgerHistory history;
    private final io.kindred.server.segments.LastActive lastActive;

    public LedgerService(Database db, Assets assets, Clock clock, Supplier<ZoneId> zone) {
        this.db = db;
        this.postgresql = db.dialect().equals("postgresql");
        this.history = new LedgerHistory(db);
        this.assets = assets;
        this.clock = clock;
        this.zone = zone;
        this.lastActive = new io.kindred.server.segments.LastActive(db);
    }

    public Assets assets() {
        return assets;
    }

    @Override
    public Transfer transfer(Handle tx, TransferRequest r) {
        return post(tx, r, null);
    }

    /** Posts a transfer; {@code lotToConsume} makes a member debit take exactly that lot (expiry). */
    Transfer post(Handle tx, TransferRequest r, Long lotToConsume) {
        // PostgreSQL: two posts of one key take turns, so the second finds the first's transfer.
        io.kindred.server.db.KeyLocks.take(tx, db.dialect(), "ledger-transfer", r.idempotencyKey());
        Optional<Transfer> earlier = byKey(tx, r.idempotencyKey());
        if (earlier.isPresent()) {
            Transfer t = earlier.get();
            if (!t.asset().equals(r.asset()) || !t.from().equals(r.from()) || !t.to().equals(r.to()) || t.amount() != r.amount()) {
                throw KindredException.conflict("idempotency_conflict",
                        "The idempotency key was already used for a different transfer.");
            }
            return t;
        }
        Assets.Asset asset = assets.require(r.asset());
        if (postgresql) {
            // The members' rows first (a merge locks them too): a merge in flight ends before this transfer reads where
            // the value goes, so nothing lands on a member that was just merged away.
            List<Long> members = java.util.stream.Stream.of(r.from(), r.to()).filter(io.kindred.api.ledger.AccountRef::isMember)
                    .map(io.kindred.api.ledger.AccountRef::userId).distinct().sorted().toList();
            if (!members.isEmpty()) {
                tx.createQuery("SELECT id FROM users WHERE id IN (<ids>) ORDER BY id FOR UPDATE")
                        .bindList("ids", members).mapTo(Long.class).list();
            }
        }
        // Value addressed to a merged member (an event handled after the merge) lands in the member it went into.
        r = new TransferRequest(r.asset(), current(tx, r.from()), current(tx, r.to()), r.amount(), r.reason(),
                r.reference(), r.idempotencyKey());
        long now = clock.millis();
        long fromId = account(tx, r.asset(), r.from(), now);
        long toId = account(tx, r.asset(), r.to(), now);
        boolean mayGoNegative = !r.from().isMember() || asset.allowNegative();
        if (postgresql) {
            // Both accounts locked in one order (A to B and B to A at once would otherwise deadlock).
            tx.createQuery("SELECT id FROM ledger_accounts WHERE id IN (:a, :b) ORDER BY id FOR UPDATE")
                    .bind("a", fromId).bind("b", toId).mapTo(Long.class).list();
        }

        Optional<Long> fromBalance = tx.createQuery("""
                        UPDATE ledger_accounts SET balance = balance - :amount
                         WHERE id = :id AND (:mayGoNegative = 1 OR balance >= :amount)
                        RETURNING balance""")
                .bind("amount", r.amount()).bind("id", fromId).bind("mayGoNegative", mayGoNegative ? 1 : 0)
                .mapTo(Long.class).findOne();
        if (fromBalance.isEmpty()) {
            throw new InsufficientBalanceException(r.asset(), balanceOf(tx, fromId), r.amount());
        }
        long toBalance = tx.createQuery("UPDATE ledger_accounts SET balance = balance + :amount WHERE id = :id RETURNING balance")
                .bind("amount", r.amount()).bind("id", toId).mapTo(Long.class).one();

        long transferId = tx.createQuery("""
                        INSERT INTO ledger_transfers(asset, debit_account_id, credit_account_id, amount, reason, reference,
                                                     idempotency_key, created_at)
                        VALUES (:asset, :from, :to, :amount, :reason, :reference, :key, :now)
                        RETURNING id""")
                .bind("asset", r.asset()).bind("from", fromId).bind("to", toId).bind("amount", r.amount())
                .bind("reason", r.reason()).bind("reference", r.reference()).bind("key", r.idempotencyKey())
                .bind("now", now).mapTo(Long.class).one();
        entry(tx, transferId, fromId, -r.amount(), fromBalance.get(), now);
        entry(tx, transferId, toId, r.amount(), toBalance, now);

        if (r.from().isMember()) {
            consumeLots(tx, fromId, r.amount(), lotToConsume);
        }
        if (lotToConsume == null) {
            // Expiry is not the member's doing; every other movement marks them active (segments' last-active filter).
            java.time.LocalDate today = Instant.ofEpochMilli(now).atZone(zone.get()).toLocalDate();
            for (io.kindred.api.ledger.AccountRef side : List.of(r.from(), r.to())) {
                if (side.isMember()) {
                    lastActive.mark(tx, side.userId(), today);
                }
            }
        }
        if (r.to().isMember()) {
            long lotAmount = Math.min(r.amount(), Math.max(0, toBalance));
            if (lotAmount > 0) {
                tx.createUpdate("""
                                INSERT INTO ledger_lots(account_id, transfer_id, amount, remaining, expires_at, created_at)
                                VALUES (:account, :transfer, :amount, :amount, :expires, :now)""")
                        .bind("account", toId).bind("transfer", transferId).bind("amount", lotAmount)
                        .bind("expires", expiresAt(asset, now)).bind("now", now).execute();
            }
        }
        return new Transfer(transferId, r.asset(), r.from(), r.to(), r.amount(), r.reason(), r.reference(),
                r.idempotencyKey(), Instant.ofEpochMilli(now), false);
    }

    /**
     * Moves a member's whole balance of an asset to another member, as a merge of two members does, keeping
     * the expiry of what moves: the open lots of {@code from} become lots of {@code into} with their own
     * expiry dates (latest first when {@code into} owed some of it). A negative balance (an asset that allows
     * it) moves as a transfer the other way. Runs in the caller's transaction; idempotent on the key.
     *
     * @return the transfer, or empty when the balance is zero
     */
    public Optional<Transfer> moveBalance(Handle tx, String asset, long from, long into, String reason, String reference,
                                          String idempotencyKey) {
        long balance = balance(tx, from, asset);
        if (balance == 0) {
            return Optional.empty();
        }
        if (balance < 0) {
            return Optional.of(post(tx, new TransferRequest(asset, AccountRef.member(into), AccountRef.member(from), -balance,
                    reason, reference, idempotencyKey), null));
        }
        long fromAccount = account(tx, asset, AccountRef.member(from), clock.millis());
        List<long[]> lots = tx.createQuery("""
                        SELECT remaining, COALESCE(expires_at, -1) FROM ledger_lots WHERE account_id = :a AND remaining > 0
                         ORDER BY CASE WHEN expires_at IS NULL THEN 0 ELSE 1 END, expires_at DESC, id DESC""")
                .bind("a", fromAccount).map((rs, c) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
        Transfer t = post(tx, new TransferRequest(asset, AccountRef.member(from), AccountRef.member(into), balance,
                reason, reference, idempotencyKey), null);
        if (t.replayed()) {
            return Optional.of(t);
        }
        long intoAccount = account(tx, asset, AccountRef.member(into), clock.millis());
        long left = tx.createQuery("SELECT COALESCE(SUM(amount), 0) FROM ledger_lots WHERE transfer_id = :t AND account_id = :a")
                .bind("t", t.id()).bind("a", intoAccount).mapTo(Long.class).one();
        tx.createUpdate("DELETE FROM ledger_lots WHERE transfer_id = :t AND account_id = :a")
                .bind("t", t.id()).bind("a", intoAccount).execute();
        long now = clock.millis();
        for (long[] lot : lots) {
            if (left == 0) {
                break;
            }
            long amount = Math.min(left, lot[0]);
            tx.createUpdate("""
                            INSERT INTO ledger_lots(account_id, transfer_id, amount, remaining, expires_at, created_at)
                            VALUES (:account, :transfer, :amount, :amount, :expires, :now)""")
                    .bind("account", intoAccount).bind("transfer", t.id()).bind("amount", amount)
                    .bind("expires", lot[1] < 0 ? null : lot[1]).bind("now", now).execute();
            left -= amount;
        }
        if (left > 0) {
            tx.createUpdate("""
                            INSERT INTO ledger_lots(account_id, transfer_id, amount, remaining, expires_at, created_at)
                            VALUES (:account, :transfer, :amount, :amount, NULL, :now)""")
                    .bind("account", intoAccount).bind("transfer", t.id()).bind("amount", left).bind("now", now).execute();
        }
        return Optional.of(t);
    }

    private static AccountRef current(Handle tx, AccountRef ref) {
        if (!ref.isMember()) {
            return ref;
        }
        long id = ref.userId();
        for (int hop = 0; hop < 20; hop++) {
            Optional<Long> next = tx.createQuery("SELECT merged_into FROM users WHERE id = :id AND merged_into IS NOT NULL")
                    .bind("id", id).mapTo(Long.class).findOne();
            if (next.isEmpty()) {
                break;
            }
            id = next.get();
        }
        return id == ref.userId() ? ref : AccountRef.member(id);
    }

    private void entry(Handle tx, long transferId, long accountId, long amount, long balanceAfter, long now) {
        tx.createUpdate("""
                        INSERT INTO ledger_entries(transfer_id, account_id, amount, balance_after, created_at)
                        VALUES (:t, :a, :amount, :after, :now)""")
                .bind("t", transferId).bind("a", accountId).bind("amount", amount).bind("after", balanceAfter)
                .bind("now", now).execute();
    }

    private void consumeLots(Handle tx, long accountId, long amount, Long onlyLot) {
        long left = amount;
        List<long[]> lots = tx.createQuery("""
                        SELECT id, remaining FROM ledger_lots
                         WHERE account_id = :a AND remaining > 0 AND (:only = 0 OR id = :only)
                         ORDER BY CASE WHEN expires_at IS NULL THEN 1 ELSE 0 END, expires_at, id""")
                .bind("a", accountId).bind("only", onlyLot == null ? 0 : onlyLot)
                .map((rs, c) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
        for (long[] lot : lots) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot[1]);
            tx.createUpdate("UPDATE ledger_lots SET remaining = remaining - :take WHERE id = :id")
                    .bind("take", take).bind("id", lot[0]).execute();
            left -= take;
        }
        // What is left is debt on an asset that may go negative: there is no lot to take it from.
    }

    Long expiresAt(Assets.Asset asset, long nowMillis) {
        ExpiryPolicy policy = assets.expiryOf(asset);
        ZoneId z = zone.get();
        LocalDate today = Instant.ofEpochMilli(nowMillis).atZone(z).toLocalDate();
        return switch (policy) {
            case NEVER -> null;
            case DAYS_AFTER_EARNING -> nowMillis + assets.expiryDaysOf(asset) * 86_400_000L;
            case END_OF_MONTH -> today.withDayOfMonth(1).plusMonths(1).atStartOfDay(z).toInstant().toEpochMilli();
            case END_OF_YEAR -> today.withDayOfYear(1).plusYears(1).atStartOfDay(z).toInstant().toEpochMilli();
        };
    }

    /**
     * Account ids never change once committed (merges move balances, erasure keeps the rows), so the ids of the
     * busiest accounts are kept: every system account and recently used member accounts. An id enters only
     * after the commit of the write that read or opened it, so a rolled-back account is never remembered.
     */
    private final Map<String, Long> accountIds = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > 20_000;
                }
            });

    /** Finds or opens an account. */
    long account(Handle tx, String asset, AccountRef ref, long now) {
        String key = ref.isMember() ? asset + "|u" + ref.userId() : asset + "|s" + ref.systemName();
        Long known = accountIds.get(key);
        if (known != null) {
            return known;
        }
        long id = findOrOpen(tx, asset, ref, now);
        db.afterCommit(() -> accountIds.put(key, id));
        return id;
    }

    private long findOrOpen(Handle tx, String asset, AccountRef ref, long now) {
        Optional<Long> id = findAccount(tx, asset, ref);
        if (id.isPresent()) {
            return id.get();
        }
        if (ref.isMember()) {
            tx.createUpdate("""
                            INSERT INTO ledger_accounts(asset, user_id, balance, created_at) VALUES (:asset, :user, 0, :now)
                            ON CONFLICT (asset, user_id) WHERE user_id IS NOT NULL DO NOTHING""")
                    .bind("asset", asset).bind("user", ref.userId()).bind("now", now).execute();
        } else {
            tx.createUpdate("""
                            INSERT INTO ledger_accounts(asset, system_name, balance, created_at) VALUES (:asset, :name, 0, :now)
                            ON CONFLICT (asset, system_name) WHERE system_name IS NOT NULL DO NOTHING""")
                    .bind("asset", asset).bind("name", ref.systemName()).bind("now", now).execute();
        }
        return findAccount(tx, asset, ref).orElseThrow();
    }

    private Optional<Long> findAccount(Handle tx, String asset, AccountRef ref) {
        if (ref.isMember()) {
            return tx.createQuery("SELECT id FROM ledger_accounts WHERE asset = :asset AND user_id = :user")
                    .bind("asset", asset).bind("user", ref.userId()).mapTo(Long.class).findOne();
        }
        return tx.createQuery("SELECT id FROM ledger_accounts WHERE asset = :asset AND system_name = :name")
                .bind("asset", asset).bind("name", ref.systemName()).mapTo(Long.class).findOne();
    }

    private long balanceOf(Handle tx, long accountId) {
        return tx.createQuery("SELECT balance FROM ledger_accounts WHERE id = :id").bind("id", accountId)
                .mapTo(Long.class).one();
    }

    @Override
    public Optional<Transfer> findByIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isEmpty()) {
            return Optional.empty();
        }
        return db.read(h -> byKey(h, idempotencyKey));
    }

    Optional<Transfer> byKey(Handle h, String key) {
        return h.createQuery("""
                        SELECT t.id, t.asset, t.amount, t.reason, t.reference, t.idempotency_key, t.created_at,
                               d.user_id AS d_user, d.system_name AS d_system, c.user_id AS c_user, c.system_name AS c_system
                          FROM ledger_transfers t
                          JOIN ledger_accounts d ON d.id = t.debit_account_id
                          JOIN ledger_accounts c ON c.id = t.credit_account_id
                         WHERE t.idempotency_key = :key""")
                .bind("key", key)
                .map((rs, c) -> new Transfer(rs.getLong("id"), rs.getString("asset"),
                        ref((Number) rs.getObject("d_user"), rs.getString("d_system")),
                        ref((Number) rs.getObject("c_user"), rs.getString("c_system")),
                        rs.getLong("amount"), rs.getString("reason"), rs.getString("reference"),
                        rs.getString("idempotency_key"), Instant.ofEpochMilli(rs.getLong("created_at")), true))
                .findOne();
    }

    private static AccountRef ref(Number userId, String system) {
        return userId != null ? AccountRef.member(userId.longValue()) : AccountRef.system(system);
    }

    @Override
    public long balance(long userId, String asset) {
        return db.read(h -> balance(h, userId, asset));
    }

    @Override
    public long balance(Handle tx, long userId, String asset) {
        return tx.createQuery("SELECT balance FROM ledger_accounts WHERE asset = :asset AND user_id = :user")
                .bind("asset", asset).bind("user", userId).mapTo(Long.class).findOne().orElse(0L);
    }

    @Override
    public long netChangeSince(Handle tx, long userId, String asset, Instant since) {
        return tx.createQuery("""
                        SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e
                          JOIN ledger_accounts a ON a.id = e.account_id
                         WHERE a.asset = :asset AND a.user_id = :user AND e.created_at >= :since""")
                .bind("asset", asset).bind("user", userId).bind("since", since.toEpochMilli())
                .mapTo(Long.class).one();
    }

    @Override
    public Map<String, Long> balances(long userId) {
        Map<String, Long> result = new TreeMap<>();
        assets.all().keySet().forEach(code -> result.put(code, 0L));
        db.read(h -> h.createQuery("SELECT asset, balance FROM ledger_accounts WHERE user_id = :user")
                .bind("user", userId).map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    /** @return the balances of one asset of several members, in one query; a member without an account is absent */
    public Map<Long, Long> balancesOf(Handle h, List<Long> userIds, String asset) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> out = new LinkedHashMap<>();
        h.createQuery("SELECT user_id, balance FROM ledger_accounts WHERE asset = :asset AND user_id IN (<ids>)")
                .bind("asset", asset).bindList("ids", userIds)
                .map((rs, c) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** One line of a member's history. */
    public record HistoryItem(long id, String asset, long amount, long balanceAfter, String reason, String reference,
                              Instant createdAt, Instant expiresAt) {
    }

    /** A member's entries, newest first, before the entry id {@code beforeId}; all assets when {@code asset} is null. */
    public List<HistoryItem> history(long userId, String asset, long beforeId, int limit) {
        return history(userId, asset, false, beforeId, limit);
    }

    /** @param spendableOnly leave out assets members cannot spend (growth value), as the "My points" page does */
    public List<HistoryItem> history(long userId, String asset, boolean spendableOnly, long beforeId, int limit) {
        return history.page(userId, asset, spendableOnly, beforeId, limit);
    }

    /**
     * What will expire, per asset: amount per expiry instant, soonest first. A member has one account per asset, so
     * grouping by account is grouping by asset; both follow the index {@code ledger_lots_expiring} without a sort.
     */
    public Map<String, List<Map<String, Object>>> upcomingExpiry(long userId) {
        Map<String, List<Map<String, Object>>> result = new TreeMap<>();
        ZoneId z = zone.get();
        db.read(h -> h.createQuery("""
                        SELECT a.asset, l.expires_at, SUM(l.remaining) AS amount
                          FROM ledger_lots l JOIN ledger_accounts a ON a.id = l.account_id
                         WHERE a.user_id = :user AND l.remaining > 0 AND l.expires_at IS NOT NULL
                         GROUP BY a.id, l.expires_at
                         ORDER BY a.id, l.expires_at""")
                .bind("user", userId)
                .map((rs, c) -> {
                    Instant at = Instant.ofEpochMilli(rs.getLong(2));
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("amount", rs.getLong(3));
                    m.put("expiresAt", at);
                    // The last day on which the credit can still be used, in the site's zone.
                    m.put("lastDay", at.minusMillis(1).atZone(z).toLocalDate().toString());
                    return Map.entry(rs.getString(1), m);
                }).list())
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return result;
    }

    /**
     * Which way points moved, for the console's figures. Transfers are told apart by their system account, so
     * that a reversal never counts as the thing it reverses: a refund's clawback goes to {@code clawed_back}
     * (not {@code spent}), a cancelled redemption's points come back from {@code spent} (not {@code issued}).
     */
    public enum PointsFlow {
        /** from a system account other than {@code spent} to a member: rewards, gifts, positive adjustments */
        ISSUED,
        /** from a member to a system account other than {@code expired}, {@code adjustments}, {@code clawed_back} */
        SPENT,
        /** from a member to {@code expired} or {@code adjustments}: expired or adjusted down */
        TAKEN_BACK,
        /** from a member to {@code clawed_back}: taken back because what earned them was refunded */
        CLAWED_BACK,
        /** from {@code spent} back to a member: a redemption cancelled, its points returned */
        RETURNED;

        /** @return whether a transfer from {@code debit} to {@code credit} (system account names, null for a member) goes this way */
        boolean matches(String debit, String credit) {
            return switch (this) {
                case ISSUED -> debit != null && !debit.equals("spent") && credit == null;
                case SPENT -> debit == null && credit != null && !Set.of("expired", "adjustments", "clawed_back").contains(credit);
                case TAKEN_BACK -> debit == null && ("expired".equals(credit) || "adjustments".equals(credit));
                case CLAWED_BACK -> debit == null && "clawed_back".equals(credit);
                case RETURNED -> "spent".equals(debit) && credit == null;
            };
        }
    }

    /** @return the points that moved that way between {@code from} (included) and {@code to}, epoch millis */
    public long pointsMoved(Handle h, long from, long to, PointsFlow flow) {
        return pointsFlows(h, from, to).get(flow);
    }

    /**
     * Every {@link PointsFlow} between {@code from} (included) and {@code to}, epoch millis, in one pass over the
     * range of {@code ledger_transfers_flows} that never touches a member's account: the few system accounts of
     * {@code points} are read first, and a transfer is summed per pair of sides (a system account by name, or
     * "a member").
     */
    public Map<PointsFlow, Long> pointsFlows(Handle h, long from, long to) {
        Map<Long, String> system = new java.util.HashMap<>();
        h.createQuery("SELECT id, system_name FROM ledger_accounts WHERE asset = 'points' AND system_name IS NOT NULL")
                .map((rs, c) -> Map.entry(rs.getLong(1), rs.getString(2))).forEach(e -> system.put(e.getKey(), e.getValue()));
        Map<PointsFlow, Long> sums = new java.util.EnumMap<>(PointsFlow.class);
        for (PointsFlow f : PointsFlow.values()) {
            sums.put(f, 0L);
        }
        if (system.isEmpty()) {
            return sums;
        }
        // ids come from the database as numbers: safe to write into the statement
        String ids = system.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        h.createQuery("""
                        SELECT CASE WHEN t.debit_account_id IN (%1$s) THEN t.debit_account_id ELSE 0 END AS d,
                               CASE WHEN t.credit_account_id IN (%1$s) THEN t.credit_account_id ELSE 0 END AS c,
                               SUM(t.amount)
                          FROM ledger_transfers t
                         WHERE t.created_at >= :from AND t.created_at < :to AND t.asset = 'points'
                         GROUP BY d, c""".formatted(ids))
                .bind("from", from).bind("to", to)
                .map((rs, c) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .forEach(r -> {
                    String debit = system.get(r[0]);
                    String credit = system.get(r[1]);
                    for (PointsFlow f : PointsFlow.values()) {
                        if (f.matches(debit, credit)) {
                            sums.merge(f, r[2], Long::sum);
                        }
                    }
                });
        return sums;
    }
}
