package io.kindred.plugins.checkin;

import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.users.MemberPreference;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The monthly leaderboard of streaks: members by their longest run of consecutive check-in days in the month,
 * shown by display name only, without those who opted out on their account page (within half a minute:
 * the board is shared by the requests of that time).
 */
final class Leaderboard {

    /** The member's choice, on the core account page. */
    static final MemberPreference SHOW_ME = new MemberPreference("checkin.leaderboard", "checkin.pref.leaderboard", true);

    static final int SIZE = 20;
    private static final int SCAN_PAGE = 100;
    /** The board scans a month of check-ins; members asking for it in the same half minute share one scan. */
    private static final long FRESH_NANOS = 30_000_000_000L;

    private record Cached(YearMonth month, long madeAt, List<Entry> board) {
    }

    /** One line of the board. */
    record Entry(int rank, String displayName, int longestStreak, int days) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", rank);
            m.put("displayName", displayName);
            m.put("longestStreak", longestStreak);
            m.put("days", days);
            return m;
        }
    }

    private final PluginContext ctx;
    private final CheckinStore store;
    private volatile Cached cached;

    Leaderboard(PluginContext ctx, CheckinStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    List<Entry> of(YearMonth month) {
        Cached c = cached;
        long now = System.nanoTime();
        if (c != null && c.month().equals(month) && now - c.madeAt() < FRESH_NANOS) {
            return c.board();
        }
        List<Entry> board = compute(month);
        cached = new Cached(month, now, board);
        return board;
    }

    private List<Entry> compute(YearMonth month) {
        List<Entry> board = new ArrayList<>();
        for (int offset = 0; board.size() < SIZE; offset += SCAN_PAGE) {
            int from = offset;
            List<CheckinStore.BestRun> runs = ctx.db().read(h -> store.bestRuns(h, month.atDay(1), month.atEndOfMonth(),
                    SCAN_PAGE, from));
            for (CheckinStore.BestRun run : runs) {
                Optional<Member> member = ctx.members().find(run.userId());
                if (member.isPresent() && ctx.members().preference(run.userId(), SHOW_ME) && board.size() < SIZE) {
                    board.add(new Entry(board.size() + 1, member.get().displayName(), run.longestStreak(), run.days()));
                }
            }
            if (runs.size() < SCAN_PAGE) {
                break;
            }
        }
        return List.copyOf(board);
    }
}
