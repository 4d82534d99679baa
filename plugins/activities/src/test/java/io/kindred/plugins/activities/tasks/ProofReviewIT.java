package io.kindred.plugins.activities.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.Multipart;
import io.kindred.testkit.MutableClock;
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

/** "Follow the brand" tasks: a proof, reviewed by an operator; approval pays once, rejection lets the member retry. */
class ProofReviewIT {

    /** The smallest PNG: one transparent pixel. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static TestPlatform p;
    private static long follow;

    @BeforeAll
    static void start() {
        p = TaskFixture.alone(new MutableClock(TaskFixture.START));
        follow = TaskFixture.task(p, "tasks.follow", 1, 50, "once", Map.of("platform", "Weibo", "account", "@kindred"));
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    private static Http.Response sendProof(Http member, long task, String handle, boolean withScreenshot) {
        Multipart body = new Multipart().field("handle", handle);
        if (withScreenshot) {
            body.file("screenshot", "follow.png", PNG);
        }
        return member.raw("POST", "/api/v1/tasks/" + task + "/proofs", body.contentType(), body.bytes());
    }

    @Test
    void aProofApprovedTwiceInParallelCompletesTheTaskAndPaysOnce() throws Exception {
        Http amy = p.member("amy@proofs.test", "Amy");
        long amyId = TaskFixture.userId(amy);
        Http.Response sent = sendProof(amy, follow, "amy_weibo", true);
        assertEquals(201, sent.status(), sent.body());
        long proof = sent.json().path("proof").path("id").asLong();
        assertTrue(sent.json().path("proof").path("image").asText().startsWith("/uploads/tasks/"), sent.body());

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> p.admin().post("/api/v1/admin/tasks/proofs/" + proof + "/approve", Map.of()).status());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(409, p.admin().post("/api/v1/admin/tasks/proofs/" + proof + "/approve", Map.of()).status());

        assertEquals(50, TaskFixture.points(amy));
        assertTrue(TaskFixture.mine(amy, follow).path("completed").asBoolean());
        assertEquals(1, TaskFixture.completedEvents(p, amyId));
        assertEquals(409, sendProof(amy, follow, "again", false).status(), "completed: no more proofs");
        JsonNode notes = amy.get("/api/v1/me/notifications").json();
        assertTrue(notes.toString().contains("approved"), notes.toString());
        TaskFixture.ledgerHolds(p);
    }

    @Test
    void aRejectedProofNeedsAReasonNotifiesTheMemberAndAnotherProofMaySucceed() {
        Http bob = p.member("bob@proofs.test", "Bob");
        long first = sendProof(bob, follow, "bob_w", false).json().path("proof").path("id").asLong();
        assertEquals(409, sendProof(bob, follow, "bob_w2", false).status(), "one proof waits at a time");
        assertEquals(400, p.admin().post("/api/v1/admin/tasks/proofs/" + first + "/reject", Map.of()).status());
        Http.Response rejected = p.admin().post("/api/v1/admin/tasks/proofs/" + first + "/reject",
                Map.of("reason", "We cannot see the follow button"));
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals(0, TaskFixture.points(bob));
        assertTrue(bob.get("/api/v1/me/notifications").body().contains("We cannot see the follow button"));

        long second = sendProof(bob, follow, "bob_weibo", false).json().path("proof").path("id").asLong();
        assertEquals(200, p.admin().post("/api/v1/admin/tasks/proofs/" + second + "/approve", Map.of()).status());
        assertEquals(50, TaskFixture.points(bob));
    }

    @Test
    void theQueueListsPendingProofsOldestFirstAndTheAuditLogHasTheDecisions() {
        Http cat = p.member("cat@proofs.test", "Cat");
        long proof = sendProof(cat, follow, "cat_w", false).json().path("proof").path("id").asLong();
        JsonNode queue = p.admin().get("/api/v1/admin/tasks/proofs?status=pending").json().path("items");
        assertTrue(queue.toString().contains("\"id\":" + proof), queue.toString());
        assertEquals(200, p.admin().post("/api/v1/admin/tasks/proofs/" + proof + "/approve", Map.of()).status());
        assertTrue(p.admin().get("/api/v1/admin/audit?limit=50").body().contains("tasks.proof_approved"));
    }

    @Test
    void aProofWithoutHandleOrScreenshotIsRefusedAndSoIsAProofForAnotherKind() {
        Http dan = p.member("dan@proofs.test", "Dan");
        Multipart nothing = new Multipart().field("handle", " ");
        Http.Response empty = dan.raw("POST", "/api/v1/tasks/" + follow + "/proofs", nothing.contentType(), nothing.bytes());
        assertEquals(400, empty.status(), empty.body());
        long share = TaskFixture.task(p, "tasks.share", 1, 5, "daily", Map.of("url", "/"));
        assertEquals("wrong_task_kind", sendProof(dan, share, "x", false).errorCode());
    }
}
