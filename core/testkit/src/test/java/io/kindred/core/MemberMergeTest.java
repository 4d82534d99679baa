package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operators merge two members who are one person: every point and purchase moves, {@code member.merged} is
 * published once, the ledger's invariants hold, and the merged member is gone for good. One platform; every
 * test uses members of its own.
 */
class MemberMergeTest {

    private static TestPlatform platform;
    private static Http admin;
    private static Http shop;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
        admin = platform.admin();
        shop = platform.apiClient("merge-shop");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aMergeKeepsEveryPointAndPurchaseAndEmitsMemberMergedOnceEvenWhenRepeated() {
        Http anna = platform.member("anna@merge.test", "Anna");
        long into = id(anna);
        long from = importCustomer("phone,name,external_id,external_system,labels\n+8613600000001,Anna Shop,S-1,shopify,vip;buyer\n");
        admin.post("/api/v1/admin/users/" + into + "/labels", Map.of("label", "newsletter"));
        credit(into, 30);
        credit(from, 70);
        buy(into, "MERGE-A-1", 1_000);
        buy(from, "MERGE-A-2", 2_500);

        Http.Response merged = admin.post("/api/v1/admin/users/" + into + "/merge", Map.of("from", from));
        Http.Response again = admin.post("/api/v1/admin/users/" + into + "/merge", Map.of("from", from));

        assertEquals(200, merged.status(), merged.body());
        assertEquals(into, merged.json().at("/merge/into").asLong());
        assertEquals(70, merged.json().at("/merge/moved/balances/points").asLong());
        assertEquals(200, again.status(), again.body());
        assertTrue(again.json().at("/merge/repeated").asBoolean());
        assertEquals(100, anna.get("/api/v1/me/balances").json().at("/balances/points").asLong(), "no point lost or made");
        JsonNode user = admin.get("/api/v1/admin/users/" + into).json().path("user");
        assertEquals(3_500, user.path("totalSpent").asLong());
        JsonNode twoPurchases = admin.get("/api/v1/admin/users?minPurchases=2&query=anna%40merge.test").json().path("items");
        assertEquals(1, twoPurchases.size(), "segments count both purchases for the member: " + twoPurchases);
        assertEquals("+8613600000001", user.path("phone").asText(), "the phone comes along when the target has none");
        assertEquals(List.of("buyer", "newsletter", "vip"), strings(user.path("labels")));
        assertEquals("shopify", user.at("/externalIds/0/system").asText());
        JsonNode gone = admin.get("/api/v1/admin/users/" + from).json().path("user");
        assertEquals("merged", gone.path("status").asText());
        assertEquals(into, gone.path("mergedInto").asLong(), "the old id answers where it went");
        assertEquals(0, balance(from));
        assertEquals(into, shop.post("/api/v1/admin/purchases/MERGE-A-2/refund", Map.of()).json().at("/purchase/userId").asLong(),
                "the purchase is the target's now");
        assertEquals(1, mergedEvents(into, from), "member.merged once");
        assertLedgerSound();
    }

    @Test
    void aMergedMemberCanNoLongerSignInAndLosesItsSessions() {
        Http bob = platform.member("bob@merge.test", "Bob");
        Http bobAgain = platform.member("bob.two@merge.test", "Bob Two");
        long into = id(bob);
        long from = id(bobAgain);

        assertEquals(200, admin.post("/api/v1/admin/users/" + into + "/merge", Map.of("from", from)).status());

        assertEquals(401, bobAgain.get("/api/v1/me").status(), "its sessions are revoked");
        assertEquals(401, platform.http().post("/api/v1/auth/login", Map.of("email", "bob.two@merge.test",
                "password", "member-password-1")).status());
        assertEquals(200, bob.get("/api/v1/me").status());
    }

