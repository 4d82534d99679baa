package io.kindred.dist;

import io.kindred.api.web.Scope;
import io.kindred.testkit.Http;
import io.kindred.testkit.RouteWalk;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the core and every bundled plugin running, a key that may only record purchases records them and is refused
 * every other admin endpoint (walked from the served OpenAPI description) and every console route.
 */
class ScopedApiKeysIT {

    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aPurchasesKeyRecordsPurchasesAndGets403OnEveryOtherAdminEndpointAndConsolePage() {
        Http shop = platform.apiClient("shop-sync", Scope.PURCHASES_WRITE);
        platform.member("buyer@scoped.test", "Buyer");
        Http.Response bought = shop.post("/api/v1/admin/purchases", Map.of("email", "buyer@scoped.test",
                "externalOrderId", "IT-1", "amount", 2999, "currency", "CNY"));
        assertEquals(201, bought.status(), bought.body());

        List<RouteWalk.Call> operations = RouteWalk.apiKeyOperations(platform);
        List<RouteWalk.Call> pages = RouteWalk.consoleRoutes(platform);
        assertTrue(operations.stream().anyMatch(c -> c.template().startsWith("/api/v1/admin/shop/")), "plugins are walked too");
        List<String> wrong = new ArrayList<>();
        for (RouteWalk.Call c : operations) {
            if (c.scope() == null) {
                wrong.add(c.method() + " " + c.template() + " names no x-kindred-scope");
            } else if (!c.scope().equals("purchases:write")) {
                Http.Response r = shop.send(c.method(), c.path(), c.method().equals("GET") ? null : Map.of(), Map.of());
                if (r.status() != 403) {
                    wrong.add(c.method() + " " + c.path() + " -> " + r.status());
                }
            }
        }
        for (RouteWalk.Call c : pages) {
            Http.Response r = shop.send(c.method(), c.path(), null, Map.of());
            if (r.status() != 403) {
                wrong.add(c.method() + " " + c.path() + " -> " + r.status());
            }
        }
        assertEquals(List.of(), wrong);
        System.out.println("ScopedApiKeysIT: " + operations.size() + " API operations and " + pages.size()
                + " console routes walked");
    }

    @Test
    void aShopKeyManagesThePointsShopOnly() {
        Http catalogue = platform.apiClient("catalogue", Scope.SHOP_WRITE);

        assertEquals(200, catalogue.get("/api/v1/admin/shop/items").status());
        assertEquals(403, catalogue.get("/api/v1/admin/membership/tiers").status());
        assertEquals("insufficient_scope", catalogue.get("/api/v1/admin/users").errorCode());
    }
}
