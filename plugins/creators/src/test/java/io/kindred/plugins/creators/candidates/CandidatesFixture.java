package io.kindred.plugins.creators.candidates;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the candidates tests share: the creators jar with the real plugins next to it, members, CSV rows. */
final class CandidatesFixture {

    static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));
    static final Path IT_PLUGINS = Path.of(System.getProperty("kindred.it.plugins"));
    static final Instant START = Instant.parse("2026-03-10T04:00:00Z");

    private CandidatesFixture() {
    }

    /** The creators plugin with check-in, membership, community and distribution, community's limits lifted. */
    static TestPlatform.Builder platform(MutableClock clock) {
        TestPlatform.Builder b = TestPlatform.builder().plugin(JAR).clock(clock).setting("site.timezone", "UTC");
        for (String id : List.of("checkin", "membership", "community", "distribution")) {
            b.plugin(IT_PLUGINS.resolve("kindred-plugin-" + id + ".jar"));
        }
        return b.setting("community.newMemberPostsPerDay", "1000").setting("community.newMemberCommentsPerDay", "10000")
                .setting("community.postsPerTenMinutes", "1000").setting("community.commentsPerMinute", "1000");
    }

    static Http member(TestPlatform p, String email, String name, String referralCode) {
        Http h = p.http();
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", "member-password-1", "displayName", name));
        if (referralCode != null) {
            body.put("referralCode", referralCode);
        }
        Http.Response r = h.post("/api/v1/auth/register", body);
        assertEquals(201, r.status(), r.body());
        p.awaitEvents();
        return h;
    }

    static long userId(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }

    static void purchase(TestPlatform p, Http api, long userId, String order, long amount) {
        Http.Response r = api.post("/api/v1/admin/purchases", Map.of("userId", userId, "externalOrderId", order, "amount", amount,
                "currency", "CNY"));
        assertTrue(r.status() == 201 || r.status() == 200, r.body());
        p.awaitEvents();
    }

    /** @return the ids of the candidates CSV's rows, in order */
    static List<Long> csvIds(Http admin, String query) {
        Http.Response r = admin.get("/console/creators/candidates.csv?" + query);
        assertEquals(200, r.status(), r.body());
        List<Long> ids = new ArrayList<>();
        String[] lines = r.body().split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                ids.add(Long.parseLong(lines[i].substring(0, lines[i].indexOf(',')).replace("\"", "")));
            }
        }
        return ids;
    }

    /** @return the ids of the members {@code GET /api/v1/admin/users?<query>} keeps */
    static List<Long> userIds(Http admin, String query) {
        Http.Response r = admin.get("/api/v1/admin/users?limit=100&" + query);
        assertEquals(200, r.status(), r.body());
        List<Long> ids = new ArrayList<>();
        r.json().path("items").forEach(u -> ids.add(u.path("id").asLong()));
        return ids;
    }

    /**
     * Writes an open campaign into the campaigns part's table as that part would (the table is created here when the
     * campaigns part is not in this build). @return its id
     */
    static long openCampaign(TestPlatform p, String title) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p.dataDir().resolve("kindred.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS creator_campaigns (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL,
                     category TEXT, starts_on TEXT, ends_on TEXT, quota INTEGER, description TEXT, status TEXT NOT NULL,
                     form TEXT, created_at BIGINT, updated_at BIGINT)""");
            s.executeUpdate("INSERT INTO creator_campaigns(title, category, starts_on, ends_on, quota, description, status, form,"
                    + " created_at, updated_at) VALUES ('" + title + "', 'beauty', '2026-03-01', '2026-12-31', 10, 'd', 'open', '[]', 0, 0)");
            try (var rs = s.executeQuery("SELECT MAX(id) FROM creator_campaigns")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String location(Http.Response r) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("location")).map(Map.Entry::getValue)
                .findFirst().orElse("");
    }
}
