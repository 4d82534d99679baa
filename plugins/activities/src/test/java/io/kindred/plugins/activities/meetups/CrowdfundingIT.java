package io.kindred.plugins.activities.meetups;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.activities.meetups.MeetupFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Crowdfunded events through PF4J: the deadline job settles each event once, however often it runs. */
class CrowdfundingIT {

    private static final MutableClock clock = new MutableClock(START);
    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = platform(clock).start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aCrowdfundedEventThatMissesItsMinimumReturnsEveryPointOnceWhenTheDeadlineJobRunsTwice() {
        clock.set(START);
        Map<String, Object> missed = event("Hiking with a guide", 20, 80);
        missed.put("minParticipants", 5);
        missed.put("deadlineAt", "2026-03-15T12:00:00Z");
        long missedId = create(admin, missed);
        Map<String, Object> reached = event("Pottery class", 5, 40);
        reached.put("minParticipants", 2);
        reached.put("deadlineAt", "2026-03-15T12:00:00Z");
        long reachedId = create(admin, reached);
        List<Http> hikers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Http m = memberWithPoints(p, admin, "hiker" + i + "@meet.test", 200);
            join(m, missedId);
            join(m, reachedId);
            hikers.add(m);
        }
        assertEquals(200 - 80 - 40, points(hikers.get(0)));
        assertEquals(0, runJob(admin, "meetups-deadlines"), "nothing is due before the deadline");

        clock.set(START.plus(Duration.ofDays(6)));
        assertEquals(2, runJob(admin, "meetups-deadlines"));
        assertEquals(0, runJob(admin, "meetups-deadlines"), "a second run finds nothing to settle");
        for (Http m : hikers) {
            assertEquals(200 - 40, points(m), "the 80 points of the missed event came back, once");
        }
        assertEquals(3, transfers(p, "meetups.refund", missedId));
        assertEquals(0, transfers(p, "meetups.refund", reachedId));
        var missedEvent = admin.get("/api/v1/admin/activities/events/" + missedId).json().path("event");
        assertEquals("cancelled", missedEvent.path("status").asText());
        assertEquals("missed", missedEvent.path("funding").asText());
        var reachedEvent = admin.get("/api/v1/admin/activities/events/" + reachedId).json().path("event");
        assertEquals("open", reachedEvent.path("status").asText());
        assertEquals("reached", reachedEvent.path("funding").asText());
        ledgerHolds(admin);
    }

    @Test
    void joinedMembersAreRemindedOnceADayAndOnceTwoHoursBefore() {
        clock.set(START);
        long id = create(admin, event("Reminded walk", 10, 0));
        Http walker = memberWithPoints(p, admin, "walker@meet.test", 0);
        join(walker, id);
        clock.set(java.time.Instant.parse("2026-03-19T12:00:00Z"));
        runJob(admin, "meetups-reminders");
        runJob(admin, "meetups-reminders");
        assertEquals(1, reminders(walker), "the day-before reminder, once");
        clock.set(java.time.Instant.parse("2026-03-20T08:30:00Z"));
        runJob(admin, "meetups-reminders");
        runJob(admin, "meetups-reminders");
        assertEquals(2, reminders(walker), "and the two-hours one, once");
        clock.set(START);
    }

    private static int reminders(Http member) {
        int n = 0;
        for (var item : member.get("/api/v1/me/notifications").json().path("items")) {
            n += item.toString().contains("Reminder: Reminded walk") ? 1 : 0;
        }
        return n;
    }

    @Test
    void anOperatorCancellingAnEventRefundsEveryoneOnceAndIsAudited() {
        clock.set(START);
        long id = create(admin, event("Rainy picnic", 2, 30));
        Http a = memberWithPoints(p, admin, "pa@meet.test", 30);
        Http b = memberWithPoints(p, admin, "pb@meet.test", 30);
        Http c = memberWithPoints(p, admin, "pc@meet.test", 30);
        join(a, id);
        join(b, id);
        join(c, id);
        Http.Response r = admin.post("/api/v1/admin/activities/events/" + id + "/cancel", Map.of("reason", "rain"));
        assertEquals(200, r.status(), r.body());
        assertEquals("wrong_status", admin.post("/api/v1/admin/activities/events/" + id + "/cancel", Map.of()).errorCode());
        assertEquals(30, points(a));
        assertEquals(30, points(b));
        assertEquals(30, points(c), "the waiting member never paid");
        var audit = admin.get("/api/v1/admin/audit?limit=200&target=activities%3Ameetup%3A" + id).body();
        org.junit.jupiter.api.Assertions.assertTrue(audit.contains("activities.meetup_cancelled"), audit);
        ledgerHolds(admin);
    }
}
