package io.kindred.core;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Youzan (有赞云) push messages, signed as Youzan signs them (body {@code sign} = md5(client_id + msg + client_secret),
 * header {@code Event-Sign} = md5(client_id + body + client_secret)), become purchases and refunds, and are answered
 * {@code {"code":0,"msg":"success"}}. One platform per class.
 */
class YouzanConnectorTest {

    private static final String CLIENT_ID = "3c5f8a3b0d7e4f1a9b2c";
    private static final String SECRET = "youzan-client-secret-0123456789";
    private static final String SAMPLE_TID = "E20190318155425071300014";
    private static TestPlatform platform;
    private static ShopPushes shops;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
        shops = new ShopPushes(platform);
        assertEquals(303, shops.configure("youzan", SECRET, CLIENT_ID).status());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static String paid(String tid, String phone, String secret) throws Exception {
        String msg = ShopPushes.sample("youzan-trade-paid.msg.json").replace(SAMPLE_TID, tid).replace("13800138000", phone);
        return ShopPushes.youzanBody(CLIENT_ID, secret, "trade_TradePaid", "WAIT_SELLER_SEND_GOODS", tid, msg, "msg-" + tid);
    }

    private static String refunded(String tid) throws Exception {
        String msg = ShopPushes.sample("youzan-refund-success.msg.json").replace(SAMPLE_TID, tid);
        return ShopPushes.youzanBody(CLIENT_ID, SECRET, "trade_refund_RefundSuccess", "SUCCESS", tid, msg, "msg-r-" + tid);
    }

    private static long memberWithPhone(String phone) {
        long id = shops.member(phone + "@youzan.test");
        platform.kindred().accounts.updateProfile(id, new io.kindred.server.users.Accounts.ProfileChange(null, null, null,
                phone, null, null));
        return id;
    }

    private static void assertSuccess(Http.Response r) {
        assertEquals(200, r.status(), r.body());
        assertEquals(0, r.json().path("code").asInt(-1), r.body());
        assertEquals("success", r.json().path("msg").asText(), r.body());
    }

    @Test
    void aTradePaidMessageSignedInItsBodyBecomesOnePurchaseEvenWhenPushedTwice() throws Exception {
        long member = memberWithPhone("13900000001");
        String body = paid("E2026000000001", "13900000001", SECRET);

        Http.Response first = shops.youzan(body, Map.of());
        Http.Response again = shops.youzan(body, Map.of());

        assertSuccess(first);
        assertSuccess(again);
        assertEquals(1, shops.events("purchase.recorded", "youzan:E2026000000001").size());
        assertEquals(member, shops.events("purchase.recorded", "youzan:E2026000000001").get(0).path("userId").asLong());
        assertEquals(8_800, shops.purchaseAmount("youzan:E2026000000001"), "88.00 CNY in fen");
        assertEquals("DOLL-01", shops.events("purchase.recorded", "youzan:E2026000000001").get(0).at("/payload/sku").asText());
        assertEquals(List.of("recorded", "duplicate"), shops.outcomes("youzan", "youzan:E2026000000001"));
    }

    @Test
    void theEventSignHeaderIsCheckedOverTheWholeBody() throws Exception {
        long member = shops.member("event-sign@youzan.test");
        assertEquals(200, platform.admin().post("/api/v1/admin/users/" + member + "/external-ids",
                Map.of("system", "youzan", "externalId", "xpgb0TvP739017930185285632")).status());
        String body = paid("E2026000000002", "13900000002", "not-used-for-the-header");

        Http.Response r = shops.youzan(body, Map.of("Event-Sign", ShopPushes.md5(CLIENT_ID + body + SECRET),
                "Event-Type", "trade_TradePaid", "Client-Id", CLIENT_ID));

        assertSuccess(r);
        assertEquals(Optional.of("recorded"), shops.purchaseStatus("youzan:E2026000000002"));
        assertEquals(member, shops.events("purchase.recorded", "youzan:E2026000000002").get(0).path("userId").asLong());
    }

    @Test
    void aWrongSignIsRefusedWith401AndNothingIsRecorded() throws Exception {
        String body = paid("E2026000000003", "13900000003", "a-wrong-secret");

        Http.Response bodySign = shops.youzan(body, Map.of());
        Http.Response headerSign = shops.youzan(paid("E2026000000003", "13900000003", SECRET),
                Map.of("Event-Sign", ShopPushes.md5(CLIENT_ID + body + "a-wrong-secret")));

        assertEquals(401, bodySign.status(), bodySign.body());
        assertEquals("invalid_signature", bodySign.errorCode());
        assertEquals(401, headerSign.status(), headerSign.body());
        assertEquals(Optional.empty(), shops.purchaseStatus("youzan:E2026000000003"));
    }

    @Test
    void aRefundSuccessMessageRefundsThePurchaseOnce() throws Exception {
        long member = memberWithPhone("13900000004");
        assertSuccess(shops.youzan(paid("E2026000000004", "13900000004", SECRET), Map.of()));

        assertSuccess(shops.youzan(refunded("E2026000000004"), Map.of()));
        assertSuccess(shops.youzan(refunded("E2026000000004"), Map.of()));

        assertEquals(Optional.of("refunded"), shops.purchaseStatus("youzan:E2026000000004"));
        assertEquals(1, shops.events("purchase.refunded", "youzan:E2026000000004").size());
    }

    @Test
    void aTestMessageIsAnsweredSuccessAndDoesNothing() {
        Http.Response r = shops.youzan("{\"client_id\":\"" + CLIENT_ID + "\",\"id\":\"0\",\"kdt_id\":0,\"msg\":\"\","
                + "\"sign\":\"\",\"test\":true,\"type\":\"trade_TradePaid\",\"mode\":1,\"version\":0}", Map.of());

        assertSuccess(r);
    }

    @Test
    void aMessageMatchingNoMemberIsAnsweredSuccessAndLoggedForAReplay() throws Exception {
        Http.Response r = shops.youzan(paid("E2026000000005", "13900000005", SECRET), Map.of());

        assertSuccess(r);
        assertEquals(Optional.empty(), shops.purchaseStatus("youzan:E2026000000005"));
        assertEquals(List.of("no_member"), shops.outcomes("youzan", "youzan:E2026000000005"));
    }
}
