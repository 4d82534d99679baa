package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.server.cli.Cli;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code seed} fills an empty data directory with a brand that Kindred then serves: the counts asked for, members
 * who can sign in with the seed password or the saved sessions, balances equal to the sum of the history, and a
 * ledger that {@code doctor} finds sound (issue 21). A data directory with members is refused without --force.
 */
class SeedCommandTest {

    private static final int MEMBERS = 300;
    private static final int ENTRIES = 4_000;

    private static Path dir;
    private static String seedOutput;
    private static TestPlatform platform;

    @BeforeAll
    static void seed() throws Exception {
        dir = Files.createTempDirectory("kindred-seed-");
        Result seeded = cli("seed", "--members", Integer.toString(MEMBERS), "--ledger", Integer.toString(ENTRIES),
                "--sessions", "20");
        assertEquals(0, seeded.code(), seeded.out());
        seedOutput = seeded.out();
        platform = TestPlatform.builder().dataDir(dir).sqlite().start(); // seed writes the embedded SQLite database only
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Cli.run(all, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out) {
    }

    private static long count(String sql) {
        return platform.kindred().database.read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void theBrandHasTheMembersAndEntriesAskedFor() {
        assertEquals(MEMBERS, count("SELECT COUNT(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id)"));
        assertEquals(ENTRIES, count("SELECT COUNT(*) FROM ledger_entries"));
        assertEquals(MEMBERS, count("SELECT COUNT(DISTINCT phone) FROM users WHERE phone IS NOT NULL"));
        assertTrue(count("SELECT COUNT(*) FROM users WHERE last_active_day IS NULL") <= 1, "every seeded member has a last active day");
        assertTrue(seedOutput.contains("data directory"), seedOutput);
    }

    @Test
    void aSeededMemberSignsInAndTheirBalanceIsTheSumOfTheirHistory() {
        long id = count("SELECT MIN(id) FROM users u WHERE NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id)");
        Http member = platform.http();
        assertEquals(200, member.post("/api/v1/auth/login", Map.of("email", "member" + id + "@seed.kindred.test",
                "password", "seed-password-1")).status());
        long balance = member.get("/api/v1/me/balances").json().at("/balances/points").asLong();
        long sum = 0;
        int pages = 0;
        String cursor = "";
        do {
            JsonNode page = member.get("/api/v1/me/ledger?limit=7" + cursor).json();
            for (JsonNode item : page.get("items")) {
                sum += item.get("amount").asLong();
            }
            cursor = page.get("nextCursor").isNull() ? null : "&cursor=" + page.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 1_000);
        assertTrue(pages > 1, "the member has a history of several pages");
        assertEquals(balance, sum);
    }

    @Test
    void theSavedSessionsAreSignedIn() throws Exception {
        List<String> tokens = Files.readAllLines(dir.resolve("bench-sessions.txt"));
        assertEquals(20, tokens.size());
        Http.Response me = platform.http().header("Cookie", "kindred_session=" + tokens.get(5)).get("/api/v1/me");
        assertEquals(200, me.status(), me.body());
    }

    @Test
    void doctorFindsTheLedgerSoundAndASecondSeedIsRefusedWithoutForce() {
        Result doctor = cli("doctor");
        assertEquals(0, doctor.code(), doctor.out());
        Result again = cli("seed", "--members", "5");
        assertEquals(1, again.code(), again.out());
        assertTrue(again.out().contains("--force"), again.out());
    }
}
