package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.server.Kindred;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Segments end to end over 2,000 members who bought over 18 months (purchases and a few refunds recorded through the
 * platform's own service, with the clock moved to each purchase's time): the RFM "champions" equal the test's own
 * quintile computation; a saved segment's count is live; its CSV equals the API list; bulk labels; a broadcast to the
 * segment reaches exactly its members.
 */
class SegmentsTest {

    static final int MEMBERS = 2_000;
    static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
    static final Instant NOW = START.plus(Duration.ofDays(548)).plus(Duration.ofHours(4));

    static TestPlatform platform;
    static MutableClock clock;
    static Http admin;
    /** What the test itself knows of each member: purchases not refunded, net spending, last purchase day. */
    static final Map<Long, long[]> counts = new HashMap<>();
    static final Map<Long, LocalDate> lastDay = new HashMap<>();
    static final List<Long> ids = new ArrayList<>();

    record Buy(long member, Instant at, long amount, boolean refunded, String order) {
    }

    @BeforeAll
    static void seed() {
        clock = new MutableClock(START.minus(Duration.ofDays(1)));
        platform = TestPlatform.builder().clock(clock).setting("broadcasts.seconds", "3600")
                .setting("mail.outbox-seconds", "3600").start();
        Kindred k = platform.kindred();
        k.database.write(h -> {
            for (int i = 0; i < MEMBERS; i++) {
                ids.add(k.users.insert(h, "m" + i + "@segments.test", null, null, "Member " + i, null, clock.millis()));
            }
            return null;
        });
        Random random = new Random(16);
        List<Buy> buys = new ArrayList<>();
        int order = 0;
        for (long id : ids) {
            int n = random.nextInt(10) < 2 ? 0 : 1 + (int) Math.min(12, Math.abs(random.nextGaussian() * 4));
            for (int j = 0; j < n; j++) {
                Instant at = START.plus(Duration.ofMinutes(random.nextInt(548 * 24 * 60)));
                buys.add(new Buy(id, at, 1_000 + random.nextInt(50_000), random.nextInt(20) == 0, "S-" + order++));
            }
        }
        buys.sort(Comparator.comparing(Buy::at));
        for (Buy b : buys) {
            clock.set(b.at());
            k.purchases.record(b.member(), b.order(), b.amount(), "CNY", null);
            lastDay.put(b.member(), LocalDate.ofInstant(b.at(), ZoneOffset.UTC));
            if (b.refunded()) {
                k.purchases.refund(b.order());
            } else {
                long[] c = counts.computeIfAbsent(b.member(), x -> new long[2]);
                c[0]++;
                c[1] += b.amount();
            }
        }
        clock.set(NOW);
        admin = platform.admin();
        assertEquals(200, admin.post("/api/v1/admin/rfm/recompute", Map.of()).status());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** The test's own RFM: quintile boundaries over the buyers, score = 1 + boundaries reached. */
    static Map<Long, Integer> scores(ToLongFunction<Long> value) {
        List<Long> buyers = counts.entrySet().stream().filter(e -> e.getValue()[0] > 0).map(Map.Entry::getKey).toList();
        List<Long> sorted = buyers.stream().map(value::applyAsLong).sorted().toList();
        int n = sorted.size();
        long[] b = new long[4];
        for (int k = 1; k <= 4; k++) {
            b[k - 1] = sorted.get(k * n / 5);
        }
        Map<Long, Integer> s = new HashMap<>();
        for (long m : buyers) {
            long v = value.applyAsLong(m);
            int score = 1;
            for (long bound : b) {
                score += v >= bound ? 1 : 0;
            }
            s.put(m, score);
        }
        return s;
    }

    static Set<Long> expectedChampions() {
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        Map<Long, Integer> r = scores(m -> -ChronoUnit.DAYS.between(lastDay.get(m), today));
        Map<Long, Integer> f = scores(m -> counts.get(m)[0]);
        Map<Long, Integer> mon = scores(m -> counts.get(m)[1]);
        Set<Long> out = new TreeSet<>();
        r.keySet().forEach(m -> {
            if (r.get(m) >= 4 && f.get(m) >= 4 && mon.get(m) >= 4) {
                out.add(m);
            }
        });
        return out;
    }

    /** Every member of a list answer, page by page. */
    static List<JsonNode> all(String pathAndQuery) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            Http.Response r = admin.get(pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r.body());
            r.json().path("items").forEach(out::add);
            cursor = r.json().path("nextCursor").isNull() ? null : r.json().path("nextCursor").asText();
        } while (cursor != null);
        return out;
    }

    static Set<Long> idsOf(List<JsonNode> rows) {
        Set<Long> s = new TreeSet<>();
        rows.forEach(n -> s.add(n.path("id").asLong()));
        return s;
    }

    static JsonNode save(String name, Map<String, Object> filters) {
        Http.Response r = admin.post("/api/v1/admin/segments", Map.of("name", name, "filters", filters));
        assertEquals(201, r.status(), r.body());
        return r.json().path("segment");
    }

    @Test
    void theChampionsSegmentEqualsTheTestsOwnQuintileComputation() {
        Set<Long> expected = expectedChampions();
        assertTrue(expected.size() > 50, "the seed makes enough champions to mean something: " + expected.size());

        Set<Long> listed = idsOf(all("/api/v1/admin/users?rMin=4&fMin=4&mMin=4"));
        JsonNode saved = save("champions", Map.of("rMin", 4, "fMin", 4, "mMin", 4));

        assertEquals(expected, listed);
        assertEquals(expected.size(), saved.path("count").asLong());
        assertEquals(expected, idsOf(all("/api/v1/admin/users?segment=" + saved.path("id").asLong())));
    }

    @Test
    void aSavedSegmentsCountFollowsAPurchase() {
        JsonNode big = save("big spenders", Map.of("minSpent", 150_000));
        long before = big.path("count").asLong();
        long nonBuyer = ids.stream().filter(id -> !counts.containsKey(id)).findFirst().orElseThrow();

        Http.Response bought = platform.apiClient("shop").post("/api/v1/admin/purchases", Map.of("userId", nonBuyer,
                "externalOrderId", "BIG-1", "amount", 200_000, "currency", "CNY"));
        assertEquals(201, bought.status(), bought.body());

        JsonNode after = admin.get("/api/v1/admin/segments/" + big.path("id").asLong()).json().path("segment");
        assertEquals(before + 1, after.path("count").asLong());
        assertTrue(idsOf(all("/api/v1/admin/users?segment=" + big.path("id").asLong())).contains(nonBuyer));
    }

    @Test
    void theCsvExportHoldsTheSameRowsAsTheApiList() throws Exception {
        JsonNode seg = save("loyal", Map.of("fMin", 3));
        List<JsonNode> listed = all("/api/v1/admin/users?segment=" + seg.path("id").asLong());

        Http.Response csv = admin.get("/api/v1/admin/segments/" + seg.path("id").asLong() + "/members.csv");
        assertEquals(200, csv.status(), csv.body());
        String text = new String(csv.bytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();

        assertEquals(listed.size(), rows.size());
        assertTrue(listed.size() > 100);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode api = listed.get(i);
            CSVRecord row = rows.get(i);
            assertEquals(api.path("id").asText(), row.get("id"));
            assertEquals(api.path("email").asText(), row.get("email"));
            assertEquals(api.path("displayName").asText(), row.get("displayName"));
            assertEquals(api.path("totalSpent").asText(), row.get("totalSpent"));
            assertEquals(api.path("lastPurchaseDay").asText(), row.get("lastPurchaseDay"));
            List<String> labels = new ArrayList<>();
            api.path("labels").forEach(l -> labels.add(l.asText()));
            assertEquals(String.join(",", labels), row.get("labels"));
            assertEquals(api.path("createdAt").asText(), row.get("createdAt"));
        }
    }

    @Test
    void aLabelAddedToASegmentReachesEveryMemberAndIsTakenBackTheSameWay() {
        JsonNode seg = save("recent", Map.of("rMin", 5));
        long id = seg.path("id").asLong();
        long count = seg.path("count").asLong();

        Http.Response added = admin.post("/api/v1/admin/segments/" + id + "/labels", Map.of("add", "recent-buyer"));
        assertEquals(200, added.status(), added.body());
        assertEquals(count, added.json().path("changed").asLong());
        assertEquals(idsOf(all("/api/v1/admin/users?segment=" + id)), idsOf(all("/api/v1/admin/users?label=recent-buyer")));

        Http.Response removed = admin.post("/api/v1/admin/segments/" + id + "/labels", Map.of("remove", "recent-buyer"));
        assertEquals(count, removed.json().path("changed").asLong());
        assertEquals(0, all("/api/v1/admin/users?label=recent-buyer").size());
        assertTrue(platform.kindred().audit.list("segment:" + id, Long.MAX_VALUE, 10).stream()
                .anyMatch(e -> e.action().equals("segment.label_added")), "the bulk label is audited");
    }

    @Test
    void aBroadcastToASegmentReachesExactlyItsMembers() {
        JsonNode seg = save("lapsed", Map.of("rMax", 1));
        long id = seg.path("id").asLong();
        String[] fields = {"title", "We miss you", "body", "Come back for double points.", "audience", "segment",
                "segment", String.valueOf(id), "inSite", "on"};
        Http.Response preview = admin.submitForm("/console/broadcasts", "/console/broadcasts/preview", fields);
        assertEquals(200, preview.status(), preview.body());
        assertTrue(preview.body().contains("data-count=\"" + seg.path("count").asLong() + "\""), "the preview counts the segment");

        assertEquals(303, admin.submitForm("/console/broadcasts", "/console/broadcasts", fields).status());
        long broadcast = platform.kindred().database.read(h -> h.createQuery("SELECT MAX(id) FROM broadcasts").mapTo(Long.class).one());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, admin.post("/api/v1/admin/jobs/core/deliver-broadcasts/run", Map.of()).status());
        }

        List<Long> notified = platform.kindred().database.read(h -> h.createQuery(
                        "SELECT user_id FROM notifications WHERE dedup_key = :k").bind("k", "broadcast:" + broadcast)
                .mapTo(Long.class).list());
        Set<Long> reached = new TreeSet<>(notified);
        assertEquals(idsOf(all("/api/v1/admin/users?segment=" + id)), reached);
        assertTrue(reached.size() > 50);
    }

    @Test
    void theConsoleBuildsPreviewsAndSavesASegmentWithoutJavaScript() {
        Http.Response preview = admin.get("/console/segments?preview=1&fMin=5");
        assertEquals(200, preview.status(), preview.body());
        long expected = all("/api/v1/admin/users?fMin=5").size();
        assertTrue(preview.body().contains("data-count=\"" + expected + "\""), preview.body());

        Http.Response saved = admin.submitForm("/console/segments?preview=1&fMin=5", "/console/segments",
                "name", "frequent (console)", "fMin", "5");
        assertEquals(303, saved.status(), saved.body());
        Http.Response page = admin.get(saved.headers().get("location"));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("data-count=\"" + expected + "\""), page.body());
        assertTrue(admin.get("/console/segments").body().contains("frequent (console)"));
    }

    @Test
    void unknownOrBadFiltersAreRefusedAsInvalidFields() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("minSpent=abc", "a number");
        bad.put("tier=V3", "a plugin filter while membership does not run");
        bad.put("bogus=1", "an unknown name");
        bad.put("rMin=6", "a score beyond 5");
        bad.put("joinedFrom=2025-13-01", "a day that is not one");
        bad.put("label=" + ",".repeat(3), "no label at all");
        for (String q : bad.keySet()) {
            Http.Response r = admin.get("/api/v1/admin/users?" + q);
            assertEquals(400, r.status(), q + ": " + r.body());
            assertEquals("invalid_field", r.errorCode(), bad.get(q));
        }
        Http.Response badSave = admin.post("/api/v1/admin/segments", Map.of("name", "bad", "filters", Map.of("maxPoints", -1)));
        assertEquals(400, badSave.status(), badSave.body());
        assertEquals("invalid_field", badSave.errorCode());
        assertEquals(404, admin.get("/api/v1/admin/users?segment=999999").status());
        assertEquals(404, admin.get("/api/v1/admin/segments/999999/members.csv").status());
    }

    @Test
    void labelsJoinedDaysAndPointsFilterAsDocumented() {
        Kindred k = platform.kindred();
        long a = ids.get(0);
        long b = ids.get(1);
        long c = ids.get(2);
        k.database.write(h -> {
            k.users.addLabel(h, a, "f-red", 0L);
            k.users.addLabel(h, a, "f-blue", 0L);
            k.users.addLabel(h, b, "f-red", 0L);
            k.users.addLabel(h, c, "f-blue", 0L);
            return null;
        });
        assertEquals(Set.of(a, b, c), idsOf(all("/api/v1/admin/users?label=f-red,f-blue")));
        assertEquals(Set.of(a), idsOf(all("/api/v1/admin/users?labelsAll=f-red,f-blue")));
        assertEquals(Set.of(b), idsOf(all("/api/v1/admin/users?label=f-red&noLabel=f-blue")));
        assertEquals(MEMBERS, all("/api/v1/admin/users?joinedFrom=2025-05-31&joinedTo=2025-05-31&query=segments.test").size());
        assertEquals(0, all("/api/v1/admin/users?joinedFrom=2025-06-01&joinedTo=2025-06-02").size());

        Http shop = platform.apiClient("points");
        assertEquals(201, shop.post("/api/v1/admin/ledger/adjustments", Map.of("userId", c, "asset", "points", "amount", 700,
                "reason", "segments test")).status());
        assertEquals(Set.of(c), idsOf(all("/api/v1/admin/users?minPoints=500")));
        assertTrue(!idsOf(all("/api/v1/admin/users?maxPoints=600&label=f-blue")).contains(c));
        assertTrue(idsOf(all("/api/v1/admin/users?activeFrom=" + LocalDate.ofInstant(NOW, ZoneOffset.UTC))).contains(c),
                "a balance that moved today makes the member active today");
    }

    @Test
    void signingUpAndComingBackWithASessionMarkAMemberActiveThatDay() {
        String today = LocalDate.ofInstant(NOW, ZoneOffset.UTC).toString();
        Http member = platform.member("back@active.test", "Back");
        long id = member.get("/api/v1/me").json().path("user").path("id").asLong();
        assertEquals(Set.of(id), idsOf(all("/api/v1/admin/users?query=active.test&activeFrom=" + today + "&activeTo=" + today)));

        platform.kindred().database.write(h -> h.createUpdate("UPDATE users SET last_active_day = '2026-01-01' WHERE id = :id")
                .bind("id", id).execute());
        platform.kindred().users.cache().forgetUser(id); // a writer of users behind the stores forgets what is cached
        assertEquals(Set.of(id), idsOf(all("/api/v1/admin/users?query=active.test&activeTo=2026-01-31")));
        assertEquals(200, member.get("/api/v1/me").status());
        assertEquals(Set.of(id), idsOf(all("/api/v1/admin/users?query=active.test&activeFrom=" + today)),
                "a request with the session marks the member active today");
    }
}
