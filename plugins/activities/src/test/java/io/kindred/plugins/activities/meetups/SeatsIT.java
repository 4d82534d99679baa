package io.kindred.plugins.activities.meetups;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.kindred.plugins.activities.meetups.MeetupFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Joining through PF4J: capacity under a race, the waiting list in order of arrival, cancellation and promotion. */
class SeatsIT {

    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = platform(new MutableClock(START)).start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void thirtyRacingMembersOnTenSeatsMakeTenJoinedAndTwentyWaitingInOrderOfArrivalAndACancellationPromotesTheFirst()
            throws Exception {
        long id = create(admin, event("Lake tea", 10, 50));
        int joinedEventsBefore = MeetupFixture.events(p, "activity.joined");
        List<Http> members = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            members.add(memberWithPoints(p, admin, "racer" + i + "@meet.test", 100));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (Http m : members) {
            answers.add(pool.submit(() -> {
                go.await();
                return m.post("/api/v1/activities/events/" + id + "/join", Map.of());
            }));
        }
        go.countDown();
        for (Future<Http.Response> a : answers) {
            assertEquals(201, a.get().status(), a.get().body());
        }
        pool.shutdown();

        List<Http> waiting = new ArrayList<>();
        Set<Long> places = new HashSet<>();
        int joined = 0;
        for (Http m : members) {
            JsonNode t = ticket(m, id);
            if (t.path("status").asText().equals("joined")) {
                joined++;
                assertEquals(50, points(m), "a joined member paid the ticket");
            } else {
                assertEquals("waiting", t.path("status").asText());
                assertEquals(100, points(m), "a waiting member pays only when promoted");
                places.add(t.path("waitingPlace").asLong());
                waiting.add(m);
            }
        }
        assertEquals(10, joined);
        assertEquals(20, waiting.size());
        Set<Long> expected = new HashSet<>();
        for (long i = 1; i <= 20; i++) {
            expected.add(i);
        }
        assertEquals(expected, places, "the waiting list is one line, 1 to 20, in order of arrival");
        JsonNode event = admin.get("/api/v1/admin/activities/events/" + id).json().path("event");
        assertEquals(10, event.path("joined").asInt());
        assertEquals(20, event.path("waiting").asInt());
        // The participants list (arrival order) puts the waiting members in the order of their places.
        List<Long> order = new ArrayList<>();
        for (JsonNode row : admin.get("/api/v1/admin/activities/events/" + id + "/participants").json().path("items")) {
            if (row.path("status").asText().equals("waiting")) {
                order.add(row.path("userId").asLong());
            }
        }
        Http first = waiting.stream().filter(m -> ticket(m, id).path("waitingPlace").asLong() == 1).findFirst().orElseThrow();
        Http second = waiting.stream().filter(m -> ticket(m, id).path("waitingPlace").asLong() == 2).findFirst().orElseThrow();
        assertEquals(userId(first), order.get(0));
        assertEquals(userId(second), order.get(1));
        assertEquals(joinedEventsBefore + 30, MeetupFixture.events(p, "activity.joined"));

        Http leaver = members.stream().filter(m -> ticket(m, id).path("status").asText().equals("joined")).findFirst()
                .orElseThrow();
        Http.Response cancelled = leaver.post("/api/v1/activities/events/" + id + "/cancel", Map.of());
        assertEquals(200, cancelled.status(), cancelled.body());
        assertTrue(cancelled.json().path("refunded").asBoolean(), "ten days before the start the ticket is refunded");
        assertEquals(100, points(leaver));
        assertEquals("joined", ticket(first, id).path("status").asText(), "the first waiting member is promoted");
        assertEquals(50, points(first), "and pays on promotion");
        assertEquals(1, ticket(second, id).path("waitingPlace").asInt(), "the second one is next now");
        assertEquals(joinedEventsBefore + 31, MeetupFixture.events(p, "activity.joined"), "the promotion is a join too");
        ledgerHolds(admin);
    }

    @Test
    void aWaitingMemberWhoCannotPayAtPromotionIsSkippedForTheNext() {
        long id = create(admin, event("Small table", 1, 30));
        Http a = memberWithPoints(p, admin, "sa@meet.test", 30);
        Http b = memberWithPoints(p, admin, "sb@meet.test", 10);
        Http c = memberWithPoints(p, admin, "sc@meet.test", 30);
        assertEquals("joined", join(a, id).path("status").asText());
        assertEquals("waiting", join(b, id).path("status").asText());
        assertEquals("waiting", join(c, id).path("status").asText());
        assertEquals(200, a.post("/api/v1/activities/events/" + id + "/cancel", Map.of()).status());
        assertEquals("skipped", ticket(b, id).path("status").asText());
        assertEquals(10, points(b));
        assertEquals("joined", ticket(c, id).path("status").asText());
        assertEquals(0, points(c));
        ledgerHolds(admin);
    }

    @Test
    void cancellingWithinTheRefundWindowKeepsThePointsAndStillPromotes() {
        Map<String, Object> e = event("Late leavers", 1, 40);
        e.put("startsAt", "2026-03-10T20:00:00Z"); // 16 hours after the clock's now: inside the 24-hour window
        e.put("endsAt", "2026-03-10T22:00:00Z");
        long id = create(admin, e);
        Http late = memberWithPoints(p, admin, "late@meet.test", 40);
        Http next = memberWithPoints(p, admin, "next@meet.test", 40);
        join(late, id);
        join(next, id);
        Http.Response r = late.post("/api/v1/activities/events/" + id + "/cancel", Map.of());
        assertFalse(r.json().path("refunded").asBoolean());
        assertEquals(0, points(late), "no refund within 24 hours of the start");
        assertEquals("joined", ticket(next, id).path("status").asText());
        ledgerHolds(admin);
    }

    @Test
    void joiningTwiceOrWithoutEnoughPointsIsRefusedAndMovesNothing() {
        long id = create(admin, event("Pricey", 5, 500));
        Http poor = memberWithPoints(p, admin, "poor@meet.test", 100);
        Http.Response r = poor.post("/api/v1/activities/events/" + id + "/join", Map.of());
        assertEquals(409, r.status(), r.body());
        assertEquals(100, points(poor));
        assertTrue(ticket(poor, id).isNull(), "no ticket was left behind");
        Http rich = memberWithPoints(p, admin, "rich@meet.test", 1000);
        join(rich, id);
        Http.Response again = rich.post("/api/v1/activities/events/" + id + "/join", Map.of());
        assertEquals("already_joined", again.errorCode());
        assertEquals(500, points(rich));
        assertFalse(admin.get("/api/v1/admin/activities/events/" + id).json().path("event").isMissingNode());
        ledgerHolds(admin);
    }
}
