package io.kindred.core;

import io.kindred.server.users.MembersView;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invite codes on any page: {@code ?ref=CODE} is kept in the cookie {@code kindred_ref} for the sign-up form,
 * a signed-in member's click is reported as {@code referral.clicked}, {@code user.registered} carries the sign-up
 * address, and {@code Members} tells a member's own code and who invited them.
 */
class ReferralLinksTest {

    private static final String PASSWORD = "member-password-1";
    private static TestPlatform platform;
    private static Http admin;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static String codeOf(Http member) {
        return member.get("/api/v1/me").json().path("user").path("referralCode").asText();
    }

    private static long idOf(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }

    @Test
    void aCodeOpenedOnAnyPageIsKeptForTheSignUpFormAndAnUnknownOneIsNot() {
        Http inviter = platform.member("links-inviter@kindred.test", "Inviter");
        Http visitor = platform.http();
        Http.Response home = visitor.get("/?ref=" + codeOf(inviter).toLowerCase());
        assertEquals(200, home.status());
        assertTrue(String.valueOf(home.headers().get("set-cookie")).contains("kindred_ref=" + codeOf(inviter)), home.headers().toString());
        assertEquals(codeOf(inviter), visitor.form("/signup").field("ref"));
        Http.Response signed = visitor.submitForm("/signup", "/signup", "ref", codeOf(inviter), "displayName", "Visitor",
                "email", "links-visitor@kindred.test", "password", PASSWORD, "consent", "yes");
        assertEquals(303, signed.status(), signed.body());
        MembersView members = new MembersView(platform.kindred().database, platform.kindred().users);
        assertEquals(Long.valueOf(idOf(inviter)), members.invitedBy(idOf(visitor)).orElse(null));
        assertEquals(codeOf(visitor), members.referralCode(idOf(visitor)).orElseThrow());
        assertTrue(members.invitedBy(idOf(inviter)).isEmpty());

        Http stranger = platform.http();
        Http.Response unknown = stranger.get("/?ref=NOSUCHCODE");
        assertFalse(String.valueOf(unknown.headers().get("set-cookie")).contains("kindred_ref"));
        assertEquals("", stranger.form("/signup").field("ref"));
    }

    @Test
    void aSignedInMembersClickOnAnotherMembersCodeIsReportedButNotTheirOwn() {
        Http owner = platform.member("links-owner@kindred.test", "Owner");
        Http reader = platform.member("links-reader@kindred.test", "Reader");
        reader.get("/points?ref=" + codeOf(owner));
        owner.get("/?ref=" + codeOf(owner));
        String events = admin.get("/api/v1/admin/events?type=referral.clicked").body();
        assertTrue(events.contains("\"userId\":" + idOf(reader)) && events.contains("\"referrerId\":" + idOf(owner)), events);
        assertFalse(events.contains("\"userId\":" + idOf(owner) + ","), "one's own link is no click: " + events);
    }

    @Test
    void userRegisteredCarriesTheSignUpAddress() {
        Http m = platform.http();
        assertEquals(201, m.post("/api/v1/auth/register", Map.of("email", "links-ip@kindred.test", "password", PASSWORD,
                "displayName", "Ip")).status());
        String events = admin.get("/api/v1/admin/events?type=user.registered").body();
        assertTrue(events.contains("\"signupIp\":\"127.0.0.1\""), events);
    }
}
