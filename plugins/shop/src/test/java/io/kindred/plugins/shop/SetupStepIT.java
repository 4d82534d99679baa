package io.kindred.plugins.shop;

import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shop adds "a first item" to the dashboard's getting-started checklist, which ticks itself once an item exists. */
class SetupStepIT {

    @Test
    void theFirstItemStepTicksItselfWhenTheOperatorPutsAnItemInTheShop() {
        try (TestPlatform p = Fixture.start()) {
            String before = p.admin().get("/console").body();
            String step = step(before);
            assertTrue(step.contains("class=\"todo\"") && step.contains("href=\"/console/shop/items/new\"")
                    && step.contains("Put a first item in the points shop"), step);

            Fixture.item(p, Map.of("name", "Tote bag", "kind", "physical", "pricePoints", 100, "stock", 5));
            assertTrue(step(p.admin().get("/console").body()).contains("class=\"done\""));

            p.admin().post("/api/v1/admin/plugins/shop/disable", Map.of());
            assertFalse(p.admin().get("/console").body().contains("id=\"start-shop-first-item\""),
                    "the step leaves with its plugin");
        }
    }

    private static String step(String page) {
        int at = page.indexOf("id=\"start-shop-first-item\"");
        assertTrue(at >= 0, page);
        return page.substring(at, page.indexOf("</li>", at));
    }
}
