package io.kindred.plugins.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.kindred.plugins.distribution.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.distribution.Fixture.code;
import static io.kindred.plugins.distribution.Fixture.frozen;
import static io.kindred.plugins.distribution.Fixture.grant;
import static io.kindred.plugins.distribution.Fixture.member;
import static io.kindred.plugins.distribution.Fixture.purchase;
import static io.kindred.plugins.distribution.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code member.merged}: the merged member's fans, referrer and commissions become the target's. */
class MergeIT {

    private static TestPlatform p;
    private static Http admin;
    private static Http api;

    @BeforeAll
    static void start() {
        p = Fixture.platform(Fixture.clock()).start();
        admin = p.admin();
        api = p.apiClient("shop");
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aMergeMovesFansReferrerAndCommissionAndLaterPurchasesPayTheTarget() {
        Http root = member(p, "root@dist-merge.test", "Root", null);
        grant(admin, userId(root));
        Http goes = member(p, "goes@dist-merge.test", "Goes", code(root));
        grant(admin, userId(goes));
        Http stays = member(p, "stays@dist-merge.test", "Stays", null);
        Http fan = member(p, "fan@dist-merge.test", "Fan", code(goes));
        p.awaitEvents();
        purchase(p, api, userId(fan), "DM-1", 10_000);
        long goesFrozen = frozen(goes);
        assertEquals(1_000, goesFrozen, "10% to the fan's referrer");

        Http.Response merged = admin.post("/api/v1/admin/users/" + userId(stays) + "/merge", Map.of("from", userId(goes)));
        assertEquals(200, merged.status(), merged.body());
        admin.post("/api/v1/admin/users/" + userId(stays) + "/merge", Map.of("from", userId(goes)));
        p.awaitEvents();

        JsonNode fans = stays.get("/api/v1/distribution/fans").json().path("items");
        assertEquals(1, fans.size(), fans.toString());
        assertEquals(userId(root), bindingReferrer(userId(stays)), "the merged member's referrer binds the target");
        assertEquals(userId(stays), bindingReferrer(userId(fan)), "the fan is the target's now");
        assertEquals(goesFrozen, frozen(stays), "frozen commission moved with the ledger");
        assertEquals(1, stays.get("/api/v1/distribution/commissions").json().path("items").size());

        purchase(p, api, userId(fan), "DM-2", 20_000);
        assertEquals(goesFrozen + 2_000, frozen(stays), "the fan's next purchase pays the target");
        assertLedgerBalanced(p);
    }

    private static long bindingReferrer(long userId) {
        Http.Response r = admin.get("/api/v1/admin/distribution/bindings/" + userId);
        assertEquals(200, r.status(), r.body());
        return r.json().at("/binding/referrerId").asLong();
    }
}
