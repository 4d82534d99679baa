package io.kindred.plugins.checkin;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kindred.plugins.checkin.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.checkin.Fixture.checkIn;
import static io.kindred.plugins.checkin.Fixture.makeUp;
import static io.kindred.plugins.checkin.Fixture.points;
import static io.kindred.plugins.checkin.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random interleavings of check-ins, make-ups of past days (10 points each, a make-up costs 4, two a month),
 * points given and days passing, on two fresh members per try of one real platform: each day pays once, a make-up
 * is refused for a day already checked, before joining or this month, over the monthly limit or without the
 * points, and a member's points follow the model after every step; the ledger's check stays clean.
 */
class CheckinPropertiesIT {

    private static final int MEMBERS = 2;
    private static final int REWARD = 10;
    private static final int MAKEUP_COST = 4;
    private static final int MAKEUPS_PER_MONTH = 2;
    private static final MutableClock clock = Fixture.clockAt(LocalDate.of(2026, 3, 10), "UTC");
    private static final AtomicInteger runs = new AtomicInteger();
    private static TestPlatform platform;
    private static Http operator;

    sealed interface Op {
    }

    record CheckIn(int member) implements Op {
    }

    record MakeUp(int member, int daysBack) implements Op {
    }

    record Give(int member, int points) implements Op {
    }

    record NextDays(int days) implements Op {
    }

    @BeforeContainer
    static void start() {
        platform = Fixture.start(clock, "UTC");
        Map<String, Object> rules = new HashMap<>(Fixture.PLAIN_RULES);
        rules.put("makeupsPerMonth", MAKEUPS_PER_MONTH);
        rules.put("makeupCost", MAKEUP_COST);
        Fixture.rules(platform, rules);
        operator = platform.apiClient("checkin-props");
    }

    @AfterContainer
    static void stop() {
        platform.close();
    }

    @Property(tries = 25, seed = "20261207")
    void checkInsAndMakeUpsPayEachDayOnceAndKeepTheLedgerSound(@ForAll("sequences") List<Op> ops) {
        new Run(runs.incrementAndGet()).play(ops);
        assertLedgerBalanced(platform);
        Statistics.label("make-up answers").coverage(c -> {
            c.check("made up").count(n -> n > 0);
            c.check("makeup_limit").count(n -> n > 0);
            c.check("not_allowed").count(n -> n > 0);
        });
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        Arbitrary<Integer> member = Arbitraries.integers().between(0, MEMBERS - 1);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(3, member.map(CheckIn::new)),
                Tuple.of(5, Combinators.combine(member, Arbitraries.integers().between(0, 8)).as(MakeUp::new)),
                Tuple.of(2, Combinators.combine(member, Arbitraries.integers().between(1, 20)).as(Give::new)),
                Tuple.of(2, Arbitraries.integers().between(1, 3).map(NextDays::new)));
        return op.list().ofMinSize(5).ofMaxSize(30);
    }

    /** One try: its members and what the model expects of them. */
    private static final class Run {
        private final List<Http> members = new ArrayList<>();
        private final List<Set<LocalDate>> days = new ArrayList<>();
        private final List<Map<YearMonth, Integer>> makeups = new ArrayList<>();
        private final long[] expectedPoints = new long[MEMBERS];
        private final LocalDate joined;

        Run(int run) {
            joined = today();
            for (int i = 0; i < MEMBERS; i++) {
                members.add(platform.member("c" + run + "-" + i + "@checkin-props.test", "C" + i));
                days.add(new HashSet<>());
                makeups.add(new HashMap<>());
            }
            clock.advance(Duration.ofDays(8)); // members who joined a while ago have missed days to make up
        }

        void play(List<Op> ops) {
            for (Op op : ops) {
                apply(op);
                for (int i = 0; i < MEMBERS; i++) {
                    assertEquals(expectedPoints[i], points(members.get(i)), "points of member " + i + " after " + op);
                }
            }
        }

        private void apply(Op op) {
            if (op instanceof CheckIn c) {
                checkInToday(c.member());
            } else if (op instanceof MakeUp m) {
                makeUpDay(m.member(), today().minusDays(m.daysBack()));
            } else if (op instanceof Give g) {
                Http.Response r = operator.post("/api/v1/admin/ledger/adjustments", Map.of("userId",
                        userId(members.get(g.member())), "asset", "points", "amount", g.points(), "reason", "property"));
                assertEquals(201, r.status(), r.body());
                expectedPoints[g.member()] += g.points();
            } else if (op instanceof NextDays n) {
                clock.advance(Duration.ofDays(n.days()));
            }
        }

        private void checkInToday(int member) {
            Http.Response r = checkIn(members.get(member));
            if (days.get(member).add(today())) {
                assertEquals(201, r.status(), r.body());
                expectedPoints[member] += REWARD;
            } else {
                assertEquals("already_checked_in", r.errorCode(), r.body());
            }
        }

        private void makeUpDay(int member, LocalDate day) {
            Http.Response r = makeUp(members.get(member), day);
            Statistics.label("make-up answers").collect(r.status() == 201 ? "made up" : r.errorCode());
            LocalDate today = today();
            YearMonth month = YearMonth.from(today);
            LocalDate first = joined.isAfter(month.atDay(1)) ? joined : month.atDay(1);
            int used = makeups.get(member).getOrDefault(month, 0);
            if (!day.isBefore(today) || day.isBefore(first) || days.get(member).contains(day)) {
                assertEquals("not_allowed", r.errorCode(), day + ": " + r.body());
            } else if (used >= MAKEUPS_PER_MONTH) {
                assertEquals("makeup_limit", r.errorCode(), r.body());
            } else if (expectedPoints[member] < MAKEUP_COST) {
                assertEquals("insufficient_points", r.errorCode(), r.body());
            } else {
                assertEquals(201, r.status(), day + ": " + r.body());
                days.get(member).add(day);
                makeups.get(member).put(month, used + 1);
                expectedPoints[member] += REWARD - MAKEUP_COST;
            }
        }

        private static LocalDate today() {
            return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }
    }
}
