package io.kindred.plugins.checkin;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Switched off, the check-in plugin lets go of its class loader although every part of it ran: API, pages,
 * widget, console, leaderboard cache, settings, preference, events.
 */
class ClassLoaderIT {

    private static final int ROUNDS = 12;

    @Test
    void checkinPluginSwitchedOffAndOnLeavesNoOldClassLoader() {
        MutableClock clock = Fixture.clockAt(LocalDate.of(2026, 3, 10), "UTC");
        try (TestPlatform p = Fixture.start(clock, "UTC")) {
            Http admin = p.admin();
            List<WeakReference<ClassLoader>> old = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                old.add(useThenSwitchOffAndOn(p, admin, round));
                Fixture.nextDay(clock);
            }
            for (int attempt = 0; attempt < 40 && old.stream().anyMatch(r -> r.get() != null); attempt++) {
                System.gc();
                sleep();
            }
            long alive = old.stream().filter(r -> r.get() != null).count();
            assertEquals(0, alive, alive + " of " + ROUNDS + " old class loaders are still reachable");
        }
    }

    /** A method of its own so that no local variable keeps the loader alive. */
    private static WeakReference<ClassLoader> useThenSwitchOffAndOn(TestPlatform p, Http admin, int round) {
        ClassLoader loader = p.kindred().plugins.classLoaderOf("checkin").orElseThrow();
        Http member = p.member("m" + round + "@kindred.test", "Member " + round);
        assertEquals(201, Fixture.checkIn(member).status());
        assertEquals(200, member.get("/").status());
        assertEquals(200, member.get("/checkin").status());
        assertEquals(200, member.get("/api/v1/checkins/leaderboard").status());
        assertEquals(200, admin.get("/console/checkin").status());
        assertEquals(200, admin.patch("/api/v1/admin/checkins/rules", Map.of("pointsPerCheckin", 5 + round)).status());
        p.awaitEvents();
        assertTrue(admin.post("/api/v1/admin/plugins/checkin/disable", Map.of()).body().contains("DISABLED"));
        assertTrue(admin.post("/api/v1/admin/plugins/checkin/enable", Map.of()).body().contains("STARTED"));
        return new WeakReference<>(loader);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