    @Test
    void aPurchaseNamingTheMergedMemberLandsOnTheMemberItWentInto() {
        long into = id(platform.member("cleo@merge.test", "Cleo"));
        long from = importCustomer("phone,name\n+8613600000003,Cleo Shop\n");
        assertEquals(200, admin.post("/api/v1/admin/users/" + into + "/merge", Map.of("from", from)).status());

        Http.Response byId = shop.post("/api/v1/admin/purchases", Map.of("userId", from, "externalOrderId", "MERGE-C-1",
                "amount", 500, "currency", "CNY"));
        Http.Response byPhone = shop.post("/api/v1/admin/purchases", Map.of("phone", "+8613600000003",
                "externalOrderId", "MERGE-C-2", "amount", 700, "currency", "CNY"));

        assertEquals(into, byId.json().at("/purchase/userId").asLong(), byId.body());
        assertEquals(into, byPhone.json().at("/purchase/userId").asLong(), byPhone.body());
        credit(from, 5);
        assertEquals(5, balance(into), "value addressed to the merged member lands in the member it went into");
        assertEquals(0, balance(from));
    }

    @Test
    void mergesThatMakeNoSenseAreRefusedWithClearErrors() {
        long a = id(platform.member("dan@merge.test", "Dan"));
        long b = id(platform.member("dan.two@merge.test", "Dan Two"));
        long c = id(platform.member("dan.three@merge.test", "Dan Three"));
        long adminId = admin.get("/api/v1/me").json().at("/user/id").asLong();

        assertEquals("merge_same_member", admin.post("/api/v1/admin/users/" + a + "/merge", Map.of("from", a)).errorCode());
        assertEquals("user_not_found", admin.post("/api/v1/admin/users/" + a + "/merge", Map.of("from", 999_999)).errorCode());
        assertEquals("user_not_found", admin.post("/api/v1/admin/users/999999/merge", Map.of("from", a)).errorCode());
        Http.Response intoAdmin = admin.post("/api/v1/admin/users/" + adminId + "/merge", Map.of("from", a));
        assertEquals(409, intoAdmin.status());
        assertEquals("merge_refused", intoAdmin.errorCode());
        assertEquals("merge_refused", admin.post("/api/v1/admin/users/" + a + "/merge", Map.of("from", adminId)).errorCode());
        assertEquals(200, admin.post("/api/v1/admin/users/" + a + "/merge", Map.of("from", b)).status());
        Http.Response intoMerged = admin.post("/api/v1/admin/users/" + b + "/merge", Map.of("from", c));
        assertEquals(409, intoMerged.status());
        assertEquals("member_merged", intoMerged.errorCode());
        assertTrue(intoMerged.json().at("/error/message").asText().contains("member " + a), intoMerged.body());
        assertEquals("member_merged", admin.post("/api/v1/admin/users/" + c + "/merge", Map.of("from", b)).errorCode());
        assertEquals("invalid_json", admin.raw("POST", "/api/v1/admin/users/" + a + "/merge", "application/json", "{").errorCode());
        assertEquals(403, platform.member("eve@merge.test", "Eve").post("/api/v1/admin/users/" + a + "/merge",
                Map.of("from", c)).status());
    }

