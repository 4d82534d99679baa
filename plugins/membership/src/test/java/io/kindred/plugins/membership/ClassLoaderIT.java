package io.kindred.plugins.membership;

import io.kindred.api.membership.MembershipService;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Switched off, the membership plugin lets go of its class loader although every part of it ran: event
 * handlers, API, pages, widget, console, the MembershipService, the jobs; switched off, its service is gone
 * and its routes answer 404; switched on, its data is still there.
 */
class ClassLoaderIT {

    private static final int ROUNDS = 10;

    @Test
    void membershipSwitchedOffAndOnLeavesNoOldClassLoaderAndKeepsItsData() {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            List<WeakReference<ClassLoader>> old = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                old.add(useThenSwitchOffAndOn(p, admin, round));
            }
            Http m1 = p.http();
            assertEquals(200, m1.post("/api/v1/auth/login", Map.of("email", "m1@kindred.test", "password", "member-password-1")).status());
            assertEquals(600, Fixture.me(m1).path("growth").asLong(), "data kept across the switches");
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
        ClassLoader loader = p.kindred().plugins.classLoaderOf("membership").orElseThrow();
        Http member = p.member("m" + round + "@kindred.test", "Member " + round);
        Fixture.purchase(p, member, "O-" + round, 600_00, "CARD-MONTHLY");
        assertEquals("V2", Fixture.me(member).path("tier").path("code").asText());
        assertEquals(200, member.get("/").status());
        assertEquals(200, member.get("/membership").status());
        assertEquals(200, admin.get("/console/membership").status());
        assertEquals(200, admin.post("/api/v1/admin/membership/jobs/monthly-bonus/run", Map.of()).status());
        assertTrue(p.kindred().plugins.services().find(MembershipService.class).orElseThrow()
                .hasBenefit(Fixture.userId(member), "monthly.bonus"));
        assertTrue(admin.post("/api/v1/admin/plugins/membership/disable", Map.of()).body().contains("DISABLED"));
        assertTrue(p.kindred().plugins.services().find(MembershipService.class).isEmpty());
        assertEquals(404, member.get("/api/v1/membership/me").status());
        assertTrue(admin.post("/api/v1/admin/plugins/membership/enable", Map.of()).body().contains("STARTED"));
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
