package io.kindred.plugins.creators.agencies;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.kindred.plugins.creators.agencies.AgencyFixture.agency;
import static io.kindred.plugins.creators.agencies.AgencyFixture.member;
import static io.kindred.plugins.creators.agencies.AgencyFixture.sign;
import static io.kindred.plugins.creators.agencies.AgencyFixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With the default setting an agency signs certified creators only: the roster part of the same plugin provides
 * {@code CreatorService}, so a member it has not certified is refused and a certified one is signed.
 */
class CertifiedOnlyIT {

    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = TestPlatform.builder().plugin(AgencyFixture.JAR).clock(new MutableClock(AgencyFixture.START))
                .setting("site.timezone", "UTC").start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void anAgencySignsCertifiedCreatorsOnly() {
        long agency = agency(admin, "Certified MCN");
        long plain = userId(member(p, "plain@kindred.test", "Plain Member", null));
        long creator = userId(member(p, "certified@kindred.test", "Certified Creator", null));
        Http.Response certified = admin.post("/api/v1/admin/creators", Map.of("userId", creator, "category", "beauty",
                "level", "kol", "title", "Skincare voice"));
        assertEquals(201, certified.status(), certified.body());

        Http.Response refused = sign(admin, agency, plain, "2026-04-01", "2027-03-31", 20);
        Http.Response signed = sign(admin, agency, creator, "2026-04-01", "2027-03-31", 20);

        assertEquals(409, refused.status(), refused.body());
        assertEquals("not_a_creator", refused.errorCode());
        assertEquals(201, signed.status(), signed.body());
    }
}
