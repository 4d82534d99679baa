package io.kindred.core;

import io.kindred.server.Kindred;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operator broadcasts: preview and count, sent at once, delivered in the background by the job. */
class BroadcastsTest {

    static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().setting("broadcasts.seconds", "3600").setting("mail.outbox-seconds", "3600").start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static Kindred kindred() {
        return platform.kindred();
    }

    /** Members with a label, written straight to the database: a bulk import would take longer and test nothing more. */
    static void labelledMembers(String label, int count) {
        kindred().database.write(h -> {
            for (int i = 0; i < count; i++) {
                long id = kindred().users.insert(h, label + i + "@broadcast.test", null, null, "Member " + i, null, 0L);
                kindred().users.addLabel(h, id, label, 0L);
            }
            return null;
        });
    }

    static long count(String sql, long broadcastId) {
        return kindred().database.read(h -> h.createQuery(sql).bind("key", "broadcast:" + broadcastId).mapTo(Long.class).one());
    }

    static long latestBroadcast() {
        return kindred().database.read(h -> h.createQuery("SELECT MAX(id) FROM broadcasts").mapTo(Long.class).one());
    }

    static Http.Response run(String job) {
        return platform.admin().post("/api/v1/admin/jobs/core/" + job + "/run", Map.of());
    }

    @Test
    void aBroadcastToALabelOf1000ReachesEachMemberOnceInSiteAndByEmailWithoutBlockingTheConsole() {
        labelledMembers("vip", 1000);
        Http admin = platform.admin();
        String[] fields = {"title", "Double points weekend", "body", "All check-ins count twice.", "link", "/points",
                "audience", "label", "label", "vip", "inSite", "on", "email", "on"};
        Http.Response preview = admin.submitForm("/console/broadcasts", "/console/broadcasts/preview", fields);
        assertEquals(200, preview.status(), preview.body());
        assertTrue(preview.body().contains("data-count=\"1000\""), "the preview counts the audience");
        assertTrue(preview.body().contains("Double points weekend"));

        Http.Response sent = admin.submitForm("/console/broadcasts", "/console/broadcasts", fields);
        assertEquals(303, sent.status(), sent.body());
        long id = latestBroadcast();
        assertEquals(0, count("SELECT COUNT(*) FROM notifications WHERE dedup_key = :key", id),
                "the request only records the broadcast; the job delivers it");
        long recipients = kindred().database.read(h -> h.createQuery("SELECT recipients FROM broadcasts WHERE id = :id")
                .bind("id", id).mapTo(Long.class).one());
        assertEquals(1000, recipients);

        assertEquals(200, run("deliver-broadcasts").status());
        assertEquals(200, run("deliver-broadcasts").status());
        assertEquals(1000, count("SELECT COUNT(*) FROM notifications WHERE dedup_key = :key AND in_site = 1", id));
        assertEquals(1000, count("""
                SELECT COUNT(*) FROM email_outbox o JOIN notifications n ON n.id = o.notification_id
                 WHERE n.dedup_key = :key AND o.state = 'pending'""", id));
        String page = admin.get("/console/broadcasts").body();
        assertTrue(page.contains("1,000 of 1,000"), page);
        assertTrue(kindred().audit.list("broadcast:", Long.MAX_VALUE, 10).stream()
                .anyMatch(e -> e.action().equals("broadcast.sent")), "the broadcast is in the audit log");
    }

    @Test
    void aBroadcastWithoutATitleOrChannelIsRefusedOnThePage() {
        Http admin = platform.admin();
        Http.Response noTitle = admin.submitForm("/console/broadcasts", "/console/broadcasts/preview",
                "title", "", "audience", "all", "inSite", "on");
        assertEquals(400, noTitle.status());
        Http.Response noChannel = admin.submitForm("/console/broadcasts", "/console/broadcasts/preview",
                "title", "Hello", "audience", "all");
        assertEquals(400, noChannel.status());
    }

    @Test
    void withoutSmtpDueEmailsAreSetAsideAtOnceNotRetriedForDays() {
        labelledMembers("nomail", 3);
        Http admin = platform.admin();
        assertEquals(303, admin.submitForm("/console/broadcasts", "/console/broadcasts", "title", "Hello", "body", "Hi.",
                "audience", "label", "label", "nomail", "email", "on").status());
        long id = latestBroadcast();
        assertEquals(200, run("deliver-broadcasts").status());
        for (int i = 0; i < 30 && count("""
                SELECT COUNT(*) FROM email_outbox o JOIN notifications n ON n.id = o.notification_id
                 WHERE n.dedup_key = :key AND o.state = 'pending'""", id) > 0; i++) {
            assertEquals(200, run("send-emails").status());
        }
        assertEquals(3, count("""
                SELECT COUNT(*) FROM email_outbox o JOIN notifications n ON n.id = o.notification_id
                 WHERE n.dedup_key = :key AND o.state = 'failed' AND o.attempts = 1
                   AND o.last_error = 'mail is not set up (mail.smtp.host)'""", id), "failed at once, not retried");
        assertTrue(admin.get("/console/emails").body().contains("mail is not set up"), "the console lists them with why");
    }

    @Test
    void theEmailsPageShowsTheQueue() {
        Http.Response page = platform.admin().get("/console/emails");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("id=\"email-counts\""));
    }
}
