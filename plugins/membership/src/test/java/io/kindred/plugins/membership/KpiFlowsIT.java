package io.kindred.plugins.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import static io.kindred.plugins.membership.Fixture.balance;
import static io.kindred.plugins.membership.Fixture.purchase;
import static io.kindred.plugins.membership.Fixture.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's KPIs with membership loaded from its jar: a refund's clawback is its own line, never spending. */
class KpiFlowsIT {

    @Test
    void aRefundedPurchasesPointsCountAsClawedBackNeverAsSpent() {
        try (TestPlatform p = Fixture.start()) {
            Http member = p.member("kpi@membership.test", "Kpi");
            purchase(p, member, "KPI-1", 20_000, null);
            long earned = balance(member, "points");
            assertTrue(earned > 0, "the purchase earned points");
            refund(p, "KPI-1");

            JsonNode points = p.apiClient("kpis").get("/api/v1/admin/kpis?period=7d").json().at("/kpis/points");

            assertEquals(earned, points.path("issued").asLong(), points.toString());
            assertEquals(earned, points.path("clawedBack").asLong(), points.toString());
            assertEquals(0, points.path("spent").asLong(), points.toString());
            assertEquals(0, points.path("outstanding").asLong(), points.toString());
        }
    }
}
