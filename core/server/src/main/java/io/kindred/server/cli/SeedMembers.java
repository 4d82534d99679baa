package io.kindred.server.cli;

import io.kindred.server.users.Passwords;
import io.kindred.server.users.Tokens;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Members of a seeded brand: created over two years, English and Chinese names, unique emails, phones and
 * referral codes, one shared password hash (computed once), a session for the first few, their points account
 * and history (credits from {@code issued}, redemptions to {@code spent}, lots consumed oldest first so that the
 * ledger invariants hold), check-ins up to the day before yesterday and a tier when those plugins' tables exist.
 * The first member has the longest history (up to 100 k entries) for the deep-paging benchmark.
 */
final class SeedMembers {

    record Result(long firstUserId, long entries, List<String> tokens) {
    }

    private static final long DAY = 86_400_000L;
    private static final String[] EN_FIRST = {"Alice", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Henry",
            "Iris", "Jack", "Kate", "Leo", "Mia", "Noah", "Olivia", "Paul"};
    private static final String[] EN_LAST = {"Smith", "Brown", "Wilson", "Taylor", "Clarke", "Evans", "Walker", "Hughes"};
    private static final String[] ZH_FAMILY = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] ZH_GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "杰", "婷", "晓明", "雨萱"};
    private static final String[] EARN = {"checkin", "purchase", "community.post", "welcome"};

    private final Connection c;
    private final Seed.Plan plan;
    private final PrintStream out;
    private final SplittableRandom random = new SplittableRandom(21);
    private final long now = System.currentTimeMillis();
    private final long start = now - 730 * DAY;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    private long userId;
    private long accountId;
    private long transferId;
    private long entryId;
    private long issuedBalance;
    private long spentBalance;
    private long entries;

    SeedMembers(Connection c, Seed.Plan plan, PrintStream out) {
        this.c = c;
        this.plan = plan;
        this.out = out;
    }

    Result run() throws SQLException {
        long first = Seed.maxId(c, "users") + 1;
        userId = first - 1;
        accountId = Seed.maxId(c, "ledger_accounts");
        transferId = Seed.maxId(c, "ledger_transfers");
        entryId = Seed.maxId(c, "ledger_entries");
        long issued = systemAccount("issued");
        long spent = systemAccount("spent");
        issuedBalance = balance(issued);
        spentBalance = balance(spent);
        String hash = Passwords.hash(Seed.PASSWORD);
        List<String> tokens = new ArrayList<>();
        long started = System.nanoTime();
        try (Writers w = new Writers(new Ledger(issued, spent))) {
            for (long i = 0; i < plan.members(); i++) {
                member(w, i, hash, tokens);
                if ((i + 1) % 100_000 == 0) {
                    out.printf("  %d members, %d entries (%.0f s)%n", i + 1, entries, (System.nanoTime() - started) / 1e9);
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE ledger_accounts SET balance = ? WHERE id = ?")) {
            for (long[] a : new long[][]{{issuedBalance, issued}, {spentBalance, spent}}) {
                p.setLong(1, a[0]);
                p.setLong(2, a[1]);
                p.executeUpdate();
            }
        }
        return new Result(first, entries, tokens);
    }

    /** The {@code i}-th member: their row, history, session (the first few), check-ins and tier. */
    private void member(Writers w, long i, String hash, List<String> tokens) throws SQLException {
        long transfers = plan.entries() / 2;
        long heavy = Math.min(100_000, transfers / 4);
        long id = ++userId;
        long created = start + (long) ((double) i / plan.members() * 720 * DAY) + random.nextLong(DAY);
        long count = i == 0 ? heavy : share(transfers - heavy, plan.members() - 1, i - 1);
        long lastMove = w.ledger.member(id, created, count);
        long lastActive = Math.max(lastMove, created + random.nextLong(Math.max(1, now - created)));
        boolean zh = i % 2 == 1;
        w.users.add(id, "member" + id + "@seed.kindred.test", String.format("+86139%08d", id), hash, name(zh),
                zh ? "zh-CN" : "en", "S" + Long.toString(id, 36).toUpperCase(), created, created, day(lastActive).toString());
        if (i < plan.sessions()) {
            String token = Tokens.secret(32);
            tokens.add(token);
            w.sessions.add(Tokens.hash(token), id, Tokens.secret(24), now, now + 30 * DAY, now);
        }
        if (w.checkins != null && random.nextInt(10) < 3) {
            checkIns(w.checkins, id);
        }
        if (w.tiers != null) {
            w.tiers.add(id, tier(), created);
        }
    }

    /** The reused INSERTs; check-ins and tiers only when those plugins' tables exist. */
    private final class Writers implements AutoCloseable {
        final Ledger ledger;
        final Seed.Rows users = new Seed.Rows(c, """
                INSERT INTO users(id, email, phone, password_hash, display_name, locale, referral_code, status, created_at,
                                  updated_at, last_active_day) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)""");
        final Seed.Rows sessions = new Seed.Rows(c, """
                INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?)""");
        final Seed.Rows checkins = Seed.tableExists(c, "checkins") ? new Seed.Rows(c, """
                INSERT INTO checkins(user_id, day, run_length, streak, makeup, awarded, created_at)
                VALUES (?, ?, ?, ?, 0, 5, ?)""") : null;
        final Seed.Rows tiers = Seed.tableExists(c, "membership_members") ? new Seed.Rows(c,
                "INSERT INTO membership_members(user_id, tier_rank, points_debt, updated_at) VALUES (?, ?, 0, ?)") : null;

        Writers(Ledger ledger) throws SQLException {
            this.ledger = ledger;
        }

        @Override
        public void close() throws SQLException {
            ledger.close();
            users.close();
            sessions.close();
            if (checkins != null) {
                checkins.close();
            }
            if (tiers != null) {
                tiers.close();
            }
        }
    }

    /** An even share of {@code total} over {@code n} members, the first ones taking the remainder. */
    private static long share(long total, long n, long index) {
        return n <= 0 ? 0 : total / n + (index < total % n ? 1 : 0);
    }

    private String name(boolean zh) {
        if (zh) {
            return ZH_FAMILY[random.nextInt(ZH_FAMILY.length)] + ZH_GIVEN[random.nextInt(ZH_GIVEN.length)];
        }
        return EN_FIRST[random.nextInt(EN_FIRST.length)] + " " + EN_LAST[random.nextInt(EN_LAST.length)];
    }

    private int tier() {
        int r = random.nextInt(100);
        return r < 60 ? 1 : r < 85 ? 2 : r < 95 ? 3 : r < 99 ? 4 : 5;
    }

    private LocalDate day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** A run of consecutive check-ins that ends at least two days ago, so that a benchmark can check in today. */
    private void checkIns(Seed.Rows rows, long id) throws SQLException {
        int length = 1 + random.nextInt(14);
        LocalDate end = today.minusDays(2 + random.nextInt(30));
        for (int k = 0; k < length; k++) {
            LocalDate d = end.minusDays(length - 1 - k);
            rows.add(id, d.toString(), k + 1, k % 7 + 1, d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 9 * 3_600_000L);
        }
    }

    private long systemAccount(String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO ledger_accounts(asset, system_name, balance, created_at) VALUES ('points', ?, 0, ?)
                ON CONFLICT (asset, system_name) WHERE system_name IS NOT NULL DO NOTHING""")) {
            p.setString(1, name);
            p.setLong(2, now);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM ledger_accounts WHERE asset = 'points' AND system_name = ?")) {
            p.setString(1, name);
            try (var rs = p.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                accountId = Math.max(accountId, id);
                return id;
            }
        }
    }

    private long balance(long account) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT balance FROM ledger_accounts WHERE id = ?")) {
            p.setLong(1, account);
            try (var rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** One member's points: account, transfers, two entries each, and the lots that are left open. */
    private final class Ledger implements AutoCloseable {
        private final long issued;
        private final long spent;
        private final Seed.Rows accounts = new Seed.Rows(c,
                "INSERT INTO ledger_accounts(id, asset, user_id, balance, created_at) VALUES (?, 'points', ?, ?, ?)");
        private final Seed.Rows transfers = new Seed.Rows(c, """
                INSERT INTO ledger_transfers(id, asset, debit_account_id, credit_account_id, amount, reason, reference,
                                             idempotency_key, created_at) VALUES (?, 'points', ?, ?, ?, ?, NULL, ?, ?)""");
        private final Seed.Rows entryRows = new Seed.Rows(c, """
                INSERT INTO ledger_entries(id, transfer_id, account_id, amount, balance_after, created_at) VALUES (?, ?, ?, ?, ?, ?)""");
        private final Seed.Rows lots = new Seed.Rows(c, """
                INSERT INTO ledger_lots(account_id, transfer_id, amount, remaining, expires_at, created_at)
                VALUES (?, ?, ?, ?, NULL, ?)""");

        Ledger(long issued, long spent) throws SQLException {
            this.issued = issued;
            this.spent = spent;
        }

        /** @return when the last transfer happened (the member's creation when none) */
        long member(long user, long created, long count) throws SQLException {
            if (count == 0) {
                return created;
            }
            long account = ++accountId;
            long balance = 0;
            long at = created;
            long step = Math.max(1, (now - created) / (count + 1));
            List<long[]> open = new ArrayList<>(); // {transfer, amount, remaining, created}
            int head = 0;
            for (long k = 0; k < count; k++) {
                at = Math.min(now - 1, created + (k + 1) * step + random.nextLong(step));
                long t = ++transferId;
                if (balance >= 50 && random.nextInt(4) == 0) {
                    long amount = 10 + random.nextLong(balance - 9);
                    balance -= amount;
                    spentBalance += amount;
                    transfers.add(t, account, spent, amount, "shop.redeem", "seed:" + t, at);
                    entry(t, account, -amount, balance, at);
                    entry(t, spent, amount, spentBalance, at);
                    head = consume(open, head, amount);
                } else {
                    long amount = 5 + random.nextLong(196);
                    balance += amount;
                    issuedBalance -= amount;
                    transfers.add(t, issued, account, amount, EARN[random.nextInt(EARN.length)], "seed:" + t, at);
                    entry(t, issued, -amount, issuedBalance, at);
                    entry(t, account, amount, balance, at);
                    open.add(new long[]{t, amount, amount, at});
                }
            }
            accounts.add(account, user, balance, created);
            for (long[] lot : open) {
                lots.add(account, lot[0], lot[1], lot[2], lot[3]);
            }
            return at;
        }

        /** Takes {@code amount} from the open lots, oldest first, as the ledger does; @return the first lot left open */
        private static int consume(List<long[]> open, int head, long amount) {
            for (long left = amount; left > 0; head++) {
                long[] lot = open.get(head);
                long take = Math.min(left, lot[2]);
                lot[2] -= take;
                left -= take;
                if (lot[2] > 0) {
                    break;
                }
            }
            return head;
        }

        private void entry(long transfer, long account, long amount, long after, long at) throws SQLException {
            entryRows.add(++entryId, transfer, account, amount, after, at);
            entries++;
        }

        @Override
        public void close() throws SQLException {
            accounts.close();
            transfers.close();
            entryRows.close();
            lots.close();
        }
    }
}
