package io.kindred.plugins.checkin;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules are saved all or nothing: a rule fixed by the environment refuses the whole set, whichever path saves it. */
class LockedRulesIT {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private static TestPlatform startWithLockedMakeupCost() {
        return TestPlatform.builder().plugin(Fixture.JAR).clock(Fixture.clockAt(DAY, "UTC")).setting("site.timezone", "UTC")
                .setting("checkin.makeupCost", "10").start();
    }

    private static int pointsPerCheckin(Http admin) {
        return admin.get("/api/v1/admin/checkins/rules").json().path("rules").path("pointsPerCheckin").asInt();
    }

    @Test
    void aLockedLaterRuleRefusesTheWholeRulesRequest() {
        try (TestPlatform p = startWithLockedMakeupCost()) {
            Http admin = p.admin();
            Http.Response r = admin.put("/api/v1/admin/checkins/rules", Map.of("pointsPerCheckin", 20, "makeupCost", 30));
            assertEquals(409, r.status(), r.body());
            assertEquals("setting_locked", r.errorCode());
            assertTrue(r.body().contains("checkin.makeupCost"), r.body());
            assertEquals(5, pointsPerCheckin(admin), "nothing is saved");
        }
    }

    @Test
    void aLockedLaterRuleRefusesTheWholeConsoleForm() {
        try (TestPlatform p = startWithLockedMakeupCost()) {
            Http admin = p.admin();
            Http.Response r = admin.submitForm("/console/checkin/rules", "/console/checkin/rules",
                    Map.of("pointsPerCheckin", "20", "makeupCost", "30"));
            assertEquals(200, r.status(), r.body());
            assertTrue(r.body().contains("role=\"alert\""), r.body());
            assertEquals(5, pointsPerCheckin(admin), "nothing is saved");
        }
    }

    @Test
    void aLockedLaterSettingRefusesTheWholePluginSettingsRequest() {
        try (TestPlatform p = startWithLockedMakeupCost()) {
            Http admin = p.admin();
            Http.Response r = admin.patch("/api/v1/admin/plugins/checkin/settings",
                    Map.of("pointsPerCheckin", "20", "makeupCost", "30"));
            assertEquals(409, r.status(), r.body());
            assertEquals("setting_locked", r.errorCode());
            assertEquals(5, pointsPerCheckin(admin), "nothing is saved");
        }
    }

    @Test
    void unlockedRulesAreSavedTogether() {
        try (TestPlatform p = startWithLockedMakeupCost()) {
            Http admin = p.admin();
            Http.Response r = admin.patch("/api/v1/admin/checkins/rules", Map.of("pointsPerCheckin", 20, "makeupsPerMonth", 4));
            assertEquals(200, r.status(), r.body());
            assertEquals(20, r.json().path("rules").path("pointsPerCheckin").asInt());
            assertEquals(4, r.json().path("rules").path("makeupsPerMonth").asInt());
            assertEquals(10, r.json().path("rules").path("makeupCost").asInt());
        }
    }
}
