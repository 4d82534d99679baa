package io.kindred.plugins.checkin;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the check-in tests share: the plugin jar as the single jar loads it, a platform on a clock the test
 * moves, and short ways to check in, make up, set the rules and read points.
 */
final class Fixture {

    static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));

    /** Rules that make the arithmetic of a test visible: 10 per check-in, no milestones, no cost. */
    static final Map<String, Object> PLAIN_RULES = Map.of("pointsPerCheckin", 10, "streakMilestones", "",
            "monthlyMilestones", "", "cycle", "never", "makeupsPerMonth", 2, "makeupCost", 0);

    private Fixture() {
    }

    /** @return a platform with the check-in plugin, on {@code clock}, in the site time zone {@code zone} */
    static TestPlatform start(MutableClock clock, String zone) {
        return TestPlatform.builder().plugin(JAR).clock(clock).setting("site.timezone", zone).start();
    }

    /** @return a clock at noon of {@code day} in {@code zone} */
    static MutableClock clockAt(LocalDate day, String zone) {
        return new MutableClock(day.atTime(LocalTime.NOON).atZone(ZoneId.of(zone)).toInstant());
    }

    /** Moves the clock to noon of the given day (site zone). */
    static void noonOf(MutableClock clock, LocalDate day, String zone) {
        clock.set(day.atTime(LocalTime.NOON).atZone(ZoneId.of(zone)).toInstant());
    }

    static void nextDay(MutableClock clock) {
        clock.advance(Duration.ofDays(1));
    }

    static void rules(TestPlatform p, Map<String, Object> rules) {
        Http.Response r = p.admin().put("/api/v1/admin/checkins/rules", rules);
        assertEquals(200, r.status(), r.body());
    }

    static Http.Response checkIn(Http member) {
        return member.post("/api/v1/checkins", Map.of());
    }

    /** Checks in and expects a 201. @return the {@code checkin} object's streak */
    static int checkInOk(Http member) {
        Http.Response r = checkIn(member);
        assertEquals(201, r.status(), r.body());
        return r.json().path("checkin").path("streak").asInt();
    }

    static Http.Response makeUp(Http member, LocalDate day) {
        return member.post("/api/v1/checkins/makeup", Map.of("day", day.toString()));
    }

    static long points(Http member) {
        Http.Response r = member.get("/api/v1/me/balances");
        assertEquals(200, r.status(), r.body());
        return r.json().path("balances").path("points").asLong();
    }

    static long userId(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }

    /** Gives a member points through an operator's ledger adjustment. */
    static void give(TestPlatform p, Http member, long points) {
        Http.Response r = p.admin().post("/api/v1/admin/ledger/adjustments", Map.of("userId", userId(member),
                "asset", "points", "amount", points, "reason", "adjustment"));
        assertEquals(201, r.status(), r.body());
    }

    static void assertLedgerBalanced(TestPlatform p) {
        assertTrue(p.kindred().invariants.check().isEmpty(), String.valueOf(p.kindred().invariants.check()));
    }

    static Instant at(String isoInstant) {
        return Instant.parse(isoInstant);
    }
}