    @Test
    void parallelMergesAndPurchasesDuringThemLoseNothingAndKeepTheInvariants() throws Exception {
        int pairs = 6;
        long[] into = new long[pairs];
        long[] from = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            into[i] = id(platform.member("par" + i + "@merge.test", "Par " + i));
            from[i] = importCustomer("phone,name\n+86136100000" + (10 + i) + ",Par Shop " + i + "\n");
            credit(from[i], 40);
        }
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            int n = i;
            for (int k = 0; k < 3; k++) {
                work.add(() -> admin.post("/api/v1/admin/users/" + into[n] + "/merge", Map.of("from", from[n])).status());
            }
            for (int k = 0; k < 4; k++) {
                int order = k;
                work.add(() -> shop.post("/api/v1/admin/purchases", Map.of("userId", from[n],
                        "externalOrderId", "MERGE-PAR-" + n + "-" + order, "amount", 100, "currency", "CNY")).status());
                work.add(() -> admin.post("/api/v1/admin/ledger/adjustments", Map.of("userId", from[n], "asset", "points",
                        "amount", 10, "reason", "during merge")).status());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Integer> f : pool.invokeAll(work)) {
                int status = f.get();
                assertTrue(status == 200 || status == 201, "status " + status);
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < pairs; i++) {
            assertEquals(40 + 4 * 10, balance(into[i]), "pair " + i);
            assertEquals(0, balance(from[i]));
            assertEquals(400, admin.get("/api/v1/admin/users/" + into[i]).json().at("/user/totalSpent").asLong(), "pair " + i);
            assertEquals(1, mergedEvents(into[i], from[i]));
            for (int k = 0; k < 4; k++) {
                assertEquals(into[i], shop.post("/api/v1/admin/purchases", Map.of("userId", into[i],
                        "externalOrderId", "MERGE-PAR-" + i + "-" + k, "amount", 100, "currency", "CNY"))
                        .json().at("/purchase/userId").asLong(), "every purchase belongs to the member that stays");
            }
        }
        assertLedgerSound();
    }

    @Test
    void theConsoleMergesAfterAConfirmation() {
        long into = id(platform.member("fay@merge.test", "Fay"));
        long from = importCustomer("email,name\nfay.shop@merge.test,Fay Shop\n");
        credit(from, 15);
        assertTrue(admin.get("/console/members/" + into).body().contains("/console/members/" + into + "/merge"));
        Http.Response preview = admin.get("/console/members/" + into + "/merge?from=" + from);
        assertEquals(200, preview.status());
        assertTrue(preview.body().contains("fay.shop@merge.test"), preview.body());

        Http.Response unconfirmed = admin.submitForm("/console/members/" + into + "/merge?from=" + from,
                "/console/members/" + into + "/merge", Map.of("from", String.valueOf(from)));
        assertEquals(400, unconfirmed.status());
        assertEquals(15, balance(from), "nothing moved without the confirmation");
        Http.Response done = admin.submitForm("/console/members/" + into + "/merge?from=" + from,
                "/console/members/" + into + "/merge", Map.of("from", String.valueOf(from), "confirm", "yes"));

        assertEquals(303, done.status(), done.body());
        assertEquals(15, balance(into));
        assertTrue(admin.get(done.headers().get("location")).body().contains("The members are merged"));
        assertTrue(admin.get("/console/members/" + from).body().contains("href=\"/console/members/" + into + "\""),
                "the merged member's page says where it went");
    }

    private static long id(Http member) {
        return member.get("/api/v1/me").json().at("/user/id").asLong();
    }

    private static long importCustomer(String csv) {
        Http.Response r = admin.raw("POST", "/api/v1/admin/users/import", "text/csv", csv);
        assertEquals("imported", r.json().at("/report/rows/0/outcome").asText(), r.body());
        return r.json().at("/report/rows/0/userId").asLong();
    }

    private static void credit(long userId, long points) {
        Http.Response r = admin.post("/api/v1/admin/ledger/adjustments", Map.of("userId", userId, "asset", "points",
                "amount", points, "reason", "test"));
        assertEquals(201, r.status(), r.body());
    }

    private static void buy(long userId, String order, long amount) {
        Http.Response r = shop.post("/api/v1/admin/purchases", Map.of("userId", userId, "externalOrderId", order,
                "amount", amount, "currency", "CNY"));
        assertEquals(201, r.status(), r.body());
    }

    private static long balance(long userId) {
        return platform.kindred().ledger.balance(userId, "points");
    }

    private static int mergedEvents(long into, long from) {
        int n = 0;
        for (JsonNode e : admin.get("/api/v1/admin/events?limit=200&type=member.merged").json().path("items")) {
            if (e.at("/payload/into").asLong() == into && e.at("/payload/from").asLong() == from) {
                n++;
            }
        }
        return n;
    }

    private static void assertLedgerSound() {
        Http.Response check = admin.get("/api/v1/admin/ledger/check");
        assertTrue(check.json().path("ok").asBoolean(), check.body());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
