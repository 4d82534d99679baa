package io.kindred.plugins.checkin;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The segments filter {@code minStreak=<days>} that the plugin adds: current runs only, refused when the plugin is off. */
class SegmentFilterIT {

    static final String ZONE = "Asia/Shanghai";

    static Set<Long> ids(Http.Response r) {
        assertEquals(200, r.status(), r.body());
        Set<Long> s = new HashSet<>();
        r.json().path("items").forEach(n -> s.add(n.path("id").asLong()));
        return s;
    }

    static long id(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }

    @Test
    void minStreakKeepsMembersWhoseCurrentRunIsLongEnoughAndIsRefusedWhileThePluginIsOff() {
        MutableClock clock = Fixture.clockAt(LocalDate.of(2026, 3, 2), ZONE);
        try (TestPlatform p = Fixture.start(clock, ZONE)) {
            Http admin = p.admin();
            Http steady = p.member("steady@segments.test", "Steady");
            Http lapsed = p.member("lapsed@segments.test", "Lapsed");
            for (int day = 0; day < 4; day++) {
                Fixture.checkInOk(steady);
                if (day == 0) {
                    Fixture.checkInOk(lapsed);
                }
                Fixture.nextDay(clock);
            }
            // The steady member checked in on the 4 days before today: still a current run of 4.
            assertEquals(Set.of(id(steady)), ids(admin.get("/api/v1/admin/users?minStreak=3")));
            assertTrue(ids(admin.get("/api/v1/admin/users?minStreak=1")).contains(id(steady)));
            assertTrue(!ids(admin.get("/api/v1/admin/users?minStreak=1")).contains(id(lapsed)), "a broken run is not current");
            assertEquals("invalid_field", admin.get("/api/v1/admin/users?minStreak=zero").errorCode());

            assertEquals(200, admin.post("/api/v1/admin/plugins/checkin/disable", Map.of()).status());
            Http.Response off = admin.get("/api/v1/admin/users?minStreak=3");
            assertEquals(400, off.status(), off.body());
            assertEquals("invalid_field", off.errorCode());
        }
    }
}
