package io.kindred.plugins.distribution;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.distribution.Fixture.code;
import static io.kindred.plugins.distribution.Fixture.grant;
import static io.kindred.plugins.distribution.Fixture.member;
import static io.kindred.plugins.distribution.Fixture.purchase;
import static io.kindred.plugins.distribution.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Switched off, the distribution plugin lets go of its class loader although every part of it ran: listeners,
 * the release job, API, pages, the QR code and poster (ZXing, Java2D, ImageIO), console and CSV export.
 */
class ClassLoaderIT {

    private static final int ROUNDS = 8;

    @Test
    void distributionPluginSwitchedOffAndOnLeavesNoOldClassLoader() {
        MutableClock clock = Fixture.clock();
        try (TestPlatform p = Fixture.platform(clock).start()) {
            Http api = p.apiClient("shop");
            List<WeakReference<ClassLoader>> old = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                // A new sign-in each round: the clock moves past the refund window, and past a session's life.
                old.add(useThenSwitchOffAndOn(p, p.admin(), api, clock, round));
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
    private static WeakReference<ClassLoader> useThenSwitchOffAndOn(TestPlatform p, Http admin, Http api,
                                                                    MutableClock clock, int round) {
        ClassLoader loader = p.kindred().plugins.classLoaderOf("distribution").orElseThrow();
        Http sharer = member(p, "s" + round + "@kindred.test", "Sharer " + round, null);
        grant(admin, userId(sharer));
        Http fan = member(p, "f" + round + "@kindred.test", "Fan " + round, code(sharer));
        purchase(p, api, userId(fan), "CL-" + round, 100_00);
        Fixture.releaseAfterRefundWindow(p, clock, admin);
        assertEquals(201, sharer.post("/api/v1/distribution/withdrawals", Map.of("amount", 10_00, "method", "bank",
                "account", "62220000" + round)).status());
        for (String page : List.of("/invite", "/invite/qr.png", "/invite/poster.png", "/invite/team", "/invite/earnings",
                "/invite/withdraw")) {
            assertEquals(200, sharer.get(page).status(), page);
        }
        for (String page : List.of("/console/distribution", "/console/distribution/levels", "/console/distribution/withdrawals",
                "/console/distribution/withdrawals.csv", "/console/distribution/suspicious")) {
            assertEquals(200, admin.get(page).status(), page);
        }
        p.awaitEvents();
        assertTrue(admin.post("/api/v1/admin/plugins/distribution/disable", Map.of()).body().contains("DISABLED"));
        assertTrue(admin.post("/api/v1/admin/plugins/distribution/enable", Map.of()).body().contains("STARTED"));
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
