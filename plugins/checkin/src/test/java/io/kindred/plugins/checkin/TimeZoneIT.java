package io.kindred.plugins.checkin;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;

import static io.kindred.plugins.checkin.Fixture.at;
import static io.kindred.plugins.checkin.Fixture.checkIn;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Days are counted in the site's time zone ({@code site.timezone}), not in UTC and not in the server's zone. */
class TimeZoneIT {

    private static final String SHANGHAI = "Asia/Shanghai";

    @Test
    void inShanghai2359And0001LocalAreTwoDays() {
        ZoneId zone = ZoneId.of(SHANGHAI);
        MutableClock clock = new MutableClock(LocalDateTime.of(2026, 3, 10, 23, 59).atZone(zone).toInstant());
        try (TestPlatform p = Fixture.start(clock, SHANGHAI)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            assertCheckIn(checkIn(alice), "2026-03-10", 1);

            clock.set(LocalDateTime.of(2026, 3, 11, 0, 1).atZone(zone).toInstant());
            assertCheckIn(checkIn(alice), "2026-03-11", 2);
        }
    }

    @Test
    void inShanghai1559And1601UtcAreTwoDays() {
        MutableClock clock = new MutableClock(at("2026-03-10T15:59:00Z"));
        try (TestPlatform p = Fixture.start(clock, SHANGHAI)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            assertCheckIn(checkIn(alice), "2026-03-10", 1);

            clock.set(at("2026-03-10T16:01:00Z"));
            assertCheckIn(checkIn(alice), "2026-03-11", 2);
        }
    }

    @Test
    void inShanghai0001And2359LocalOfOneDateAreOneDay() {
        ZoneId zone = ZoneId.of(SHANGHAI);
        MutableClock clock = new MutableClock(LocalDateTime.of(2026, 3, 11, 0, 1).atZone(zone).toInstant());
        try (TestPlatform p = Fixture.start(clock, SHANGHAI)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            assertCheckIn(checkIn(alice), "2026-03-11", 1);

            clock.set(LocalDateTime.of(2026, 3, 11, 23, 59).atZone(zone).toInstant());
            Http.Response again = checkIn(alice);
            assertEquals(409, again.status(), again.body());
            assertEquals("already_checked_in", again.errorCode());
        }
    }

    @Test
    void inUtc1559And1601UtcAreOneDay() {
        MutableClock clock = new MutableClock(at("2026-03-10T15:59:00Z"));
        try (TestPlatform p = Fixture.start(clock, "UTC")) {
            Http alice = p.member("alice@kindred.test", "Alice");
            assertCheckIn(checkIn(alice), "2026-03-10", 1);

            clock.set(at("2026-03-10T16:01:00Z"));
            assertEquals(409, checkIn(alice).status());
        }
    }

    private static void assertCheckIn(Http.Response r, String day, int streak) {
        assertEquals(201, r.status(), r.body());
        assertEquals(day, r.json().path("checkin").path("day").asText());
        assertEquals(streak, r.json().path("checkin").path("streak").asInt());
    }
}
