package io.kindred.plugins.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.kindred.plugins.membership.Fixture.purchase;
import static io.kindred.plugins.membership.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The segments filter {@code tier=<code>} that the plugin adds, and how segments behave while the plugin is off. */
class SegmentFilterIT {

    static Set<Long> ids(Http.Response r) {
        assertEquals(200, r.status(), r.body());
        Set<Long> s = new HashSet<>();
        r.json().path("items").forEach(n -> s.add(n.path("id").asLong()));
        return s;
    }

    @Test
    void theTierFilterKeepsTheMembersOfThatTierAndTheLowestTierHoldsThoseWhoNeverEarned() {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            Http rich = p.member("rich@segments.test", "Rich");
            Http newcomer = p.member("new@segments.test", "New");
            purchase(p, rich, "T-1", 3_000_00, null);

            assertEquals(Set.of(userId(rich)), ids(admin.get("/api/v1/admin/users?tier=V3")));
            Set<Long> lowest = ids(admin.get("/api/v1/admin/users?tier=v1&limit=100"));
            assertTrue(lowest.contains(userId(newcomer)));
            assertFalse(lowest.contains(userId(rich)));
            Http.Response unknown = admin.get("/api/v1/admin/users?tier=V9");
            assertEquals(400, unknown.status());
            assertEquals("invalid_field", unknown.errorCode());
            assertTrue(unknown.body().contains("V1, V2, V3, V4, V5"), unknown.body());
        }
    }

    @Test
    void aSavedTierSegmentIsUnavailableNotBrokenWhileMembershipIsDisabled() {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            Http rich = p.member("rich2@segments.test", "Rich");
            purchase(p, rich, "T-2", 3_000_00, null);
            Http.Response saved = admin.post("/api/v1/admin/segments", Map.of("name", "V3", "filters", Map.of("tier", "V3")));
            assertEquals(201, saved.status(), saved.body());
            long id = saved.json().path("segment").path("id").asLong();
            assertEquals(1, saved.json().path("segment").path("count").asLong());

            assertEquals(200, admin.post("/api/v1/admin/plugins/membership/disable", Map.of()).status());
            JsonNode off = admin.get("/api/v1/admin/segments/" + id).json().path("segment");
            assertTrue(off.path("count").isNull(), off.toString());
            assertFalse(off.path("available").asBoolean());
            assertEquals(200, admin.get("/api/v1/admin/segments").status());
            Http.Response list = admin.get("/api/v1/admin/users?segment=" + id);
            assertEquals(400, list.status(), list.body());
            assertEquals("invalid_field", list.errorCode());
            assertEquals(400, admin.get("/api/v1/admin/segments/" + id + "/members.csv").status());
            Http.Response page = admin.get("/console/segments/" + id);
            assertEquals(200, page.status(), "the console shows the segment as unavailable");

            assertEquals(200, admin.post("/api/v1/admin/plugins/membership/enable", Map.of()).status());
            assertEquals(1, admin.get("/api/v1/admin/segments/" + id).json().path("segment").path("count").asLong());
        }
    }
}
