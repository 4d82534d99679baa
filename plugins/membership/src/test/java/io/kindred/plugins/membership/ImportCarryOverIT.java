package io.kindred.plugins.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import static io.kindred.plugins.membership.Fixture.assertLedgerBalanced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Customers moving from another loyalty app keep their standing: the CSV import's opening points balance is
 * booked once and their historic spend puts them at the tier it reaches, whatever the number of imports.
 */
class ImportCarryOverIT {

    private static final String CSV = """
            email,name,total_spent,points,labels
            mei@carry.test,Mei,2500.00,3200,loyal
            jun@carry.test,Jun,120.00,0,
            """;

    @Test
    void anImportWithAnOpeningBalanceAndHistoricSpendSetsTierAndPointsOnceEvenWhenRunTwice() {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            JsonNode first = importCsv(p, admin);
            assertEquals(2, first.path("imported").asInt(), first.toString());
            long mei = first.path("rows").get(0).path("userId").asLong();
            long jun = first.path("rows").get(1).path("userId").asLong();

            JsonNode second = importCsv(p, admin);
            assertEquals(2, second.path("updated").asInt(), second.toString());
            assertTrue(second.path("rows").get(0).path("reason").asText().contains("booked by an earlier import"),
                    "the report says the balance was not booked again: " + second);

            JsonNode meiBalances = admin.get("/api/v1/admin/users/" + mei + "/balances").json().path("balances");
            assertEquals(3200, meiBalances.path("points").asLong(), "the opening balance, once");
            assertEquals(2500, meiBalances.path("growth").asLong(), "2500.00 spent × 1 growth per unit, once");
            assertEquals(120, admin.get("/api/v1/admin/users/" + jun + "/balances").json().path("balances")
                    .path("growth").asLong());
            assertEquals(1, count(admin, "tier=V3"), "2500 growth reaches V3 (2000), not V4");
            assertEquals(1, count(admin, "tier=V3&minPoints=3200"));
            assertEquals(1, count(admin, "tier=V1&query=carry.test"), "120 growth stays in V1 (V2 needs 500)");
            assertEquals(1, Fixture.tierChangedEvents(p, mei), "one promotion, not one per import");
            assertLedgerBalanced(p);
        }
    }

    @Test
    void historicSpendIsIgnoredWhenTheOperatorTurnsItOff() {
        try (TestPlatform p = TestPlatform.builder().plugin(Fixture.JAR)
                .setting("membership.growthFromImportedSpend", "false").start()) {
            Http admin = p.admin();
            long mei = importCsv(p, admin).path("rows").get(0).path("userId").asLong();
            JsonNode balances = admin.get("/api/v1/admin/users/" + mei + "/balances").json().path("balances");
            assertEquals(0, balances.path("growth").asLong(), balances.toString());
            assertEquals(3200, balances.path("points").asLong(), "the opening balance is the core's, not a tier rule");
        }
    }

    private static JsonNode importCsv(TestPlatform p, Http admin) {
        Http.Response r = admin.raw("POST", "/api/v1/admin/users/import", "text/csv", CSV);
        assertEquals(200, r.status(), r.body());
        p.awaitEvents();
        return r.json().path("report");
    }

    private static int count(Http admin, String filter) {
        Http.Response r = admin.get("/api/v1/admin/users?limit=100&" + filter);
        assertEquals(200, r.status(), r.body());
        return r.json().path("items").size();
    }
}
