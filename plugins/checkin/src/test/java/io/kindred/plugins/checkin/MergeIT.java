package io.kindred.plugins.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.checkin.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.checkin.Fixture.checkInOk;
import static io.kindred.plugins.checkin.Fixture.noonOf;
import static io.kindred.plugins.checkin.Fixture.points;
import static io.kindred.plugins.checkin.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code member.merged}: the merged member's check-ins become the target's, a day both checked in once. */
class MergeIT {

    private static final LocalDate MAY_4 = LocalDate.of(2026, 5, 4);

    @Test
    void aMergeMovesTheCheckinHistoryAndKeepsADayBothCheckedInOnce() {
        MutableClock clock = Fixture.clockAt(MAY_4, "UTC");
        try (TestPlatform p = Fixture.start(clock, "UTC")) {
            Fixture.rules(p, Fixture.PLAIN_RULES);
            Http stays = p.member("stays@checkin-merge.test", "Stays");
            Http goes = p.member("goes@checkin-merge.test", "Goes");
            checkInOk(goes);
            noonOf(clock, MAY_4.plusDays(1), "UTC");
            checkInOk(goes);
            checkInOk(stays);
            noonOf(clock, MAY_4.plusDays(2), "UTC");
            checkInOk(stays);
            long total = points(stays) + points(goes);

            Http admin = p.admin();
            Http.Response merged = admin.post("/api/v1/admin/users/" + userId(stays) + "/merge", Map.of("from", userId(goes)));
            assertEquals(200, merged.status(), merged.body());
            admin.post("/api/v1/admin/users/" + userId(stays) + "/merge", Map.of("from", userId(goes)));
            p.awaitEvents();

            JsonNode me = stays.get("/api/v1/checkins/me").json();
            assertEquals(List.of("2026-05-04", "2026-05-05", "2026-05-06"), days(me.path("month")));
            assertEquals(total, points(stays), "points moved once, with the ledger");
            assertLedgerBalanced(p);
        }
    }

    private static List<String> days(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(d -> out.add(d.asText()));
        return out;
    }
}
