package io.kindred.plugins.shop;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.kindred.plugins.shop.Fixture.give;
import static io.kindred.plugins.shop.Fixture.item;
import static io.kindred.plugins.shop.Fixture.redeem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console's KPIs with the shop loaded from its jar: a cancelled redemption's points are returned, not issued. */
class KpiFlowsIT {

    @Test
    void aCancelledRedemptionsPointsCountAsReturnedNeverAsIssued() {
        try (TestPlatform p = Fixture.start()) {
            Http member = p.member("kpi@shop.test", "Kpi");
            give(p, member, 500);
            long itemId = item(p, Map.of("pricePoints", 200, "stock", 5));
            Http.Response r = redeem(member, itemId, 1, "1 Road, Town");
            assertEquals(201, r.status(), r.body());
            long id = r.json().path("redemption").path("id").asLong();
            assertEquals(200, p.admin().post("/api/v1/admin/shop/redemptions/" + id + "/cancel", Map.of()).status());

            JsonNode points = p.apiClient("kpis").get("/api/v1/admin/kpis?period=7d").json().at("/kpis/points");

            assertEquals(500, points.path("issued").asLong(), points.toString());
            assertEquals(200, points.path("spent").asLong(), points.toString());
            assertEquals(200, points.path("returned").asLong(), points.toString());
            assertEquals(500, points.path("outstanding").asLong(), points.toString());
            assertEquals(0.0, points.path("redemptionRate").asDouble(), points.toString());
        }
    }
}
