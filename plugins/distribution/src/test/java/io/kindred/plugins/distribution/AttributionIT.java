package io.kindred.plugins.distribution;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.kindred.plugins.distribution.Fixture.code;
import static io.kindred.plugins.distribution.Fixture.frozen;
import static io.kindred.plugins.distribution.Fixture.grant;
import static io.kindred.plugins.distribution.Fixture.member;
import static io.kindred.plugins.distribution.Fixture.purchase;
import static io.kindred.plugins.distribution.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Binding on first purchase (setting {@code bindingMode=first_purchase}): an invite code works on any page
 * ({@code ?ref=}), is kept in a cookie for the sign-up form, and binds a member on their first purchase within
 * {@code attributionDays} of the last link they opened.
 */
class AttributionIT {

    private static MutableClock clock;
    private static TestPlatform p;
    private static Http admin;
    private static Http api;

    @BeforeAll
    static void start() {
        clock = Fixture.clock();
        p = Fixture.platform(clock).setting("distribution.bindingMode", "first_purchase")
                .setting("distribution.attributionDays", "7").start();
        admin = p.admin();
        api = p.apiClient("shop");
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    private static Long referrerOf(long userId) {
        var node = admin.get("/api/v1/admin/distribution/bindings/" + userId).json().path("binding").path("referrerId");
        return node.isNull() ? null : node.asLong();
    }

    @Test
    void aCodeOpenedOnAnyPageReachesTheSignUpFormAndBindsOnTheFirstPurchase() {
        Http host = member(p, "host@kindred.test", "Host", null);
        grant(admin, userId(host));
        Http visitor = p.http();
        assertEquals(200, visitor.get("/?ref=" + code(host).toLowerCase()).status());
        Http.Form form = visitor.form("/signup");
        assertEquals(code(host), form.field("ref"), "the sign-up form carries the code from the cookie");
        Http.Response signed = form.submit("/signup", "ref", form.field("ref"), "displayName", "Vic",
                "email", "vic@kindred.test", "password", Fixture.PASSWORD, "consent", "yes");
        assertEquals(303, signed.status(), signed.body());
        p.awaitEvents();
        long vic = userId(visitor);
        assertEquals(null, referrerOf(vic), "first-purchase mode: not bound at sign-up");
        purchase(p, api, vic, "ATT-1", 100_00);
        assertEquals(userId(host), referrerOf(vic));
        assertEquals(10_00, frozen(host), "the first purchase already earns the new referrer commission");
    }

    @Test
    void aSignedInMembersLastClickCountsForTheAttributionWindowOnly() {
        Http host = member(p, "host2@kindred.test", "Host Two", null);
        Http kim = member(p, "kim@kindred.test", "Kim", null);
        Http lee = member(p, "lee@kindred.test", "Lee", null);
        kim.get("/points?ref=" + code(host));
        lee.get("/account?ref=" + code(host));
        host.get("/?ref=" + code(host)); // one's own link is not a click
        p.awaitEvents();
        clock.advance(Duration.ofDays(3));
        purchase(p, api, userId(lee), "ATT-LEE", 10_00);
        assertEquals(userId(host), referrerOf(userId(lee)), "within 7 days of the click");
        clock.advance(Duration.ofDays(5));
        purchase(p, api, userId(kim), "ATT-KIM", 10_00);
        assertEquals(null, referrerOf(userId(kim)), "8 days after the click: not bound");
        purchase(p, api, userId(host), "ATT-HOST", 10_00);
        assertEquals(null, referrerOf(userId(host)));
        assertTrue(admin.get("/api/v1/admin/events?type=referral.clicked").body().contains("\"referrerId\":" + userId(host)));
    }
}
