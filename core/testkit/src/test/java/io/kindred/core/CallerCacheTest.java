package io.kindred.core;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions and members are resolved from a cache in the process, never stale: a request right after a change that
 * matters (sign-out, a revoked session, a role taken away, a new name or language, an erasure, a merge) sees it.
 */
class CallerCacheTest {

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

    @Test
    void aSignedOutSessionIsRefusedOnTheNextRequestEvenWithACopyOfItsCookie() {
        platform.member("out@cache.test", "Out");
        Http browser = platform.http();
        Http copy = withCookieOf(browser, "out@cache.test");
        assertEquals(200, copy.get("/api/v1/me").status(), "the copy is signed in (and its session now cached)");

        Http.Response out = browser.post("/api/v1/auth/logout", Map.of());
        assertTrue(out.status() < 300, out.status() + " " + out.body());
        assertEquals(401, copy.get("/api/v1/me").status(), "signed out: the same cookie signs no one in");
    }

    @Test
    void aRevokedSessionAndSigningOutEverywhereElseEndTheOtherSessionsAtOnce() {
        platform.member("two@cache.test", "Two");
        Http phone = signIn("two@cache.test");
        Http laptop = signIn("two@cache.test");
        Http tablet = signIn("two@cache.test");
        List.of(phone, laptop, tablet).forEach(h -> assertEquals(200, h.get("/api/v1/me").status()));

        String laptopId = currentSessionId(laptop);
        assertEquals(204, phone.delete("/api/v1/me/sessions/" + laptopId).status());
        assertEquals(401, laptop.get("/api/v1/me").status(), "the revoked session ends on its next request");
        assertEquals(200, tablet.get("/api/v1/me").status());

        phone.delete("/api/v1/me/sessions");
        assertEquals(401, tablet.get("/api/v1/me").status(), "signed out everywhere else");
        assertEquals(200, phone.get("/api/v1/me").status(), "the session that asked stays");
    }

    @Test
    void anAdministratorWhoseRoleIsTakenAwayIsRefusedOnTheNextAdminCall() {
        long id = idOf(platform.member("demoted@cache.test", "Demoted"));
        assertEquals(200, admin.put("/api/v1/admin/users/" + id + "/roles", Map.of("roles", List.of("admin"))).status());
        Http demoted = signIn("demoted@cache.test");
        assertEquals(200, demoted.get("/api/v1/admin/users?limit=1").status(), "an administrator now");

        assertEquals(200, admin.put("/api/v1/admin/users/" + id + "/roles", Map.of("roles", List.of())).status());
        int next = demoted.get("/api/v1/admin/users?limit=1").status();
        assertTrue(next == 401 || next == 403, "demoted: the next admin call is refused, not " + next);
    }

    @Test
    void anAdministratorDemotedInTheConsoleIsRefusedOnTheNextAdminCall() {
        long id = idOf(platform.member("console@cache.test", "Console"));
        assertEquals(200, admin.put("/api/v1/admin/users/" + id + "/roles", Map.of("roles", List.of("admin"))).status());
        Http demoted = signIn("console@cache.test");
        assertEquals(200, demoted.get("/api/v1/admin/users?limit=1").status());

        String detail = "/console/members/" + id;
        assertEquals(303, admin.submitForm(detail, detail + "/roles", "operator", "on").status());
        int next = demoted.get("/api/v1/admin/users?limit=1").status();
        assertTrue(next == 401 || next == 403, "demoted to operator: the next admin call is refused, not " + next);
    }

    @Test
    void aPasswordChangedOnTheAccountPageSignsOutEveryOtherSession() {
        Http here = platform.member("password@cache.test", "Password");
        Http elsewhere = signIn("password@cache.test");
        assertEquals(200, elsewhere.get("/api/v1/me").status());

        assertEquals(303, here.submitForm("/account", "/account/password", "currentPassword", "member-password-1",
                "newPassword", "member-password-2").status());
        assertEquals(401, elsewhere.get("/api/v1/me").status(), "the other session ends at once");
        assertEquals(200, here.get("/api/v1/me").status(), "this browser stays signed in");
    }

    @Test
    void aSecondFactorRemovedByAnAdministratorEndsTheMembersSessionsAtOnce() {
        Http member = platform.member("totp@cache.test", "Totp");
        long id = idOf(member);
        assertEquals(204, admin.delete("/api/v1/admin/users/" + id + "/second-factor").status());
        assertEquals(401, member.get("/api/v1/me").status());
    }

