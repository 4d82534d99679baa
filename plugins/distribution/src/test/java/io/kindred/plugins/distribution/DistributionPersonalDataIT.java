package io.kindred.plugins.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.kindred.plugins.distribution.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.distribution.Fixture.code;
import static io.kindred.plugins.distribution.Fixture.grant;
import static io.kindred.plugins.distribution.Fixture.member;
import static io.kindred.plugins.distribution.Fixture.purchase;
import static io.kindred.plugins.distribution.Fixture.releaseAfterRefundWindow;
import static io.kindred.plugins.distribution.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A distributor's export shows their commissions and withdrawals; erasure keeps the money, not the person. */
class DistributionPersonalDataIT {

    private static final String ACCOUNT = "zq7xwallet8812";
    private static final String MESSAGE = "zq7x-note: I sell to my yoga class";

    private static MutableClock clock;
    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        clock = Fixture.clock();
        p = Fixture.platform(clock).start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void erasureKeepsCommissionsAndWithdrawalsWithoutThePayoutAccountAndIsSafeToRepeat() throws Exception {
        Http dist = member(p, "pd-dist@kindred.test", "Dist PD", null);
        long distId = userId(dist);
        assertEquals(201, dist.post("/api/v1/distribution/applications", Map.of("message", MESSAGE)).status());
        grant(admin, distId);
        Http fan = member(p, "pd-fan@kindred.test", "Fan PD", code(dist));
        Http shop = p.apiClient("shop");
        purchase(p, shop, userId(fan), "ORD-PD-1", 500_00);
        releaseAfterRefundWindow(p, clock, admin);
        Http.Response w = dist.post("/api/v1/distribution/withdrawals", Map.of("amount", 20_00, "method", "bank",
                "account", ACCOUNT));
        assertTrue(w.status() == 201 || w.status() == 200, w.body());
        long available = p.kindred().ledger.balance(distId, "commission");

        JsonNode before = section(distId);
        assertEquals(MESSAGE, before.path("applications").path(0).path("message").asText());
        assertEquals("****8812", before.path("withdrawals").path(0).path("account").asText());
        assertEquals(20_00, before.path("withdrawals").path(0).path("amount").asLong());
        assertEquals(50_00, before.path("commissions").path(0).path("amount").asLong());
        assertEquals("released", before.path("commissions").path(0).path("status").asText());

        erase(distId);
        JsonNode after = section(distId);
        JsonNode withdrawal = after.path("withdrawals").path(0);
        assertEquals(20_00, withdrawal.path("amount").asLong());
        assertEquals(before.path("withdrawals").path(0).path("status"), withdrawal.path("status"));
        assertEquals(DistributionPersonalData.ERASED_ACCOUNT, withdrawal.path("account").asText());
        assertEquals(before.path("commissions"), after.path("commissions"));
        after.path("applications").forEach(a -> assertTrue(a.path("message").isNull(), a.toString()));
        assertTrue(after.path("signUp").isNull() || after.path("signUp").isMissingNode(), after.toString());
        assertEquals(available, p.kindred().ledger.balance(distId, "commission"));
        assertLedgerBalanced(p);

        purchase(p, shop, userId(fan), "ORD-PD-2", 300_00);
        assertEquals(after.path("commissions"), section(distId).path("commissions"), "no commission after erasure");

        erase(distId);
        assertEquals(after, section(distId));
        assertNotInDatabase(ACCOUNT, "zq7x-note");
    }

    private static JsonNode section(long userId) {
        Http.Response r = admin.get("/api/v1/admin/users/" + userId + "/export");
        assertEquals(200, r.status(), r.body());
        JsonNode s = r.json().path("plugins").path("distribution");
        assertTrue(s.isObject(), r.body());
        return s;
    }

    private static void erase(long userId) {
        p.erase(userId);
    }

    /** Reads the bytes of the database file and its write-ahead log after a checkpoint, as an attacker with a copy would. */
    private static void assertNotInDatabase(String... needles) throws Exception {
        String file = p.databaseText();
        for (String needle : needles) {
            assertFalse(file.contains(needle), needle + " is still in the database file or its write-ahead log");
        }
    }
}
