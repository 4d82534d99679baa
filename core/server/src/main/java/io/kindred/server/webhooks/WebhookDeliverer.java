package io.kindred.server.webhooks;

import io.kindred.server.config.SiteSettings;
import io.kindred.server.events.Wakeup;
import io.kindred.server.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends webhooks, off every request thread: one thread moves new events from the outbox into deliveries
 * ({@link WebhookStore#fanOut}) and hands due ones to a small pool, at most one in flight per endpoint, so a
 * receiver that hangs holds one worker for at most the request timeout and slows nobody else. A 2xx answer is
 * delivered; anything else is retried after {@code webhooks.retry-base-ms} doubled per attempt (capped at an
 * hour) until 3 days after the first attempt, then failed. An endpoint that failed
 * {@code webhooks.disable-after-failures} times in a row, or without a success for 3 days, is disabled.
 */
public final class WebhookDeliverer {

    static final String ALLOW_PRIVATE = "webhooks.allow-private";
    static final String RETRY_BASE_MS = "webhooks.retry-base-ms";
    static final String DISABLE_AFTER = "webhooks.disable-after-failures";
    static final String PARALLELISM = "webhooks.parallelism";
    static final long GIVE_UP_MS = Duration.ofDays(3).toMillis();
    static final long MAX_DELAY_MS = Duration.ofHours(1).toMillis();
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int EXCERPT_CHARS = 500;
    private static final int FAN_OUT_BATCH = 500;
    private static final long LEASE_MS = CONNECT_TIMEOUT.plus(REQUEST_TIMEOUT).toMillis() + 30_000;
    private static final Logger log = LoggerFactory.getLogger("kindred.webhooks");

    private final WebhookStore store;
    private final SiteSettings settings;
    private final Clock clock;
    private final String userAgent;
    private final int parallelism;
    private final Set<Long> busyEndpoints = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running;
    private HttpClient client;
    private ExecutorService workers;
    private Thread thread;

    public WebhookDeliverer(WebhookStore store, SiteSettings settings, Clock clock, String version) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.userAgent = "Kindred-Webhooks/" + version;
        this.parallelism = Math.max(1, Math.min(64, settings.intValue(PARALLELISM, 4)));
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "kindred-webhooks-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // HTTP/1.1: an h2c upgrade on a POST confuses simple receivers; https still negotiates what the receiver speaks
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        thread = new Thread(this::loop, "kindred-webhooks");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops taking work and interrupts attempts in flight (their lease runs out; the next start retries them). */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            thread.join(10_000);
            workers.shutdownNow();
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void wake() {
        wakeup.ring();
    }

    private void loop() {
        while (running) {
            try {
                store.fanOut(FAN_OUT_BATCH, clock.millis(), (endpoint, type) -> EventPatterns.matches(endpoint.events(), type));
                long now = clock.millis();
                for (WebhookStore.Due due : store.claimDue(now, parallelism - inFlight.get(), Set.copyOf(busyEndpoints),
                        now + LEASE_MS)) {
                    busyEndpoints.add(due.endpointId());
                    inFlight.incrementAndGet();
                    workers.execute(() -> {
                        try {
                            attempt(due);
                        } finally {
                            busyEndpoints.remove(due.endpointId());
                            inFlight.decrementAndGet();
                            wake();
                        }
                    });
                }
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                log.error("Webhook pass failed, retrying shortly: {}", e.toString());
            }
            if (!wakeup.await(250, () -> running)) {
                return;
            }
        }
    }

    /** What one POST came to. */
    private record Outcome(Integer status, long latencyMs, String excerpt, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private void attempt(WebhookStore.Due due) {
        long startedAt = clock.millis();
        Outcome outcome;
        try {
            outcome = post(due);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stopping: the lease runs out and the delivery is tried again
        }
        if (!running && outcome.error() != null && Thread.currentThread().isInterrupted()) {
            return;
        }
        if (outcome.delivered()) {
            if (store.recordAttempt(due, DeliveryStatus.DELIVERED, startedAt, startedAt, outcome.status(),
                    outcome.latencyMs(), outcome.excerpt(), null)) {
                store.endpointSucceeded(due.endpointId());
            }
            return;
        }
        log.debug("Webhook delivery {} to {} failed: {} in {} ms", due.deliveryId(), due.url(), describe(outcome),
                outcome.latencyMs());
        long firstAt = due.firstAttemptAt() == null ? startedAt : due.firstAttemptAt().toEpochMilli();
        int attempts = due.attempts() + 1;
        long base = Math.max(10, settings.intValue(RETRY_BASE_MS, 10_000));
        long delay = Math.min(base << Math.min(attempts - 1, 30), MAX_DELAY_MS);
        boolean giveUp = startedAt + delay - firstAt > GIVE_UP_MS;
        if (!store.recordAttempt(due, giveUp ? DeliveryStatus.FAILED : DeliveryStatus.PENDING, startedAt,
                startedAt + delay, outcome.status(), outcome.latencyMs(), outcome.excerpt(), outcome.error())) {
            return;
        }
        WebhookStore.FailureRun run = store.endpointFailed(due.endpointId(), startedAt);
        int disableAfter = Math.max(1, settings.intValue(DISABLE_AFTER, 20));
        String reason = null;
        if (run.consecutiveFailures() >= disableAfter) {
            reason = run.consecutiveFailures() + " deliveries in a row failed";
        } else if (run.failingSince() != null && startedAt - run.failingSince().toEpochMilli() >= GIVE_UP_MS) {
            reason = "deliveries failed for 3 days";
        }
        if (reason != null) {
            store.disable(due.endpointId(), reason + " (last: " + describe(outcome) + ")", startedAt);
            log.warn("Webhook endpoint {} disabled: {} ({})", due.endpointId(), reason, due.url());
        }
    }

    private Outcome post(WebhookStore.Due due) throws InterruptedException {
        long started = System.nanoTime();
        try {
            URI uri = UrlGuard.parse(due.url());
            UrlGuard.check(uri, settings.boolValue(ALLOW_PRIVATE, false));
            String body = body(due);
            long t = clock.millis() / 1000;
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", userAgent)
                    .header("Kindred-Event-Id", String.valueOf(due.eventId()))
                    .header("Kindred-Signature", Signature.header(due.secret(), t, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream in = response.body()) {
                byte[] head = in.readNBytes(EXCERPT_CHARS * 4);
                excerpt = excerpt(new String(head, StandardCharsets.UTF_8));
            }
            return new Outcome(response.statusCode(), elapsed(started), excerpt,
                    response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode());
        } catch (HttpTimeoutException e) {
            return new Outcome(null, elapsed(started), null, "timed out: " + e.getMessage());
        } catch (io.kindred.api.KindredException e) {
            return new Outcome(null, elapsed(started), null, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, elapsed(started), null, excerpt(String.valueOf(e)));
        }
    }

    /** @return the JSON a receiver gets: {@code {"id","type","createdAt","userId","data"}} */
    static String body(WebhookStore.Due due) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", due.eventId());
        m.put("type", due.eventType());
        m.put("createdAt", due.eventAt());
        m.put("userId", due.userId());
        m.put("data", Json.readMap(due.payload()));
        return Json.write(m);
    }

    private static String describe(Outcome o) {
        return o.status() != null ? "HTTP " + o.status() : String.valueOf(o.error());
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String excerpt(String s) {
        String v = s.replaceAll("\\s+", " ").strip();
        return v.length() > EXCERPT_CHARS ? v.substring(0, EXCERPT_CHARS) : v;
    }
}