    @Test
    void aNewNameAndLanguageShowOnTheNextPage() {
        Http member = platform.member("renamed@cache.test", "Before");
        assertTrue(member.get("/me").body().contains("Before"));

        assertEquals(200, member.patch("/api/v1/me", Map.of("displayName", "Afterwards", "locale", "zh-CN")).status());
        String page = member.get("/me").body();
        assertTrue(page.contains("Afterwards") && !page.contains(">Before<"), "the new name shows at once");
        assertTrue(page.contains("<html lang=\"zh-CN\""), "the new language shows at once");
    }

    @Test
    void anErasedMemberAndAMergedMemberAreSignedOutAtOnce() {
        Http erased = platform.member("erased@cache.test", "Erased");
        long erasedId = idOf(erased);
        platform.erase(erasedId);
        assertEquals(401, erased.get("/api/v1/me").status(), "erased: no session left");

        Http into = platform.member("into@cache.test", "Into");
        Http from = platform.member("from@cache.test", "From");
        long fromId = idOf(from);
        Http.Response merged = admin.post("/api/v1/admin/users/" + idOf(into) + "/merge", Map.of("from", fromId));
        assertEquals(200, merged.status(), merged.body());
        assertEquals(401, from.get("/api/v1/me").status(), "merged into another member: signed out");
        assertEquals(200, into.get("/api/v1/me").status());
    }

    @Test
    void noRequestStartedAfterARoleWasTakenAwaySeesTheOldRole() throws Exception {
        long id = idOf(platform.member("race@cache.test", "Race"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                assertEquals(200, admin.put("/api/v1/admin/users/" + id + "/roles", Map.of("roles", List.of("admin"))).status());
                Http racer = signIn("race@cache.test");
                assertEquals(200, racer.get("/api/v1/admin/users?limit=1").status());
                AtomicBoolean revoked = new AtomicBoolean();
                AtomicBoolean stop = new AtomicBoolean();
                ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
                CountDownLatch done = new CountDownLatch(3);
                for (int t = 0; t < 3; t++) {
                    pool.submit(() -> {
                        try {
                            while (!stop.get()) {
                                boolean after = revoked.get();
                                int status = racer.get("/api/v1/admin/users?limit=1").status();
                                if (after && status == 200) {
                                    stale.add("200 after the role was taken away");
                                }
                            }
                        } finally {
                            done.countDown();
                        }
                    });
                }
                Thread.sleep(100);
                assertEquals(200, admin.put("/api/v1/admin/users/" + id + "/roles", Map.of("roles", List.of())).status());
                revoked.set(true);
                Thread.sleep(200);
                stop.set(true);
                assertTrue(done.await(30, TimeUnit.SECONDS));
                assertTrue(stale.isEmpty(), "round " + round + ": " + stale);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMemberReadWhileAChangeIsStillUncommittedIsForgottenWhenItCommits() {
        Http member = platform.member("commit@cache.test", "Old");
        long id = idOf(member);
        var users = platform.kindred().users;
        platform.kindred().database.write(h -> {
            h.createUpdate("UPDATE users SET display_name = 'Committed' WHERE id = :id").bind("id", id).execute();
            users.cache().forgetUser(h, id);
            // Another request resolves the member before the commit: it reads, and caches, the old row.
            String seen = CompletableFuture.supplyAsync(() -> users.activeMember(id).orElseThrow().displayName()).join();
            assertEquals("Old", seen);
            return null;
        });
        assertEquals("Committed", users.activeMember(id).orElseThrow().displayName(), "forgotten again on commit");
        assertTrue(member.get("/me").body().contains("Committed"));
    }

    private static Http signIn(String email) {
        Http h = platform.http();
        Http.Response r = h.post("/api/v1/auth/login", Map.of("email", email, "password", "member-password-1"));
        assertEquals(200, r.status(), r.body());
        return h;
    }

    /** Signs {@code browser} in and returns a second client that sends the same session cookie. */
    private static Http withCookieOf(Http browser, String email) {
        Http.Response r = browser.post("/api/v1/auth/login", Map.of("email", email, "password", "member-password-1"));
        assertEquals(200, r.status(), r.body());
        String setCookie = r.headers().get("set-cookie");
        String token = setCookie.substring(setCookie.indexOf("kindred_session=") + "kindred_session=".length()).split(";")[0];
        return platform.http().header("Cookie", "kindred_session=" + token);
    }

    private static String currentSessionId(Http h) {
        for (var s : h.get("/api/v1/me/sessions").json().path("items")) {
            if (s.path("current").asBoolean()) {
                return s.path("id").asText();
            }
        }
        throw new AssertionError("no current session");
    }

    private static long idOf(Http member) {
        return member.get("/api/v1/me").json().at("/user/id").asLong();
    }
}
