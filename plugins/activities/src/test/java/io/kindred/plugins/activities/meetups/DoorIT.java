package io.kindred.plugins.activities.meetups;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.kindred.plugins.activities.meetups.MeetupFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Door check-in through PF4J: the ticket's QR link admits once and pays the reward once; the calendar file. */
class DoorIT {

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
    void theDoorQrAdmitsOnceAndPaysTheRewardOnce() {
        Map<String, Object> e = event("Coffee cupping", 10, 20);
        e.put("rewardPoints", 15);
        long id = create(admin, e);
        Http lily = memberWithPoints(p, admin, "lily@meet.test", 20);
        join(lily, id);
        JsonNode ticket = lily.get("/api/v1/activities/events/" + id + "/ticket").json().path("ticket");
        String doorUrl = ticket.path("doorUrl").asText();
        assertTrue(doorUrl.matches("http://[^/]+/activities/door/[A-Za-z0-9_-]{32}"), doorUrl);
        String path = doorUrl.replaceFirst("^http://[^/]+", "");
        String token = path.substring(path.lastIndexOf('/') + 1);

        Http.Response page = lily.get("/activities/events/" + id);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<svg") && page.body().contains(ticket.path("code").asText()), "the ticket shows its QR");
        assertEquals(403, lily.get(path).status(), "a member cannot open the door page");

        Http.Response door = admin.get(path);
        assertEquals(200, door.status(), door.body());
        assertTrue(door.body().contains("lily") && door.body().contains("id=\"admit\""), door.body());
        int attendedBefore = MeetupFixture.events(p, "activity.attended");
        Http.Response first = admin.post("/api/v1/admin/activities/events/" + id + "/admit", Map.of("token", token));
        assertEquals(200, first.status(), first.body());
        assertTrue(first.json().path("admittedNow").asBoolean());
        Http.Response second = admin.post("/api/v1/admin/activities/events/" + id + "/admit", Map.of("token", token));
        assertFalse(second.json().path("admittedNow").asBoolean(), "a second scan changes nothing");
        Http.Response byCode = admin.post("/api/v1/admin/activities/events/" + id + "/admit",
                Map.of("code", ticket.path("code").asText().toLowerCase()));
        assertFalse(byCode.json().path("admittedNow").asBoolean());
        assertEquals(15, points(lily), "the reward was paid once");
        assertEquals(attendedBefore + 1, MeetupFixture.events(p, "activity.attended"));
        Http.Response again = admin.get(path);
        assertTrue(again.body().contains("id=\"door-state\"") && !again.body().contains("id=\"admit\""), again.body());
        assertTrue(again.body().contains("Already admitted at"), "a second scan says when");
        ledgerHolds(admin);
    }

    @Test
    void theDoorPageAdmitsWithItsButtonAndTheScreenCountsIt() {
        long id = create(admin, event("Tea by the door", 5, 0));
        Http kai = memberWithPoints(p, admin, "kai@meet.test", 0);
        join(kai, id);
        String doorUrl = kai.get("/api/v1/activities/events/" + id + "/ticket").json().path("ticket").path("doorUrl").asText();
        String path = doorUrl.replaceFirst("^http://[^/]+", "");
        Http.Response posted = admin.form(path).submit(path);
        assertEquals(303, posted.status(), posted.body());
        Http.Response admitted = admin.get(posted.headers().get("location"));
        assertTrue(admitted.body().contains("Admitted now."), admitted.body());
        Http.Response screen = admin.get("/console/activities/events/" + id + "/door");
        assertTrue(screen.body().contains("1 of 1 admitted"), screen.body());
        Http.Response count = admin.get("/console/activities/events/" + id + "/door/count");
        assertTrue(count.body().contains("1 of 1 admitted") && !count.body().contains("<html"), count.body());
    }

    @Test
    void operatorsMarkTheAmountPaidOnTheSpotAndExportTheParticipants() {
        Map<String, Object> e = event("Dumpling workshop", 10, 0);
        e.put("priceOffline", 3550);
        long id = create(admin, e);
        Http chef = memberWithPoints(p, admin, "chef@meet.test", 0);
        String code = join(chef, id).path("code").asText();
        Http.Response paid = admin.post("/api/v1/admin/activities/events/" + id + "/participants/" + userId(chef)
                + "/offline-paid", Map.of("paid", true));
        assertEquals(200, paid.status(), paid.body());
        assertTrue(paid.json().path("ticket").path("offlinePaid").asBoolean());
        Http.Response csv = admin.get("/console/activities/events/" + id + "/participants.csv");
        assertEquals(200, csv.status());
        assertTrue(csv.body().contains("\"chef\"") && csv.body().contains(code) && csv.body().contains("\"true\""), csv.body());
        assertTrue(admin.get("/activities/events/" + id).body().contains("CNY 35.50"));
    }

    @Test
    void everyEventHasAnICalendarFile() {
        long id = create(admin, event("Calendar walk", 10, 0));
        Http.Response ics = p.http().get("/activities/events/" + id + ".ics");
        assertEquals(200, ics.status());
        assertTrue(ics.headers().getOrDefault("content-type", "").startsWith("text/calendar"), ics.headers().toString());
        assertTrue(ics.body().contains("BEGIN:VCALENDAR") && ics.body().contains("SUMMARY:Calendar walk")
                && ics.body().contains("DTSTART:20260320T100000Z"), ics.body());
        assertEquals(ics.body(), p.http().get("/api/v1/activities/events/" + id + "/calendar").body());
    }
}
